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

/** An issued memo version as an acknowledgement's link is checked against. */
export interface IssuedMemoRef {
  engagementId: string;
  memoId: string;
  version: number;
  fingerprint: string;
  deletedAt: string | null;
}

/**
 * Checks an acknowledgement's link to an issued memo: the memo id and version name an issued
 * memo of the engagement, and the fingerprint (when recorded) is that version's. An old link
 * without a fingerprint is a warning: it cannot be checked against the content.
 */
export function checkMemoLink(
  ack: Pick<Acknowledgement, 'engagementId' | 'memoId' | 'memoVersion' | 'memoFingerprint'>,
  memos: readonly IssuedMemoRef[],
): Violation[] {
  if (ack.memoId === null) return [];
  const found = memos.find(
    (m) =>
      m.deletedAt === null &&
      m.engagementId === ack.engagementId &&
      m.memoId === ack.memoId &&
      (ack.memoVersion === null || m.version === ack.memoVersion),
  );
  if (!found) {
    return [
      violation(
        'memoId',
        'is not an issued memo of this engagement',
        'acknowledgement.unknown-memo',
      ),
    ];
  }
  if (ack.memoVersion === null || ack.memoFingerprint === null) {
    return [
      violation(
        'memoFingerprint',
        'is not recorded: the link names no checkable version',
        'acknowledgement.memo-unfingerprinted',
        'warning',
      ),
    ];
  }
  if (found.fingerprint !== ack.memoFingerprint) {
    return [
      violation(
        'memoFingerprint',
        'does not match the issued memo version',
        'acknowledgement.memo-fingerprint-mismatch',
      ),
    ];
  }
  return [];
}
