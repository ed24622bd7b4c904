import type { IpcHandlers } from '@shared/ipc/contract';
import { WorkbenchIpcError } from '@shared/ipc/errors';
import { FolderError, type SyncFolder } from '@shared/sync/folder';
import { FILE_LIMITS } from '@shared/sync/limits';
import { MAX_BLOB_FILE_BYTES, isBlobPath } from '@shared/sync/blobs';
import type { SettingsStore } from '../settings/settingsStore';
import { createNodeFolder } from '../sync/nodeFolder';
import { FolderInUseError, type SyncFolders } from '../sync/syncFolders';
import { isOwnSyncFile, type DeviceKeyStore } from '../sync/deviceKey';
import { checkSyncRemove, checkSyncWrite } from '../sync/folderPolicy';

/** Asks the user for a folder; resolves to its absolute path or null (cancelled). */
export type ShowFolderDialog = (request: { title: string }) => Promise<string | null>;

/** What the sync.* handlers need. */
export interface SyncHandlerDeps {
  /** The remembered folders. */
  folders: SyncFolders;
  /** The settings (device id for own-file removal, regeneration). */
  settings: SettingsStore;
  /** Native open-folder dialog (harness: scripted). Absent: cancelled. */
  showFolderDialog?: ShowFolderDialog;
  /** Builds the SyncFolder of a root (tests inject failures); defaults to node:fs. */
  openFolder?: (root: string) => SyncFolder;
  /** This installation's device key (signed folders). */
  keys: DeviceKeyStore;
}

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

/** Error code of a sync.fs failure: SYNC_<errno> (SYNC_EBUSY, SYNC_OUTSIDE...). */
export const syncErrorCode = (code: string): string => `SYNC_${code}`;

/**
 * Handlers of the sync.* channels. Every file operation is confined to the folder the user
 * chose for that engagement (nodeFolder refuses `..`, absolute paths, symbolic links out), and
 * removal is allowed only under `devices/<this device id>/`: a device deletes nothing of others.
 */
export function createSyncHandlers(
  deps: SyncHandlerDeps,
): Pick<
  IpcHandlers,
  | 'sync.folder.get'
  | 'sync.folder.choose'
  | 'sync.folder.forget'
  | 'sync.fs'
  | 'sync.device.regenerate'
  | 'sync.device.key'
  | 'sync.device.sign'
> {
  const open = deps.openFolder ?? createNodeFolder;
  const cache = new Map<string, SyncFolder>();
  const folderFor = async (engagementId: string): Promise<SyncFolder> => {
    const chosen = await deps.folders.get(engagementId);
    if (!chosen) throw new WorkbenchIpcError('SYNC_NO_FOLDER', 'No sync folder is chosen.');
    let folder = cache.get(chosen.path);
    if (!folder) cache.set(chosen.path, (folder = open(chosen.path)));
    return folder;
  };

  return {
    'sync.folder.get': async ({ engagementId }) => {
      const chosen = await deps.folders.get(engagementId);
      return chosen ? { path: chosen.path, scope: chosen.scope } : { path: null, scope: null };
    },
    'sync.folder.choose': async ({ engagementId, scope }) => {
      const path = deps.showFolderDialog
        ? await deps.showFolderDialog({ title: 'Choose the sync folder' })
        : null;
      if (path === null) return { canceled: true };
      try {
        await deps.folders.set(engagementId, scope, path);
      } catch (error) {
        if (error instanceof FolderInUseError) {
          throw new WorkbenchIpcError('SYNC_FOLDER_IN_USE', error.message);
        }
        throw error;
      }
      return { canceled: false, path, scope };
    },
    'sync.folder.forget': async ({ engagementId, scope }) => ({
      forgotten: await deps.folders.forget(engagementId, scope),
    }),
    'sync.fs': async (request) => {
      const folder = await folderFor(request.engagementId);
      try {
        switch (request.op) {
          case 'available':
            return { available: await folder.available() };
          case 'list':
            return { entries: await folder.list(request.path) };
          case 'read': {
            // Only attachment bytes may be as large as an attachment; every other file stops
            // at the largest engine file (a snapshot).
            const cap = isBlobPath(request.path)
              ? MAX_BLOB_FILE_BYTES
              : FILE_LIMITS.snapshot.stored;
            const bytes = await folder.read(request.path, Math.min(request.maxBytes ?? cap, cap));
            return { data: bytes === null ? null : toBase64(bytes) };
          }
          case 'write': {
            const data = fromBase64(request.data);
            const { deviceId } = await deps.settings.read();
            await checkSyncWrite(folder, request.path, data, deviceId);
            await folder.write(request.path, data);
            return {};
          }
          case 'remove': {
            const { deviceId } = await deps.settings.read();
            checkSyncRemove(request.path, deviceId);
            await folder.remove(request.path);
            return {};
          }
          case 'stat':
            return { stat: await folder.stat(request.path) };
        }
      } catch (error) {
        if (error instanceof FolderError) {
          throw new WorkbenchIpcError(syncErrorCode(error.code), error.message);
        }
        throw error;
      }
    },
    'sync.device.regenerate': async () => {
      const settings = await deps.settings.regenerateDeviceId();
      return { deviceId: settings.deviceId };
    },
    'sync.device.key': async () => ({
      publicKey: toBase64((await deps.keys.signer()).publicKey),
      protection: await deps.keys.protection(),
    }),
    'sync.device.sign': async ({ path, sha256 }) => {
      const { deviceId } = await deps.settings.read();
      if (!isOwnSyncFile(path, deviceId)) {
        throw new WorkbenchIpcError(
          syncErrorCode('OUTSIDE'),
          'Only this device’s own sync files are signed.',
        );
      }
      const signature = await (await deps.keys.signer()).signFile(path, sha256);
      return { signature: toBase64(signature) };
    },
  };
}
