import type { Decision } from '@shared/model/decision';
import { RecordHistory } from '../../components/history/RecordHistory';
import { DeleteButton, DeletedBanner } from '../../components/records';
import { formatDateTime } from '../../lib/formatDate';
import { useUiStore } from '../../state/uiStore';
import { useOpenRecord } from '../../app/openRecord';
import { choiceLabel } from '../../lib/choiceLabel';
import { LinkChips } from './LinkEditor';
import { RecordConflicts } from '../../components/conflicts/RecordConflicts';
import { AttachmentsPanel } from '../../components/attachments/AttachmentsPanel';

/** One decision of the log: what, by whom, when, why, its status and what replaced it. */
export function DecisionDetail({
  decision,
  decisions,
  names,
  onEdit,
}: {
  decision: Decision;
  decisions: readonly Decision[];
  names: ReadonlyMap<string, string>;
  onEdit: () => void;
}) {
  const openRecord = useOpenRecord();
  const selectRecord = useUiStore((s) => s.selectRecord);
  const deleted = decision.deletedAt !== null;
  const replacement = decision.supersededById
    ? decisions.find((d) => d.id === decision.supersededById)
    : undefined;
  const replaces = decisions.filter((d) => d.supersededById === decision.id);
  return (
    <article className="record-detail" aria-labelledby={`decision-title-${decision.id}`}>
      {deleted ? (
        <DeletedBanner entity="decision" id={decision.id} noun="Decision" label={decision.title} />
      ) : null}
      <header className="record-detail-header">
        <h2 id={`decision-title-${decision.id}`}>{decision.title}</h2>
        <p>
          <span className={`badge badge-decision-${decision.status}`}>
            {choiceLabel(decision.status)}
          </span>{' '}
          <span className="muted">
            {decision.decidedById
              ? `by ${names.get(decision.decidedById) ?? 'unknown'}`
              : 'decider not known'}
            {decision.decidedAt ? `, ${formatDateTime(decision.decidedAt)}` : ', not decided yet'}
          </span>
        </p>
        {deleted ? null : (
          <div className="record-actions">
            <button
              type="button"
              className="button"
              onClick={onEdit}
              aria-label={`Edit ${decision.title}`}
            >
              Edit
            </button>
            <DeleteButton
              entity="decision"
              id={decision.id}
              noun="Decision"
              label={decision.title}
            />
          </div>
        )}
      </header>
      <RecordConflicts entity="decision" recordId={decision.id} />
      <dl className="details">
        <dt>Rationale</dt>
        <dd className="prose">
          {decision.rationale || <span className="muted">Not written.</span>}
        </dd>
        {replacement ? (
          <>
            <dt>Superseded by</dt>
            <dd>
              <button
                type="button"
                className="link-button"
                onClick={() => selectRecord({ entity: 'decision', id: replacement.id })}
              >
                {replacement.title}
              </button>
            </dd>
          </>
        ) : null}
        {replaces.length > 0 ? (
          <>
            <dt>Replaces</dt>
            <dd>
              {replaces.map((d) => (
                <button
                  key={d.id}
                  type="button"
                  className="link-button"
                  onClick={() => selectRecord({ entity: 'decision', id: d.id })}
                >
                  {d.title}
                </button>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-label="Linked records">
        <h3>Linked records</h3>
        <LinkChips
          links={decision.links}
          onOpen={(link) => void openRecord({ engagementId: decision.engagementId, ...link })}
        />
      </section>
      <AttachmentsPanel
        target={{ entity: 'decision', id: decision.id }}
        engagementId={decision.engagementId}
        readOnly={deleted}
      />
      <RecordHistory entity="decision" id={decision.id} />
    </article>
  );
}
