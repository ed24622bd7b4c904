import { useMemo, useSyncExternalStore } from 'react';
import { useWorkbench } from '../../app/WorkbenchContext';
import { syncSessionFor, type SyncSession, type SyncSessionState } from './syncSession';

/** Reloads the window so the store is rebuilt with the new device id from settings. */
function reloadForNewDeviceId(): void {
  window.location.reload();
}

/** The sync session of an engagement and its live state. */
export function useSyncSession(engagementId: string): {
  session: SyncSession;
  state: SyncSessionState;
} {
  const { db, client, settings } = useWorkbench();
  const session = useMemo(
    () =>
      syncSessionFor(
        {
          db,
          client,
          deviceId: settings.deviceId,
          deviceName: settings.deviceName,
          ...(settings.consultantName ? { actor: settings.consultantName } : {}),
          onDeviceIdChanged: reloadForNewDeviceId,
        },
        engagementId,
      ),
    [db, client, settings.deviceId, settings.deviceName, settings.consultantName, engagementId],
  );
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { session, state };
}
