import type { Acknowledgement } from '@shared/model/acknowledgement';
import type { RaisedIssue } from '@shared/model/raisedIssue';
import type { FollowUpEvent } from '@shared/notebook/followUpCalendar';
import { unansweredAddressees } from '@shared/rules/addressees';

/**
 * The follow-up days still awaiting someone, as calendar events: open issues (raised or
 * acknowledged, not deleted) with a follow-up day and at least one addressee without an answer,
 * named in the description.
 */
export function followUpEvents(
  issues: readonly RaisedIssue[],
  acknowledgements: readonly Acknowledgement[],
  names: ReadonlyMap<string, string>,
  client: string,
): FollowUpEvent[] {
  return issues
    .filter((i) => i.deletedAt === null && i.followUpDue !== null)
    .filter((i) => i.status === 'raised' || i.status === 'acknowledged')
    .map((i) => ({
      issue: i,
      waiting: unansweredAddressees(
        i,
        acknowledgements.filter((a) => a.raisedIssueId === i.id),
      ),
    }))
    .filter(({ waiting }) => waiting.length > 0)
    .map(({ issue, waiting }) => ({
      uid: issue.id,
      day: issue.followUpDue ?? '',
      summary: `Follow up: ${issue.title}`,
      description: `${client}. No answer from ${waiting.map((id) => names.get(id) ?? 'unknown').join(', ')} (raised ${issue.raisedAt.slice(0, 10)}).`,
    }));
}
