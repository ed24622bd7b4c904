import { base64ToBytes as fromBase64, bytesToBase64 as toBase64 } from '@shared/encoding/base64';
import type { WorkbenchClient } from '@shared/ipc/client';
import { WorkbenchIpcError } from '@shared/ipc/errors';
import { FolderError, type FolderErrorCode, type SyncFolder } from '@shared/sync/folder';

const KNOWN: FolderErrorCode[] = [
  'EBUSY',
  'EPERM',
  'EACCES',
  'ENOSPC',
  'ENOENT',
  'OUTSIDE',
  'TOOBIG',
];

/** Turns a sync.fs IPC failure (code SYNC_<errno>) back into the FolderError the engine knows. */
function rethrow(error: unknown, path: string): never {
  if (error instanceof WorkbenchIpcError && error.code.startsWith('SYNC_')) {
    const code = error.code.slice(5) as FolderErrorCode;
    throw new FolderError(KNOWN.includes(code) ? code : 'OTHER', path, error.message);
  }
  throw error;
}

/** The engagement's sync folder, through main (which confines every path to it). */
export function createIpcFolder(client: WorkbenchClient, engagementId: string): SyncFolder {
  const fs = async (request: Parameters<typeof client.call<'sync.fs'>>[1], path: string) => {
    try {
      return await client.call('sync.fs', request);
    } catch (error) {
      return rethrow(error, path);
    }
  };
  return {
    available: async () => {
      try {
        return (await client.call('sync.fs', { op: 'available', engagementId })).available === true;
      } catch {
        return false;
      }
    },
    list: async (path) => (await fs({ op: 'list', engagementId, path }, path)).entries ?? [],
    read: async (path, maxBytes) => {
      const request = { op: 'read' as const, engagementId, path };
      const { data } = await fs(maxBytes === undefined ? request : { ...request, maxBytes }, path);
      return typeof data === 'string' ? fromBase64(data) : null;
    },
    write: async (path, bytes) => {
      await fs({ op: 'write', engagementId, path, data: toBase64(bytes) }, path);
    },
    remove: async (path) => {
      await fs({ op: 'remove', engagementId, path }, path);
    },
    stat: async (path) => (await fs({ op: 'stat', engagementId, path }, path)).stat ?? null,
  };
}
