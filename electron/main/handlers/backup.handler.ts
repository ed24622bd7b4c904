import type { IpcHandlers } from '@shared/ipc/contract';
import { WorkbenchIpcError } from '@shared/ipc/errors';
import type { BackupStore } from '../backups/backupStore';
import { FILE_ERROR, type FileTransfers } from '../backups/transfers';

/** What the backup.* handlers need. */
export interface BackupHandlerDeps {
  /** The backups folder. */
  backups: BackupStore;
  /** The open transfers (a backup is read with file.read). */
  transfers: FileTransfers;
  /** The app version written next to each backup. */
  appVersion: string;
}

/** Handlers of the backup.* channels: the main process writes, prunes and lists the backups. */
export function createBackupHandlers(
  deps: BackupHandlerDeps,
): Pick<IpcHandlers, 'backup.write' | 'backup.list' | 'backup.open'> {
  return {
    'backup.write': ({ engagementId, text, summary }) =>
      deps.backups.write({ engagementId, text, summary, appVersion: deps.appVersion }),
    'backup.list': async () => ({ backups: await deps.backups.list() }),
    'backup.open': async ({ id }) => {
      let path: string;
      try {
        path = deps.backups.pathOf(id);
      } catch {
        throw new WorkbenchIpcError(FILE_ERROR, 'There is no such backup.', 'id');
      }
      return deps.transfers.openRead(path);
    },
  };
}
