import type { Acknowledgement } from '../model/acknowledgement';
import type { FollowUp, RaisedIssue } from '../model/raisedIssue';
import { followUpsOf } from '../rules/followUps';
import { unansweredAddressees } from '../rules/addressees';

/** One event in the life of an issue and its escalations. */
export type TimelineEvent =
  | { kind: 'raised'; at: string; issue: RaisedIssue; isCurrent: boolean }
  | {
      kind: 'follow-up';
      at: string;
      issue: RaisedIssue;
      day: string;
      /** True when every addressee answered by the end of that day (or a delegate for them). */
      answered: boolean;
      /** The addressees with no answer by the end of that day. */
      unansweredIds: string[];
    }
  | { kind: 'acknowledged'; at: string; issue: RaisedIssue; acknowledgement: Acknowledgement }
  /** A chaser sent, or silence by a follow-up day recorded. */
  | { kind: 'chased'; at: string; issue: RaisedIssue; followUp: FollowUp; index: number };

/**
 * The chain of raises an issue belongs to: the issues it escalates (down to the first raise)
 * and the issues that escalate it (up to the latest), each once, oldest raise first.
 */
export function escalationChain(issue: RaisedIssue, issues: readonly RaisedIssue[]): RaisedIssue[] {
  const byId = new Map(issues.map((i) => [i.id, i]));
  byId.set(issue.id, issue);
  const chain = new Map<string, RaisedIssue>([[issue.id, issue]]);
  // Down: what this one escalates.
  let next = issue.escalatesId;
  while (next !== null && !chain.has(next)) {
    const earlier = byId.get(next);
    if (!earlier || earlier.deletedAt !== null) break;
    chain.set(earlier.id, earlier);
    next = earlier.escalatesId;
  }
  // Up: what escalates anything in the chain (repeat until nothing new is found).
  let grew = true;
  while (grew) {
    grew = false;
    for (const candidate of issues) {
      if (candidate.deletedAt !== null || chain.has(candidate.id)) continue;
      if (candidate.escalatesId !== null && chain.has(candidate.escalatesId)) {
        chain.set(candidate.id, candidate);
        grew = true;
      }
    }
  }
  return [...chain.values()].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
}

/**
 * Every raise, follow-up day, chaser, recorded silence and acknowledgement of an issue and its escalation chain, in time
 * order. A follow-up day counts as answered when every addressee of that raise had answered
 * (or been answered for) by the end of that day.
 */
export function issueTimeline(
  issue: RaisedIssue,
  issues: readonly RaisedIssue[],
  acknowledgements: readonly Acknowledgement[],
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const raise of escalationChain(issue, issues)) {
    const acks = acknowledgements.filter(
      (a) => a.raisedIssueId === raise.id && a.deletedAt === null,
    );
    events.push({
      kind: 'raised',
      at: raise.raisedAt,
      issue: raise,
      isCurrent: raise.id === issue.id,
    });
    if (raise.followUpDue !== null) {
      const at = `${raise.followUpDue}T23:59:59.999Z`;
      const byThen = acks.filter((a) => a.at <= at);
      const unansweredIds = unansweredAddressees(raise, byThen);
      events.push({
        kind: 'follow-up',
        at,
        issue: raise,
        day: raise.followUpDue,
        answered: unansweredIds.length === 0,
        unansweredIds,
      });
    }
    for (const a of acks)
      events.push({ kind: 'acknowledged', at: a.at, issue: raise, acknowledgement: a });
    followUpsOf(raise).forEach((followUp, index) =>
      events.push({ kind: 'chased', at: followUp.at, issue: raise, followUp, index }),
    );
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

/** How an issue stands on acknowledgement. */
export type AckState = 'acknowledged' | 'partly' | 'overdue' | 'awaiting' | 'no follow-up';

/**
 * The acknowledgement state of an issue on a day (YYYY-MM-DD), per addressee: acknowledged
 * once every addressee answered (or was answered for); otherwise overdue past the follow-up
 * day, else partly (some answered) or awaiting.
 */
export function ackState(
  issue: Pick<RaisedIssue, 'followUpDue' | 'raisedToIds'>,
  unansweredCount: number,
  today: string,
): AckState {
  if (unansweredCount === 0) return 'acknowledged';
  if (issue.followUpDue !== null && issue.followUpDue < today) return 'overdue';
  if (unansweredCount < issue.raisedToIds.length) return 'partly';
  return issue.followUpDue === null ? 'no follow-up' : 'awaiting';
}

/** Whole days from the raise to `today` (YYYY-MM-DD), never negative. */
export function daysSinceRaised(raisedAt: string, today: string): number {
  const from = Date.parse(`${raisedAt.slice(0, 10)}T00:00:00Z`);
  const to = Date.parse(`${today}T00:00:00Z`);
  return Math.max(0, Math.round((to - from) / 86_400_000));
}
