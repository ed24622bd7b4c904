import type { Acknowledgement } from '@shared/model/acknowledgement';
import { findingElements, type RaisedIssue } from '@shared/model/raisedIssue';
import { useRecord } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { RecordHistory } from '../../components/history/RecordHistory';
import { DeleteButton, DeletedBanner } from '../../components/records';
import { formatDate, formatDateTime } from '../../lib/formatDate';
import { openRecord } from '../overview/openRecord';
import { IssueTimeline } from './IssueTimeline';
import { choiceLabel } from './raisedIssueForm';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';

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
  onEscalate,
  onDeleted,
}: {
  issue: RaisedIssue;
  issues: readonly RaisedIssue[];
  acknowledgements: readonly Acknowledgement[];
  names: ReadonlyMap<string, string>;
  onEdit: () => void;
  onAcknowledge: () => void;
  onEscalate: () => void;
  onDeleted: () => void;
}) {
  const deleted = issue.deletedAt !== null;
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
      />
      <AttachmentsPanel
        target={{ entity: 'raisedIssue', id: issue.id }}
        engagementId={issue.engagementId}
        readOnly={deleted}
      />
      <RecordHistory entity="raisedIssue" id={issue.id} />
    </article>
  );
}
