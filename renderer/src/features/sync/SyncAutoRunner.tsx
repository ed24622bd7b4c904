import { useEffect } from 'react';
import { useEngagements } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { ALL_ENGAGEMENTS_SESSION, syncSessionFor } from './syncSession';

/**
 * Starts the sync of every engagement on start, then the periodic rule, without the Sync tab
 * being open; with no engagement yet, the session of all engagements (a device that joined a
 * folder before anything was in it picks engagements up as they arrive). Renders nothing.
 */
export function SyncAutoRunner() {
  const { db, client, settings } = useWorkbench();
  const engagements = useEngagements(db, { includeArchived: true });
  const loaded = engagements !== undefined;
  const ids = (engagements ?? []).map((e) => e.id).join(',');
  useEffect(() => {
    if (!loaded) return;
    const sessions = (ids ? ids.split(',') : [ALL_ENGAGEMENTS_SESSION]).map((id) =>
      syncSessionFor(
        {
          db,
          client,
          deviceId: settings.deviceId,
          deviceName: settings.deviceName,
          ...(settings.consultantName ? { actor: settings.consultantName } : {}),
          onDeviceIdChanged: () => window.location.reload(),
        },
        id,
      ),
    );
    for (const session of sessions) session.start();
    return () => {
      for (const session of sessions) session.stop();
    };
  }, [loaded, ids, db, client, settings.deviceId, settings.deviceName, settings.consultantName]);
  return null;
}
