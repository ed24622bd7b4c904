import { useEngagementCounts } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { formatDateTime } from '../../lib/formatDate';
import type { EngagementScreenProps } from './screens';

const COUNT_LABELS = [
  ['stakeholder', 'Stakeholders'],
  ['ownershipArea', 'Ownership areas'],
  ['risk', 'Risks'],
  ['raisedIssue', 'Raised issues'],
  ['acknowledgement', 'Acknowledgements'],
  ['note', 'Notes'],
  ['decision', 'Decisions'],
] as const;

/** What the engagement holds, and its details. */
export function OverviewScreen({ engagement }: EngagementScreenProps) {
  const { db } = useWorkbench();
  const counts = useEngagementCounts(db, engagement.id);
  return (
    <div className="stack">
      <section aria-label="Records in this engagement" className="card-grid">
        {COUNT_LABELS.map(([entity, label]) => (
          <div className="stat" key={entity}>
            <span className="stat-value">{counts ? counts[entity] : '…'}</span>
            <span className="stat-label">{label}</span>
          </div>
        ))}
      </section>

      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className="details">
          <dt>Client</dt>
          <dd>{engagement.client}</dd>
          <dt>Memo code</dt>
          <dd>{engagement.code}</dd>
          <dt>Consultant</dt>
          <dd>
            {[engagement.consultantName, engagement.consultantFirm].filter(Boolean).join(', ') || (
              <span className="muted">Not set — memos use your settings</span>
            )}
          </dd>
          <dt>Scope</dt>
          <dd className="prose">
            {engagement.scope || <span className="muted">No scope written yet.</span>}
          </dd>
          <dt>Last changed</dt>
          <dd>{formatDateTime(engagement.updatedAt)}</dd>
        </dl>
      </section>
    </div>
  );
}
