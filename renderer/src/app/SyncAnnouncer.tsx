import { useSyncSession } from '../features/sync/useSyncSession';
import { syncAnnouncement } from './syncAnnouncement';

/**
 * A polite live region that says how the open engagement's last sync round went (see
 * syncAnnouncement), wherever the user is in the app. Import and export announce through their
 * own status regions and the toasts.
 */
export function SyncAnnouncer({ engagementId }: { engagementId: string }) {
  const { state } = useSyncSession(engagementId);
  const message = state.running && !state.report ? 'Syncing…' : syncAnnouncement(state.report);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-label="Sync">
      {message ?? ''}
    </div>
  );
}
