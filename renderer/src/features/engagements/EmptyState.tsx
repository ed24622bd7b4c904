import type { ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import { useUiStore } from '../../state/uiStore';
import { useLoadSample } from './useLoadSample';

/**
 * First run, or nothing selected: invite the user to create an engagement, load the sample,
 * import one, or join the sync folder their engagements already live in. The shell provides the
 * import action and the sync-folder invitation (features of their own).
 */
export function EmptyState({
  hasEngagements,
  onImportEngagement,
  joinSyncFolder,
}: {
  hasEngagements: boolean;
  onImportEngagement: () => void;
  joinSyncFolder?: ReactNode;
}) {
  const openDialog = useUiStore((s) => s.openDialog);
  const { loadSample, loading } = useLoadSample();
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <div className="empty-state-card">
        <Icon name="briefcase" size={40} />
        <h1 id="empty-title">
          {hasEngagements ? 'Pick an engagement' : 'Start your first engagement'}
        </h1>
        <p>
          Keep who owns what, the risks you have seen, the advice you raised and who acknowledged
          it: the record that protects you when advice is ignored and something breaks.
        </p>
        <div className="empty-state-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => openDialog({ kind: 'new-engagement' })}
          >
            <Icon name="plus" /> Create engagement
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void loadSample()}
            disabled={loading}
          >
            <Icon name="sample" /> {loading ? 'Loading sample…' : 'Load sample engagement'}
          </button>
          <button type="button" className="button" onClick={onImportEngagement}>
            <Icon name="upload" /> Import engagement…
          </button>
        </div>
        {joinSyncFolder}
      </div>
    </section>
  );
}
