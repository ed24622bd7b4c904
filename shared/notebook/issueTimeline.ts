import type { Acknowledgement } from '../model/acknowledgement';
import type { RaisedIssue } from '../model/raisedIssue';

/** One event in the life of an issue and its escalations. */
export type TimelineEvent =
  | { kind: 'raised'; at: string; issue: RaisedIssue; isCurrent: boolean }
  | { kind: 'follow-up'; at: string; issue: RaisedIssue; day: string; answered: boolean }
  | { kind: 'acknowledged'; at: string; issue: RaisedIssue; acknowledgement: Acknowledgement };

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
 * Every raise, follow-up day and acknowledgement of an issue and its escalation chain, in time
 * order. A follow-up day counts as answered when an acknowledgement of that raise arrived.
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
      events.push({
        kind: 'follow-up',
        at: `${raise.followUpDue}T23:59:59.999Z`,
        issue: raise,
        day: raise.followUpDue,
        answered: acks.length > 0,
      });
    }
    for (const a of acks)
      events.push({ kind: 'acknowledged', at: a.at, issue: raise, acknowledgement: a });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

/** How an issue stands on acknowledgement. */
export type AckState = 'acknowledged' | 'overdue' | 'awaiting' | 'no follow-up';

/** The acknowledgement state of an issue on a day (YYYY-MM-DD). */
export function ackState(issue: RaisedIssue, ackCount: number, today: string): AckState {
  if (ackCount > 0) return 'acknowledged';
  if (issue.followUpDue === null) return 'no follow-up';
  return issue.followUpDue < today ? 'overdue' : 'awaiting';
}

/** Whole days from the raise to `today` (YYYY-MM-DD), never negative. */
export function daysSinceRaised(raisedAt: string, today: string): number {
  const from = Date.parse(`${raisedAt.slice(0, 10)}T00:00:00Z`);
  const to = Date.parse(`${today}T00:00:00Z`);
  return Math.max(0, Math.round((to - from) / 86_400_000));
}
