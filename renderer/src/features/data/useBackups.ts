import { useCallback, useEffect, useState } from 'react';
import type { BackupEntryInfo } from '@shared/archive/ipcSchemas';
import { useWorkbench } from '../../app/WorkbenchContext';
import { errorMessage } from '../../lib/errorMessage';

/** The automatic backups (from the main process), newest first, with a reload function. */
export function useBackups(engagementId?: string) {
  const { client } = useWorkbench();
  const [backups, setBackups] = useState<BackupEntryInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const { backups: all } = await client.call('backup.list', {});
      setBackups(engagementId ? all.filter((b) => b.engagementId === engagementId) : all);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [client, engagementId]);

  useEffect(() => {
    void reload();
    const onWritten = () => void reload();
    window.addEventListener(BACKUPS_CHANGED_EVENT, onWritten);
    return () => window.removeEventListener(BACKUPS_CHANGED_EVENT, onWritten);
  }, [reload]);

  return { backups, error, reload };
}

/** Dispatched on window after a backup was written, so open lists refresh. */
export const BACKUPS_CHANGED_EVENT = 'workbench:backups-changed';
