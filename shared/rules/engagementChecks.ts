import type { EngagementData } from '../model/engagementData';
import type { EngagementScopedEntityName } from '../model/registry';
import { checkAcknowledgement } from './acknowledgement';
import type { RecordIndex } from './links';
import { indexById, isLive } from './lookup';
import { checkOwnershipArea } from './ownership';
import { checkRaisedIssue } from './raisedIssue';
import { checkDecision, checkNote } from './records';
import { checkRisk } from './risk';
import { checkStakeholder } from './stakeholders';
import type { Violation } from './violation';
import { violation } from './violation';

/** A violation located on one record. */
export type RecordViolation = Violation & { entity: EngagementScopedEntityName; id: string };

/** Live records of an engagement by entity and id. */
export function indexEngagementData(data: EngagementData): RecordIndex {
  return {
    stakeholder: indexById(data.stakeholders),
    ownershipArea: indexById(data.ownershipAreas),
    risk: indexById(data.risks),
    raisedIssue: indexById(data.raisedIssues),
    acknowledgement: indexById(data.acknowledgements),
    note: indexById(data.notes),
    decision: indexById(data.decisions),
  };
}

/**
 * Runs every cross-record rule over a whole engagement (soft-deleted records are skipped and
 * count as missing): the engagement health check, also used to prove the sample consistent.
 */
export function checkEngagementData(data: EngagementData): RecordViolation[] {
  const out: RecordViolation[] = [];
  const index = indexEngagementData(data);
  const stakeholdersById = indexById(data.stakeholders);
  const engagementId = data.engagement.id;
  const add = (
    entity: EngagementScopedEntityName,
    record: { id: string; engagementId: string },
    violations: Violation[],
  ) => {
    if (record.engagementId !== engagementId) {
      violations.unshift(
        violation('engagementId', 'is not this engagement', 'record.other-engagement'),
      );
    }
    for (const v of violations) out.push({ ...v, entity, id: record.id });
  };

  for (const s of data.stakeholders.filter(isLive)) {
    add('stakeholder', s, checkStakeholder(s, data.stakeholders));
  }
  for (const a of data.ownershipAreas.filter(isLive)) {
    add('ownershipArea', a, checkOwnershipArea(a, stakeholdersById));
  }
  for (const r of data.risks.filter(isLive)) {
    add(
      'risk',
      r,
      checkRisk(r, { stakeholdersById, ownershipAreasById: indexById(data.ownershipAreas) }),
    );
  }
  const risksById = indexById(data.risks);
  for (const i of data.raisedIssues.filter(isLive)) {
    add(
      'raisedIssue',
      i,
      checkRaisedIssue(i, { issues: data.raisedIssues, stakeholdersById, risksById }),
    );
  }
  const issuesById = indexById(data.raisedIssues);
  for (const a of data.acknowledgements.filter(isLive)) {
    add(
      'acknowledgement',
      a,
      checkAcknowledgement(a, issuesById.get(a.raisedIssueId), stakeholdersById),
    );
  }
  for (const n of data.notes.filter(isLive)) add('note', n, checkNote(n, stakeholdersById, index));
  const decisionsById = indexById(data.decisions);
  for (const d of data.decisions.filter(isLive)) {
    add('decision', d, checkDecision(d, decisionsById, stakeholdersById, index));
  }
  return out;
}
