import { Icon } from '../../components/Icon';
import { useUiStore } from '../../state/uiStore';
import { runDataMenuCommand } from '../data/DataDialogs';
import { JoinSyncFolder } from '../sync/JoinSyncFolder';
import { useLoadSample } from './useLoadSample';

/**
 * First run, or nothing selected: invite the user to create an engagement, load the sample,
 * import one, or join the sync folder their engagements already live in.
 */
export function EmptyState({ hasEngagements }: { hasEngagements: boolean }) {
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
          <button
            type="button"
            className="button"
            onClick={() => runDataMenuCommand('import-engagement')}
          >
            <Icon name="upload" /> Import engagement…
          </button>
        </div>
        <JoinSyncFolder hasEngagements={hasEngagements} />
      </div>
    </section>
  );
}
