import type { Acknowledgement } from '../model/acknowledgement';
import type { RaisedIssue, RaisedIssueStatus } from '../model/raisedIssue';
import { isFullyAcknowledged } from './addressees';

/**
 * The status an issue takes after one of its answers was corrected, deleted or restored. The
 * "acknowledged" status is derived from the answers, so it follows them both ways: an issue
 * stays acknowledged only while every addressee has answered (or a delegate for them), and an
 * issue still marked raised becomes acknowledged when a correction completes the answers. Any
 * other status (declined, risk accepted, actioned, resolved) was a decision and is kept.
 */
export function statusAfterAnswersChanged(
  issue: Pick<RaisedIssue, 'id' | 'raisedToIds' | 'raisedAt' | 'status'>,
  acknowledgements: readonly Acknowledgement[],
): RaisedIssueStatus {
  const answered = issue.raisedToIds.length > 0 && isFullyAcknowledged(issue, acknowledgements);
  if (issue.status === 'acknowledged' && !answered) return 'raised';
  if (issue.status === 'raised' && answered) return 'acknowledged';
  return issue.status;
}
