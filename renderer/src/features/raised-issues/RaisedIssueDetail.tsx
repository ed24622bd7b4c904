import type { Acknowledgement } from '@shared/model/acknowledgement';
import { findingElements, type FollowUp, type RaisedIssue } from '@shared/model/raisedIssue';
import { addresseeStates } from '@shared/rules/addressees';
import { localIsoDay } from '@shared/rules/dates';
import { pendingSilence, silencePatch } from '@shared/rules/followUps';
import { useUiStore } from '../../state/uiStore';
import { useRecord } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { RecordHistory } from '../../components/history/RecordHistory';
import { DeleteButton, DeletedBanner } from '../../components/records';
import { formatDate, formatDateTime } from '../../lib/formatDate';
import { openRecord } from '../../app/openRecord';
import { IssueTimeline } from './IssueTimeline';
import { choiceLabel } from '../../lib/choiceLabel';
import { RecordConflicts } from '../../components/conflicts/RecordConflicts';
import { AttachmentsPanel } from '../../components/attachments/AttachmentsPanel';

/** One linked risk: its title, opening it on the Risks screen. */
function LinkedRisk({ id }: { id: string }) {
  const { db } = useWorkbench();
  const risk = useRecord(db, 'risk', id);
  if (risk === undefined) return <li className="muted">Loading…</li>;
  if (risk === null) return <li className="muted">A risk no longer in the register</li>;
  return (
    <li>
      <button type="button" className="link-button" onClick={() => openRecord('risk', id)}>
        {risk.title}
      </button>
      {risk.deletedAt !== null ? <span className="muted"> (deleted)</span> : null}
    </li>
  );
}

