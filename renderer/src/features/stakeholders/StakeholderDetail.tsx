import type { ReactNode } from 'react';
import type { Stakeholder } from '@shared/model/stakeholder';
import { directReports } from '@shared/rules/stakeholders';
import { RecordHistory } from '../../components/history/RecordHistory';
import { DeleteButton, DeletedBanner } from '../../components/records';
import { formatDate } from '../../lib/formatDate';
import { AUTHORITY_LABEL, STANCE_LABEL } from './labels';
import { presenceOf } from '../../lib/presenceOf';
import { RecordConflicts } from '../../components/conflicts/RecordConflicts';

/** A stakeholder as a small button that selects them. */
function PersonLink({ person, onSelect }: { person: Stakeholder; onSelect: (id: string) => void }) {
  return (
    <button type="button" className="link-button" onClick={() => onSelect(person.id)}>
      {person.name}
    </button>
  );
}

function list(items: ReactNode[]): ReactNode {
  if (items.length === 0) return <span className="muted">—</span>;
  return <span className="inline-list">{items}</span>;
}

/** The chosen stakeholder: every field, their place in the chain, actions and history. */
export function StakeholderDetail({
  stakeholder,
  stakeholders,
  onEdit,
  onSelect,
  onDeleted,
}: {
  stakeholder: Stakeholder;
  /** The engagement's live stakeholders (names of managers and reports). */
  stakeholders: readonly Stakeholder[];
  onEdit: () => void;
  onSelect: (id: string) => void;
  onDeleted: () => void;
}) {
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  const manager = stakeholder.reportsToId ? byId.get(stakeholder.reportsToId) : undefined;
  const dotted = stakeholder.dottedLineIds.flatMap((id) => byId.get(id) ?? []);
  const reports = directReports(stakeholder.id, stakeholders);
  const deleted = stakeholder.deletedAt !== null;
  const presence = presenceOf(stakeholder);

  return (
    <div className="detail stack">
      {deleted ? (
        <DeletedBanner
          entity="stakeholder"
          id={stakeholder.id}
          noun="Stakeholder"
          label={stakeholder.name}
        />
      ) : null}
      <header className="detail-header">
        <div>
          <h2 className="detail-title">{stakeholder.name}</h2>
          <p className="muted detail-subtitle">
            {[stakeholder.title, stakeholder.orgUnit].filter(Boolean).join(' · ') || 'No title'}
          </p>
        </div>
        {deleted ? null : (
          <div className="detail-actions">
            <button type="button" className="button" onClick={onEdit}>
              Edit
            </button>
            <DeleteButton
              entity="stakeholder"
              id={stakeholder.id}
              noun="Stakeholder"
              label={stakeholder.name}
              onDeleted={onDeleted}
            />
          </div>
        )}
      </header>
      <RecordConflicts entity="stakeholder" recordId={stakeholder.id} />
      <dl className="details">
        <dt>Status</dt>
        <dd>
          <span className={`badge badge-presence-${presence}`}>{presence}</span>
          {stakeholder.departedAt ? ` since ${formatDate(stakeholder.departedAt)}` : null}
        </dd>
        <dt>Reports to</dt>
        <dd>{manager ? <PersonLink person={manager} onSelect={onSelect} /> : '— top —'}</dd>
        <dt>Dotted lines</dt>
        <dd>{list(dotted.map((p) => <PersonLink key={p.id} person={p} onSelect={onSelect} />))}</dd>
        <dt>Direct reports</dt>
        <dd>
          {list(reports.map((p) => <PersonLink key={p.id} person={p} onSelect={onSelect} />))}
        </dd>
        <dt>Decision authority</dt>
        <dd>{AUTHORITY_LABEL[stakeholder.decisionAuthority]}</dd>
        <dt>Escalations</dt>
        <dd>
          {[
            stakeholder.escalationPoint === 'engagement'
              ? 'Escalation point for the engagement'
              : stakeholder.escalationPoint === 'areas'
                ? `Escalation point for ${stakeholder.escalationAreaIds.length} ${stakeholder.escalationAreaIds.length === 1 ? 'area' : 'areas'}`
                : null,
            stakeholder.escalationsOnlyToMe ? 'Wants escalations only to them' : null,
          ]
            .filter(Boolean)
            .join(' · ') || <span className="muted">—</span>}
        </dd>
        <dt>Delegate for</dt>
        <dd>
          {list(
            (stakeholder.delegateForIds ?? [])
              .flatMap((id) => byId.get(id) ?? [])
              .map((p) => <PersonLink key={p.id} person={p} onSelect={onSelect} />),
          )}
        </dd>
        <dt>Influence / interest</dt>
        <dd>
          {stakeholder.influence} / {stakeholder.interest}
        </dd>
        <dt>Stance</dt>
        <dd>
          <span className={`stance-dot stance-${stakeholder.stance}`} aria-hidden="true" />{' '}
          {STANCE_LABEL[stakeholder.stance]}
        </dd>
        <dt>Contact</dt>
        <dd>{stakeholder.contact || <span className="muted">—</span>}</dd>
        <dt>Notes</dt>
        <dd className="prose">{stakeholder.notes || <span className="muted">—</span>}</dd>
      </dl>
      <RecordHistory entity="stakeholder" id={stakeholder.id} />
    </div>
  );
}
