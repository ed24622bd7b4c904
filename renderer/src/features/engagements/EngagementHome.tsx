import type { Engagement } from '@shared/model/engagement';
import { useEngagementCounts } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { Icon } from '../../components/Icon';
import { formatDate, formatDateTime } from '../../lib/formatDate';
import { errorMessage } from '../../lib/errorMessage';
import { useUiStore } from '../../state/uiStore';

const COUNT_LABELS = [
  ['stakeholder', 'Stakeholders'],
  ['ownershipArea', 'Ownership areas'],
  ['risk', 'Risks'],
  ['raisedIssue', 'Raised issues'],
  ['acknowledgement', 'Acknowledgements'],
  ['note', 'Notes'],
  ['decision', 'Decisions'],
] as const;

/** The open engagement: its details, what it holds, and the engagement-level actions. */
export function EngagementHome({ engagement }: { engagement: Engagement }) {
  const { db, store } = useWorkbench();
  const openDialog = useUiStore((s) => s.openDialog);
  const pushToast = useUiStore((s) => s.pushToast);
  const counts = useEngagementCounts(db, engagement.id);

  const setArchived = async (archived: boolean) => {
    try {
      if (archived) await store.engagements.archive(engagement.id);
      else await store.engagements.unarchive(engagement.id);
      pushToast({
        tone: 'success',
        message: archived
          ? `“${engagement.client}” archived.`
          : `“${engagement.client}” restored from the archive.`,
        action: archived ? { label: 'Undo', run: () => setArchived(false) } : undefined,
      });
    } catch (error) {
      pushToast({
        tone: 'error',
        message: `Could not ${archived ? 'archive' : 'unarchive'}: ${errorMessage(error)}`,
      });
    }
  };

  return (
    <article className="page" aria-labelledby="engagement-page-title">
      <header className="page-header">
        <div>
          <p className="page-eyebrow">{engagement.client}</p>
          <h1 className="page-title" id="engagement-page-title">
            {engagement.title}
          </h1>
          <p className="muted">
            <span
              className={`badge badge-${engagement.archivedAt ? 'archived' : engagement.status}`}
            >
              {engagement.archivedAt ? 'archived' : engagement.status}
            </span>{' '}
            {formatDate(engagement.startDate)} –{' '}
            {engagement.endDate ? formatDate(engagement.endDate) : 'ongoing'}
          </p>
        </div>
        <div className="page-actions">
          <button
            type="button"
            className="button"
            onClick={() => openDialog({ kind: 'edit-engagement', engagementId: engagement.id })}
          >
            <Icon name="edit" /> Edit
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void setArchived(!engagement.archivedAt)}
          >
            <Icon name="archive" /> {engagement.archivedAt ? 'Unarchive' : 'Archive'}
          </button>
        </div>
      </header>

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
              {[engagement.consultantName, engagement.consultantFirm]
                .filter(Boolean)
                .join(', ') || <span className="muted">Not set — memos use your settings</span>}
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
    </article>
  );
}