/** The finding, the actions, the timeline and the history of one raised issue. */
export function RaisedIssueDetail({
  issue,
  issues,
  acknowledgements,
  names,
  onEdit,
  onAcknowledge,
  onFollowUp,
  onCorrectFollowUp,
  onCorrectAcknowledgement,
  onEscalate,
  onDeleted,
}: {
  issue: RaisedIssue;
  issues: readonly RaisedIssue[];
  acknowledgements: readonly Acknowledgement[];
  names: ReadonlyMap<string, string>;
  onEdit: () => void;
  onAcknowledge: () => void;
  onFollowUp: () => void;
  /** Opens the correction form of one of the issue's follow-ups. */
  onCorrectFollowUp: (followUp: FollowUp) => void;
  onCorrectAcknowledgement: (acknowledgement: Acknowledgement) => void;
  onEscalate: () => void;
  onDeleted: () => void;
}) {
  const deleted = issue.deletedAt !== null;
  const { store } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const silence = pendingSilence(issue, acknowledgements, localIsoDay(new Date()));
  const recordSilence = async () => {
    if (!silence) return;
    try {
      await store.raisedIssues.update(issue.id, silencePatch(issue, silence));
      pushToast({ tone: 'success', message: 'No answer by the follow-up day recorded.' });
    } catch (error) {
      pushToast({ tone: 'error', message: `Not recorded: ${String(error)}` });
    }
  };
  return (
    <article className="record-detail" aria-labelledby={`issue-title-${issue.id}`}>
      {deleted ? (
        <DeletedBanner entity="raisedIssue" id={issue.id} noun="Raised issue" label={issue.title} />
      ) : null}
      <header className="record-detail-header">
        <h2 id={`issue-title-${issue.id}`}>{issue.title}</h2>
        <p>
          <span className={`badge badge-severity-${issue.severity}`}>{issue.severity}</span>{' '}
          <span className={`badge badge-issue-${issue.status}`}>{choiceLabel(issue.status)}</span>{' '}
          <span className="muted">
            raised {formatDateTime(issue.raisedAt)} to{' '}
            {issue.raisedToIds.map((id) => names.get(id) ?? 'unknown').join(', ')}
          </span>
        </p>
        {deleted ? null : (
          <div className="record-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={onAcknowledge}
              title="Record acknowledgement (A)"
            >
              Record acknowledgement
            </button>
            <button
              type="button"
              className="button"
              onClick={onFollowUp}
              title="Record follow-up (F)"
            >
              Record follow-up
            </button>
            {silence ? (
              <button type="button" className="button" onClick={() => void recordSilence()}>
                Record no answer by {formatDate(silence.day)}
              </button>
            ) : null}
            <button
              type="button"
              className="button"
              onClick={onEscalate}
              title="Escalate (Shift+E)"
            >
              Escalate
            </button>
            <button
              type="button"
              className="button"
              onClick={onEdit}
              aria-label={`Edit ${issue.title}`}
              title="Edit (E)"
            >
              Edit
            </button>
            <DeleteButton
              entity="raisedIssue"
              id={issue.id}
              noun="Raised issue"
              label={issue.title}
              onDeleted={onDeleted}
            />
          </div>
        )}
      </header>
      <RecordConflicts entity="raisedIssue" recordId={issue.id} />
      <dl className="details finding">
        {findingElements.map((element) => (
          <div key={element} className="finding-row">
            <dt>{choiceLabel(element)}</dt>
            <dd className="prose">
              {issue[element] || <span className="muted">Not written.</span>}
            </dd>
          </div>
        ))}
        <div className="finding-row">
          <dt>Who answered</dt>
          <dd>
            <ul className="addressee-list" aria-label="Answers per person raised to">
              {addresseeStates(issue, acknowledgements).map((st) => {
                const who = names.get(st.addresseeId) ?? 'unknown';
                if (st.answer === null) {
                  return (
                    <li key={st.addresseeId} className="ack-overdue">
                      {who}: no answer since {formatDate(st.awaitedSince.slice(0, 10))}
                    </li>
                  );
                }
                const by = st.byDelegate
                  ? ` by ${names.get(st.answer.byId) ?? 'unknown'} on their behalf`
                  : '';
                return (
                  <li key={st.addresseeId}>
                    {who}: answered {formatDateTime(st.answer.at)}
                    {by}
                  </li>
                );
              })}
            </ul>
          </dd>
        </div>
        <div className="finding-row">
          <dt>Follow up by</dt>
          <dd>{formatDate(issue.followUpDue)}</dd>
        </div>
        <div className="finding-row">
          <dt>Owner of the fix</dt>
          <dd>
            {issue.ownerId ? (
              (names.get(issue.ownerId) ?? 'unknown')
            ) : (
              <span className="muted">Nobody yet</span>
            )}
          </dd>
        </div>
        {issue.riskIds.length > 0 ? (
          <div className="finding-row">
            <dt>Linked risks</dt>
            <dd>
              <ul className="linked-risks" aria-label="Linked risks">
                {issue.riskIds.map((id) => (
                  <LinkedRisk key={id} id={id} />
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {issue.evidence.length > 0 ? (
          <div className="finding-row">
            <dt>Evidence</dt>
            <dd>
              <ul className="evidence-list">
                {issue.evidence.map((e, i) => (
                  <li key={i}>
                    <span className="muted">{e.kind === 'quote' ? 'Quote' : 'Reference'}:</span>{' '}
                    {e.kind === 'quote' ? <q>{e.text}</q> : e.text}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      <IssueTimeline
        issue={issue}
        issues={issues}
        acknowledgements={acknowledgements}
        names={names}
        onCorrect={deleted ? undefined : onCorrectAcknowledgement}
        onCorrectFollowUp={deleted ? undefined : onCorrectFollowUp}
      />
      {acknowledgements
        .filter((a) => a.raisedIssueId === issue.id)
        .map((a) => (
          <RecordConflicts
            key={a.id}
            entity="acknowledgement"
            recordId={a.id}
            label="Acknowledgement"
          />
        ))}
      <AttachmentsPanel
        target={{ entity: 'raisedIssue', id: issue.id }}
        engagementId={issue.engagementId}
        readOnly={deleted}
      />
      <RecordHistory entity="raisedIssue" id={issue.id} />
    </article>
  );
}
