import { useEffect } from 'react';
import { useEngagements } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { syncSessionFor } from './syncSession';

/**
 * Starts the sync of every engagement on start, then the periodic rule, without the Sync tab
 * being open. Renders nothing.
 */
export function SyncAutoRunner() {
  const { db, client, settings } = useWorkbench();
  const engagements = useEngagements(db, { includeArchived: true });
  const ids = (engagements ?? []).map((e) => e.id).join(',');
  useEffect(() => {
    if (!ids) return;
    const sessions = ids.split(',').map((id) =>
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
  }, [ids, db, client, settings.deviceId, settings.deviceName, settings.consultantName]);
  return null;
}
