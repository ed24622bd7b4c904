import { describe, expect, it } from 'vitest';
import { truncate, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { sha256Hex } from '../../../shared/canonical/sha256';
import { WorkbenchIpcError } from '../../../shared/ipc/errors';
import {
  MAX_BLOB_FILE_BYTES,
  blobFileName,
  blobPath,
  blobProblem,
  isBlobPath,
  isOwnBlobPath,
  storedBlobSize,
} from '../../../shared/sync/blobs';
import { FILE_LIMITS } from '../../../shared/sync/limits';
import { createSettingsStore } from '../../../electron/main/settings/settingsStore';
import { createSyncFolders } from '../../../electron/main/sync/syncFolders';
import { createSyncHandlers } from '../../../electron/main/handlers/sync.handler';
import { createDeviceKeyStore } from '../../../electron/main/sync/deviceKey';
import { tempDir } from './harness';

const E1 = '0195a000-0000-7000-8000-0000000000e1';
const OTHER = '0195a000-0000-7000-8000-00000000beef';
const HASH = 'ab'.repeat(32);

describe('blob file rules', () => {
  it('names: the SHA-256 in a plain folder, a keyed hash in an encrypted one', async () => {
    expect(await blobFileName(HASH, null)).toBe(HASH);
    const keyed = await blobFileName(HASH, 'check-1');
    expect(keyed).toMatch(/^[0-9a-f]{64}$/);
    expect(keyed).not.toBe(HASH);
    expect(await blobFileName(HASH, 'check-2')).not.toBe(keyed);
    expect(await blobFileName(HASH, 'check-1')).toBe(keyed);
  });

  it('paths: only devices/<id>/blobs/<64 hex>, and only its own for a device', () => {
    const me = '0195a000-0000-7000-8000-000000000001';
    expect(isOwnBlobPath(blobPath(me, HASH), me)).toBe(true);
    expect(isOwnBlobPath(blobPath(OTHER, HASH), me)).toBe(false);
    expect(isBlobPath(blobPath(OTHER, HASH))).toBe(true);
    for (const bad of [
      `devices/${me}/blobs/${HASH.toUpperCase()}`,
      `devices/${me}/blobs/${HASH}x`,
      `devices/${me}/blobs/${HASH}/x`,
      `devices/${me}/blobs/.${HASH.slice(1)}`,
      `devices/${me}/head.json`,
      `devices/${me}/blobs/../head.json`,
      `blobs/${HASH}`,
    ]) {
      expect(isOwnBlobPath(bad, me)).toBe(false);
      expect(isBlobPath(bad)).toBe(false);
    }
  });

  it('paths: no other text is taken for a blob path (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        if (isBlobPath(text))
          expect(text).toMatch(/^devices\/[0-9a-f-]{36}\/blobs\/[0-9a-f]{64}$/i);
      }),
      { seed: 16, numRuns: 2000 },
    );
  });

  it('bytes: the record’s size and SHA-256, nothing else', async () => {
    const bytes = new TextEncoder().encode('disk at 97%\n');
    const ref = { sha256: await sha256Hex(bytes), size: bytes.byteLength };
    expect(await blobProblem(ref, bytes)).toBeNull();
    const changed = new Uint8Array(bytes);
    changed[0] = 0x44;
    expect(await blobProblem(ref, changed)).toMatch(/SHA-256/);
    expect(await blobProblem(ref, bytes.subarray(1))).toMatch(
      /bytes where the attachment record says/,
    );
    expect(storedBlobSize(ref, false)).toBe(ref.size);
    expect(storedBlobSize(ref, true)).toBe(ref.size + 32);
  });
});

describe("main's folder channel and blob files", () => {
  async function setup() {
    const userData = await tempDir();
    const root = await tempDir();
    const settings = createSettingsStore({ dir: userData });
    const handlers = createSyncHandlers({
      folders: createSyncFolders(userData),
      settings,
      keys: createDeviceKeyStore({ dir: userData }),
      showFolderDialog: async () => root,
    });
    await handlers['sync.folder.choose']({ engagementId: E1, scope: 'engagement' });
    return { root, handlers, deviceId: (await settings.read()).deviceId };
  }
  const code = async (p: Promise<unknown>): Promise<string> => {
    try {
      await p;
    } catch (error) {
      expect(error).toBeInstanceOf(WorkbenchIpcError);
      return (error as WorkbenchIpcError).code;
    }
    throw new Error('expected a failure');
  };

  it('writes and removes this device’s blob files only, never another device’s', async () => {
    const { handlers, deviceId } = await setup();
    const fs = handlers['sync.fs'];
    const data = Buffer.from('bytes').toString('base64');
    await fs({ op: 'write', engagementId: E1, path: blobPath(deviceId, HASH), data });
    expect(await fs({ op: 'read', engagementId: E1, path: blobPath(deviceId, HASH) })).toEqual({
      data,
    });
    for (const path of [
      blobPath(OTHER, HASH),
      `devices/${deviceId}/blobs/${HASH}.tmp`,
      `devices/${deviceId}/blobs/notahash`,
      `blobs/${HASH}`,
    ]) {
      expect(await code(fs({ op: 'write', engagementId: E1, path, data }))).toBe('SYNC_OUTSIDE');
    }
    // its own blob file may be removed (an unsealed copy once the folder is encrypted)
    await fs({ op: 'remove', engagementId: E1, path: blobPath(deviceId, HASH) });
    expect(await fs({ op: 'read', engagementId: E1, path: blobPath(deviceId, HASH) })).toEqual({
      data: null,
    });
    for (const path of [blobPath(OTHER, HASH), `devices/${deviceId}/blobs/notahash`]) {
      expect(await code(fs({ op: 'remove', engagementId: E1, path }))).toBe('SYNC_OUTSIDE');
    }
  });

  it('reads a file as large as an attachment under blobs/ only', async () => {
    const { root, handlers } = await setup();
    const fs = handlers['sync.fs'];
    const big = FILE_LIMITS.snapshot.stored + 10;
    const blob = blobPath(OTHER, HASH);
    const seg = `devices/${OTHER}/seg-00000001.jsonl`;
    await mkdir(join(root, 'devices', OTHER, 'blobs'), { recursive: true });
    for (const p of [blob, seg]) {
      await writeFile(join(root, p), '');
      await truncate(join(root, p), big);
    }
    expect(await code(fs({ op: 'read', engagementId: E1, path: seg }))).toBe('SYNC_TOOBIG');
    expect(
      await code(fs({ op: 'read', engagementId: E1, path: seg, maxBytes: MAX_BLOB_FILE_BYTES })),
    ).toBe('SYNC_TOOBIG');
    const read = await fs({ op: 'read', engagementId: E1, path: blob, maxBytes: big });
    expect(Buffer.from(read.data as string, 'base64').byteLength).toBe(big);
    await truncate(join(root, blob), MAX_BLOB_FILE_BYTES + 1);
    expect(await code(fs({ op: 'read', engagementId: E1, path: blob }))).toBe('SYNC_TOOBIG');
  });
});
