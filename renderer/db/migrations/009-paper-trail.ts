import type { Migration } from './types';

/**
 * Version 9: acknowledgements per addressee. An acknowledgement gains `onBehalfOfId`, the
 * addressee it was given for (a delegate answering), null when the answer is the answerer's own.
 * Old acknowledgements had no such field: the truthful reading is that each answers for the
 * person recorded as answering, and for nobody else, so they are given `onBehalfOfId: null`
 * (no index, no other change; `updatedAt` is kept: the record's meaning does not change).
 * Raised issues gain `followUps` (chasers and recorded silences): none on old records.
 * Stakeholders gain the escalation routing fields: nobody is an escalation point, wants
 * escalations only to them, or is anyone's delegate until the consultant says so. Risks gain
 * the acceptance record (when, conditions, the acknowledgement it came from): unknown on old ones.
 */
export const migration009: Migration = {
  version: 9,
  description: 'Answers per addressee, follow-ups, escalation routing, risk acceptance record',
  stores: {},
  upgrade: async (tx) => {
    await tx
      .table('acknowledgements')
      .toCollection()
      .modify((ack: Record<string, unknown>) => {
        if (ack.onBehalfOfId === undefined) ack.onBehalfOfId = null;
        if (ack.memoFingerprint === undefined) ack.memoFingerprint = null;
      });
    await tx
      .table('raisedIssues')
      .toCollection()
      .modify((issue: Record<string, unknown>) => {
        if (issue.followUps === undefined) issue.followUps = [];
      });
    await tx
      .table('stakeholders')
      .toCollection()
      .modify((person: Record<string, unknown>) => {
        person.escalationPoint ??= 'none';
        person.escalationAreaIds ??= [];
        person.escalationsOnlyToMe ??= false;
        person.delegateForIds ??= [];
      });
    await tx
      .table('risks')
      .toCollection()
      .modify((risk: Record<string, unknown>) => {
        risk.acceptedAt ??= null;
        risk.acceptanceConditions ??= '';
        risk.acceptedViaAckId ??= null;
      });
  },
};
