import type { Acknowledgement } from '@shared/model/acknowledgement';
import type { FollowUp, RaisedIssue } from '@shared/model/raisedIssue';
import { localIsoDay } from '@shared/rules/dates';
import { formatDate, formatDateTime } from '../../lib/formatDate';
import { useRecordActions } from '../../components/records';
import { useUiStore } from '../../state/uiStore';
import { choiceLabel } from '../../lib/choiceLabel';
import { issueTimeline } from '@shared/notebook/issueTimeline';
import { AttachmentsPanel } from '../../components/attachments/AttachmentsPanel';
import { useFollowUpActions } from './useFollowUpActions';

const OUTCOME_TEXT = { no_answer: 'no answer', answered: 'answered', bounced: 'bounced' } as const;

/** Every raise of the issue's escalation chain, with follow-ups and acknowledgements, in time order. */
export function IssueTimeline({
  issue,
  issues,
  acknowledgements,
  names,
  onCorrect,
  onCorrectFollowUp,
}: {
  issue: RaisedIssue;
  issues: readonly RaisedIssue[];
  acknowledgements: readonly Acknowledgement[];
  names: ReadonlyMap<string, string>;
  /** Opens the correction form of an acknowledgement. */
  onCorrect?: (acknowledgement: Acknowledgement) => void;
  /** Opens the correction form of one of the issue's own follow-ups (none: no actions). */
  onCorrectFollowUp?: (followUp: FollowUp) => void;
}) {
  const { softDelete } = useRecordActions('acknowledgement', 'Acknowledgement');
  const followUpActions = useFollowUpActions(issue.id);
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
                  {e.answered
                    ? 'answered by everyone it was raised to'
                    : `${missed ? 'no answer from' : 'awaiting'} ${e.unansweredIds.map(name).join(', ')}`}
                </span>
              </li>
            );
          }
          if (e.kind === 'chased') {
            const f = e.followUp;
            const who = f.toIds.map(name).join(', ');
            return (
              <li
                key={`c-${e.issue.id}-${e.index}`}
                className={
                  f.outcome === 'answered'
                    ? 'timeline-chased'
                    : 'timeline-chased timeline-unanswered'
                }
              >
                {f.kind === 'silence' ? (
                  <time dateTime={f.day ?? e.at}>{formatDate(f.day ?? e.at.slice(0, 10))}</time>
                ) : (
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                )}
                <span>
                  {f.kind === 'silence' ? (
                    <>
                      <strong>No answer by the follow-up day</strong> from {who}
                    </>
                  ) : (
                    <>
                      <strong>Followed up</strong> with {who} by {f.channel}:{' '}
                      {OUTCOME_TEXT[f.outcome]}
                    </>
                  )}
                  {f.note ? <span className="muted"> — {f.note}</span> : null}
                  {onCorrectFollowUp && e.issue.id === issue.id ? (
                    <span className="timeline-actions">
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Correct the follow-up of ${formatDate(e.at.slice(0, 10))} with ${who}`}
                        onClick={() => onCorrectFollowUp(f)}
                      >
                        Correct
                      </button>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Delete the follow-up of ${formatDate(e.at.slice(0, 10))} with ${who}`}
                        onClick={() =>
                          void followUpActions.softDelete(
                            f,
                            `${formatDate(e.at.slice(0, 10))}, ${who}`,
                          )
                        }
                      >
                        Delete
                      </button>
                    </span>
                  ) : null}
                </span>
              </li>
            );
          }
          const a = e.acknowledgement;
          return (
            <li key={`a-${a.id}`} className="timeline-ack">
              <time dateTime={a.at}>{formatDateTime(a.at)}</time>
              <span>
                <strong>{name(a.byId)}</strong>
                {a.onBehalfOfId ? ` on behalf of ${name(a.onBehalfOfId)}` : ''} answered
                {a.memoId
                  ? ` memo ${a.memoId}${a.memoVersion ? ` v${a.memoVersion}` : ''}`
                  : ''} by {a.channel}: {choiceLabel(a.response)}
                {a.quote ? <blockquote className="ack-quote">{a.quote}</blockquote> : null}
                {a.conditions ? <span className="muted">Conditions: {a.conditions}</span> : null}
                {onCorrect ? (
                  <span className="timeline-actions">
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Correct the answer of ${name(a.byId)}`}
                      onClick={() => onCorrect(a)}
                    >
                      Correct
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Delete the answer of ${name(a.byId)}`}
                      onClick={() => void softDelete(a.id, `answer of ${name(a.byId)}`)}
                    >
                      Delete
                    </button>
                  </span>
                ) : null}
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
