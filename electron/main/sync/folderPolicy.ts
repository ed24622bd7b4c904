// What the renderer may write or remove in a sync folder through main: the engine's own layout,
// under this device's own folder, and nothing else.
import { FolderError, type SyncFolder } from '@shared/sync/folder';
import { keysFileProblem, parseKeysFile } from '@shared/sync/crypto';
import { FORMAT_FILE, FORMAT_NAME, KEYS_FILE, type FormatFile } from '@shared/sync/format';
import { MAX_BLOB_FILE_BYTES, isOwnBlobPath } from '@shared/sync/blobs';
import { isOwnSyncFile } from './deviceKey';

const refuse = (path: string, why: string): never => {
  throw new FolderError('OUTSIDE', path, `Refused: ${why} (${path})`);
};

/**
 * Checks a write of the renderer's engine. Allowed: this device's own engine files
 * (`devices/<deviceId>/head.json`, `device.json`, `roster.json`, `seg-…`, `snap-…`);
 * `format.json` only when the folder has none (setting the folder up, or putting back the one
 * this device knows after the folder was emptied); `keys.json` only as a well-formed keys file
 * with sane key-derivation parameters (turning encryption on, changing the passphrase); this
 * device's attachment bytes, `devices/<deviceId>/blobs/<64 hex>`, up to the largest attachment
 * sealed (readers check them against the signed records; main need not).
 */
export async function checkSyncWrite(
  folder: SyncFolder,
  path: string,
  data: Uint8Array,
  deviceId: string,
): Promise<void> {
  if (isOwnSyncFile(path, deviceId)) return;
  if (isOwnBlobPath(path, deviceId)) {
    if (data.byteLength > MAX_BLOB_FILE_BYTES) refuse(path, 'larger than any attachment');
    return;
  }
  if (path === FORMAT_FILE) {
    const current = await folder.read(path, 64 * 1024);
    if (current !== null && !isUpgrade(current, data)) {
      refuse(
        path,
        'format.json is written once (or upgraded to a newer format of the same folder)',
      );
    }
    return;
  }
  if (path === KEYS_FILE) {
    const keys = parseKeysFile(new TextDecoder().decode(data));
    if (keys === null) refuse(path, 'not a keys file');
    else if (keysFileProblem(keys) !== null) refuse(path, keysFileProblem(keys) ?? '');
    return;
  }
  refuse(path, 'only this device’s own sync files may be written');
}

/** True when `next` is `current`'s folder at a newer format version (an upgrade). */
function isUpgrade(current: Uint8Array, next: Uint8Array): boolean {
  const parse = (bytes: Uint8Array): Partial<FormatFile> | null => {
    try {
      return JSON.parse(new TextDecoder().decode(bytes)) as Partial<FormatFile>;
    } catch {
      return null;
    }
  };
  const a = parse(current);
  const b = parse(next);
  return (
    a !== null &&
    b !== null &&
    a.format === FORMAT_NAME &&
    b.format === FORMAT_NAME &&
    typeof a.folderId === 'string' &&
    a.folderId === b.folderId &&
    typeof a.version === 'number' &&
    typeof b.version === 'number' &&
    b.version > a.version
  );
}

/**
 * Checks a removal: only this device's own segments and snapshots (compaction), and its own
 * blob files (an unsealed copy from before the folder was encrypted; the renderer may already
 * overwrite them, so removing one gives it no more power over the folder).
 */
export function checkSyncRemove(path: string, deviceId: string): void {
  if (isOwnBlobPath(path, deviceId)) return;
  const name = path.slice(`devices/${deviceId}/`.length);
  if (!isOwnSyncFile(path, deviceId) || !(name.startsWith('seg-') || name.startsWith('snap-'))) {
    refuse(path, 'only this device’s own segments, snapshots and blob files may be removed');
  }
}
