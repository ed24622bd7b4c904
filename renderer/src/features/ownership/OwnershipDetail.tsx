import type { OwnershipArea } from '@shared/model/ownershipArea';
import type { Stakeholder } from '@shared/model/stakeholder';
import { ownershipGapText } from '@shared/notebook/ownershipText';
import { indexById } from '@shared/rules/lookup';
import { ownershipGaps } from '@shared/rules/ownership';
import { RecordHistory } from '../../components/history/RecordHistory';
import { DeleteButton, DeletedBanner } from '../../components/records';
import { openRecord } from '../../app/openRecord';
import { presenceOf } from '../../lib/presenceOf';
import { RecordConflicts } from '../../components/conflicts/RecordConflicts';

function People({ ids, byId }: { ids: readonly string[]; byId: Map<string, Stakeholder> }) {
  if (ids.length === 0) return <span className="muted">nobody</span>;
  return (
    <span className="inline-list">
      {ids.map((id) => {
        const person = byId.get(id);
        if (!person)
          return (
            <span key={id} className="muted">
              someone removed
            </span>
          );
        const presence = presenceOf(person);
        return (
          <span key={id}>
            <button
              type="button"
              className="text-link"
              onClick={() => openRecord('stakeholder', id)}
            >
              {person.name}
            </button>
            {presence === 'active' ? null : (
              <span className={`badge badge-presence-${presence} cell-badge`}>{presence}</span>
            )}
          </span>
        );
      })}
    </span>
  );
}

/** An area: its RACI, its gaps with their reasons, actions and history. */
export function OwnershipDetail({
  area,
  stakeholders,
  onEdit,
}: {
  area: OwnershipArea;
  stakeholders: readonly Stakeholder[];
  onEdit: () => void;
}) {
  const byId = indexById(stakeholders);
  const gaps = ownershipGaps(area, byId);
  const deleted = area.deletedAt !== null;
  return (
    <div className="detail stack">
      {deleted ? (
        <DeletedBanner entity="ownershipArea" id={area.id} noun="Area" label={area.name} />
      ) : null}
      <header className="detail-header">
        <div>
          <h2 className="detail-title">{area.name}</h2>
          <p className="muted detail-subtitle">{area.kind === 'system' ? 'System' : 'Process'}</p>
        </div>
        {deleted ? null : (
          <div className="detail-actions">
            <button type="button" className="button" onClick={onEdit}>
              Edit
            </button>
            <DeleteButton entity="ownershipArea" id={area.id} noun="Area" label={area.name} />
          </div>
        )}
      </header>
      <RecordConflicts entity="ownershipArea" recordId={area.id} />
      {gaps.length > 0 ? (
        <div className="gap-box" role="group" aria-label="Ownership gaps">
          <strong>Not properly owned:</strong>
          <ul>
            {gaps.map((g) => (
              <li key={g}>{ownershipGapText[g]}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="ok-box">Owned: an Accountable who can decide, and someone Responsible.</p>
      )}
      <dl className="details">
        <dt>Accountable</dt>
        <dd>
          <People ids={area.raci.accountableId ? [area.raci.accountableId] : []} byId={byId} />
        </dd>
        <dt>Responsible</dt>
        <dd>
          <People ids={area.raci.responsibleIds} byId={byId} />
        </dd>
        <dt>Consulted</dt>
        <dd>
          <People ids={area.raci.consultedIds} byId={byId} />
        </dd>
        <dt>Informed</dt>
        <dd>
          <People ids={area.raci.informedIds} byId={byId} />
        </dd>
        <dt>Description</dt>
        <dd className="prose">{area.description || <span className="muted">—</span>}</dd>
      </dl>
      <RecordHistory entity="ownershipArea" id={area.id} />
    </div>
  );
}
