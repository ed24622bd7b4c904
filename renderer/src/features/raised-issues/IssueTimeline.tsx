import type { Acknowledgement } from '@shared/model/acknowledgement';
import type { RaisedIssue } from '@shared/model/raisedIssue';
import { localIsoDay } from '@shared/rules/dates';
import { formatDate, formatDateTime } from '../../lib/formatDate';
import { useUiStore } from '../../state/uiStore';
import { choiceLabel } from './raisedIssueForm';
import { issueTimeline } from '@shared/notebook/issueTimeline';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';

/** Every raise of the issue's escalation chain, with follow-ups and acknowledgements, in time order. */
export function IssueTimeline({
  issue,
  issues,
  acknowledgements,
  names,
}: {
  issue: RaisedIssue;
  issues: readonly RaisedIssue[];
  acknowledgements: readonly Acknowledgement[];
  names: ReadonlyMap<string, string>;
}) {
  const selectRecord = useUiStore((s) => s.selectRecord);
  const events = issueTimeline(issue, issues, acknowledgements);
  const today = localIsoDay(new Date());
  const name = (id: string) => names.get(id) ?? 'someone no longer listed';
  return (
    <section aria-labelledby={`timeline-${issue.id}`}>
      <h3 id={`timeline-${issue.id}`}>Timeline</h3>
      <ol className="issue-timeline">
        {events.map((e) => {
          if (e.kind === 'raised') {
            return (
              <li key={`r-${e.issue.id}`} className="timeline-raised">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                <span>
                  <strong>{e.issue.escalatesId ? 'Escalated' : 'Raised'}</strong> to{' '}
                  {e.issue.raisedToIds.map(name).join(', ')} by {e.issue.channel}
                  {e.isCurrent ? (
                    <span className="muted"> (this issue)</span>
                  ) : (
                    <>
                      {': '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => selectRecord({ entity: 'raisedIssue', id: e.issue.id })}
                      >
                        {e.issue.title}
                      </button>
                    </>
                  )}
                </span>
              </li>
            );
          }
          if (e.kind === 'follow-up') {
            const missed = !e.answered && e.day < today;
            return (
              <li
                key={`f-${e.issue.id}`}
                className={missed ? 'timeline-followup timeline-unanswered' : 'timeline-followup'}
              >
                <time dateTime={e.day}>{formatDate(e.day)}</time>
                <span>
                  Follow-up due —{' '}
                  {e.answered ? 'answered' : missed ? 'no answer' : 'awaiting an answer'}
                </span>
              </li>
            );
          }
          const a = e.acknowledgement;
          return (
            <li key={`a-${a.id}`} className="timeline-ack">
              <time dateTime={a.at}>{formatDateTime(a.at)}</time>
              <span>
                <strong>{name(a.byId)}</strong> answered
                {a.memoId
                  ? ` memo ${a.memoId}${a.memoVersion ? ` v${a.memoVersion}` : ''}`
                  : ''} by {a.channel}: {choiceLabel(a.response)}
                {a.quote ? <blockquote className="ack-quote">{a.quote}</blockquote> : null}
                {a.conditions ? <span className="muted">Conditions: {a.conditions}</span> : null}
                <AttachmentsPanel
                  target={{ entity: 'acknowledgement', id: a.id }}
                  engagementId={a.engagementId}
                  compact
                />
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
