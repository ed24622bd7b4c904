import type { IpcHandlers } from '@shared/ipc/contract';
import { WorkbenchIpcError } from '@shared/ipc/errors';
import { base64ToBytes, bytesToBase64 } from '@shared/encoding/base64';
import type { BackupStore } from '../backups/backupStore';
import type { BackupBlobs } from '../backups/blobStore';
import { FILE_ERROR, type FileTransfers } from '../backups/transfers';

/** What the backup.* handlers need. */
export interface BackupHandlerDeps {
  /** The backups folder. */
  backups: BackupStore;
  /** The attachment bytes in it, once per SHA-256. */
  blobs: BackupBlobs;
  /** The open transfers (a backup is read with file.read). */
  transfers: FileTransfers;
  /** The app version written next to each backup. */
  appVersion: string;
}

/** Handlers of the backup.* channels: the main process writes, prunes and lists the backups. */
export function createBackupHandlers(
  deps: BackupHandlerDeps,
): Pick<IpcHandlers, 'backup.write' | 'backup.list' | 'backup.open' | 'backup.blob'> {
  return {
    'backup.write': async ({ engagementId, text, summary, blobs }) => {
      const written = await deps.backups.write({
        engagementId,
        text,
        summary,
        appVersion: deps.appVersion,
        ...(blobs ? { blobs } : {}),
      });
      // Bytes no kept backup names any more (their backups were pruned) go too.
      await deps.blobs.collect(await deps.backups.referencedBlobs());
      return written;
    },
    'backup.blob': async (request) => {
      switch (request.op) {
        case 'missing':
          return { missing: await deps.blobs.missing(request.sha256s) };
        case 'put':
          try {
            return { put: await deps.blobs.put(request.sha256, base64ToBytes(request.data)) };
          } catch (error) {
            if (!(error instanceof RangeError)) throw error;
            throw new WorkbenchIpcError(FILE_ERROR, `Not stored: ${error.message}.`, 'data');
          }
        case 'get': {
          const bytes = await deps.blobs.get(request.sha256);
          if (bytes === 'damaged') return { data: null, damaged: true };
          return { data: bytes === null ? null : bytesToBase64(bytes) };
        }
      }
    },
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
