import { useEffect } from 'react';
import { useSyncSession } from '../features/sync/useSyncSession';
import { announce } from '../state/announcer';
import { syncAnnouncement } from './syncAnnouncement';

/**
 * Says how the open engagement's last sync round went (see syncAnnouncement) through the app's
 * live region (LiveAnnouncer), wherever the user is in the app.
 */
export function SyncAnnouncer({ engagementId }: { engagementId: string }) {
  const { state } = useSyncSession(engagementId);
  const message = state.running && !state.report ? 'Syncing…' : syncAnnouncement(state.report);
  useEffect(() => {
    if (message) announce(message);
  }, [message]);
  return null;
}
