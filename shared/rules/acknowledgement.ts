import type { Acknowledgement } from '../model/acknowledgement';
import type { RaisedIssue } from '../model/raisedIssue';
import type { Stakeholder } from '../model/stakeholder';
import { instant } from './dates';
import type { Violation } from './violation';
import { violation } from './violation';

/**
 * Cross-record rules of an acknowledgement: its issue exists in the same engagement, it does
 * not predate the issue being raised, and it comes from a stakeholder of the engagement (any
 * stakeholder, not only those the issue was raised to). An answer given on someone's behalf
 * names a person the issue was raised to. A risk acceptance without an expiry day is a warning.
 */
export function checkAcknowledgement(
  ack: Acknowledgement,
  issue: RaisedIssue | undefined,
  stakeholdersById: ReadonlyMap<string, Stakeholder>,
): Violation[] {
  const out: Violation[] = [];
  if (!issue || issue.deletedAt !== null || issue.engagementId !== ack.engagementId) {
    out.push(
      violation(
        'raisedIssueId',
        'is not a raised issue of this engagement',
        'acknowledgement.unknown-issue',
      ),
    );
  } else if (instant(ack.at) < instant(issue.raisedAt)) {
    out.push(
      violation('at', 'cannot be before the issue was raised', 'acknowledgement.before-raised'),
    );
  }
  if (stakeholdersById.get(ack.byId)?.engagementId !== ack.engagementId) {
    out.push(
      violation('byId', 'is not a stakeholder of this engagement', 'acknowledgement.unknown-by'),
    );
  }
  if (ack.onBehalfOfId !== null && issue && !issue.raisedToIds.includes(ack.onBehalfOfId)) {
    out.push(
      violation(
        'onBehalfOfId',
        'must be someone the issue was raised to',
        'acknowledgement.on-behalf-of-non-addressee',
      ),
    );
  }
  if (ack.response === 'risk_accepted' && ack.expiresOn === null) {
    out.push(
      violation(
        'expiresOn',
        'should be set when a risk is accepted',
        'acknowledgement.acceptance-without-expiry',
        'warning',
      ),
    );
  }
  return out;
}
