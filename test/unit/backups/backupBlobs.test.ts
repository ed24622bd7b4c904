import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkbenchClient } from '../../../shared/ipc/client';
import type { IpcHandlers } from '../../../shared/ipc/contract';
import { WorkbenchIpcError } from '../../../shared/ipc/errors';
import { sha256Hex } from '../../../shared/canonical/sha256';
import { createBackupStore } from '../../../electron/main/backups/backupStore';
import { createBackupBlobs } from '../../../electron/main/backups/blobStore';
import { createFileTransfers } from '../../../electron/main/backups/transfers';
import { createBackupHandlers } from '../../../electron/main/handlers/backup.handler';
import { exportEngagementArchive, importArchiveText } from '../../../renderer/db/archive';
import { readAttachmentBytes } from '../../../renderer/db/attachmentBlobs';
import {
  backUpAttachmentBytes,
  heldAttachmentHashes,
  restoreAttachmentBytes,
} from '../../../renderer/db/archive/backupBlobs';
import { engagementInput, openTestStore, OTHER_DEVICE_ID } from '../db/helpers';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backup-blobs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function mainSide(now: () => Date) {
  const handlers = createBackupHandlers({
    backups: createBackupStore({ dir, now }),
    blobs: createBackupBlobs(dir),
    transfers: createFileTransfers(),
    appVersion: '0.1.0',
  });
  const calls: string[] = [];
  const client = {
    call: async (channel: keyof IpcHandlers, request: never) => {
      calls.push(`${channel}:${(request as { op?: string }).op ?? ''}`);
      return (handlers as Record<string, (r: never) => Promise<unknown>>)[channel]!(request);
    },
  } as unknown as WorkbenchClient;
  return { handlers, client, calls };
}

const enc = (text: string) => new TextEncoder().encode(text);

/** A profile with two engagements that attach the same file, and one file of their own each. */
async function profile() {
  const p = await openTestStore();
  const shared = enc('the client’s email, attached twice\n'.repeat(500));
  const ids: string[] = [];
  for (const title of ['First review', 'Second review']) {
    const e = await p.store.engagements.create({ ...engagementInput, title });
    const note = await p.store.notes.create({
      engagementId: e.id,
      title: 'Evidence',
      date: '2026-03-02T09:00:00.000Z',
      body: 'attached',
    });
    for (const [name, bytes] of [
      ['mail.eml', shared],
      ['own.txt', enc(`only in ${title}`)],
    ] as const) {
      await p.store.attachments.attach({
        target: { entity: 'note', id: note.id },
        fileName: name,
        mediaType: 'text/plain',
        bytes,
      });
    }
    ids.push(e.id);
  }
  return { ...p, ids, shared };
}

async function backUp(
  client: WorkbenchClient,
  p: Awaited<ReturnType<typeof profile>>,
  engagementId: string,
) {
  const exported = await exportEngagementArchive(p.db, engagementId, { appVersion: '0.1.0' });
  const blobs = await heldAttachmentHashes(p.db, engagementId);
  await client.call('backup.write', {
    engagementId,
    text: exported.text,
    summary: exported.summary,
    blobs,
  });
  return { sent: await backUpAttachmentBytes(client, p.db, blobs), text: exported.text };
}

describe('backups include attachment bytes, each file once', () => {
  it('two engagements and two days: one file per distinct SHA-256; restoring gives identical bytes', async () => {
    let t = Date.parse('2026-11-26T02:00:00.000Z');
    const { client } = mainSide(() => new Date(t));
    const p = await profile();
    const first = await backUp(client, p, p.ids[0]!);
    expect(first.sent).toBe(2);
    expect((await backUp(client, p, p.ids[1]!)).sent).toBe(1); // the shared file is there
    t += 86_400_000;
    expect((await backUp(client, p, p.ids[0]!)).sent).toBe(0);
    const files = await readdir(join(dir, 'blobs'));
    expect(files).toHaveLength(3);
    expect(files).toContain(await sha256Hex(p.shared));

    // restore into a fresh profile: the records from the backup, the bytes from blobs/
    const q = await openTestStore({ deviceId: OTHER_DEVICE_ID });
    await importArchiveText(q.store, first.text, 'backup.engagement.json');
    expect(await restoreAttachmentBytes(client, q.db, p.ids[0]!)).toEqual({
      stored: 2,
      refused: [],
    });
    const blob = await readAttachmentBytes(q.db, await sha256Hex(p.shared));
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(p.shared);
  });

  it('main refuses bytes that do not hash to their name, and a corrupted file is not restored', async () => {
    const { client, handlers } = mainSide(() => new Date('2026-11-26T02:00:00.000Z'));
    const p = await profile();
    const sha = await sha256Hex(p.shared);
    await expect(
      handlers['backup.blob']({
        op: 'put',
        sha256: sha,
        data: Buffer.from('other').toString('base64'),
      }),
    ).rejects.toBeInstanceOf(WorkbenchIpcError);
    expect(await readdir(dir)).toEqual([]);

    const { text } = await backUp(client, p, p.ids[0]!);
    const changed = new Uint8Array(p.shared);
    changed[10] = (changed[10] ?? 0) ^ 1;
    await writeFile(join(dir, 'blobs', sha), changed);
    const q = await openTestStore({ deviceId: OTHER_DEVICE_ID });
    await importArchiveText(q.store, text, 'backup.engagement.json');
    expect(await restoreAttachmentBytes(client, q.db, p.ids[0]!)).toEqual({
      stored: 1, // the other file only
      refused: [sha],
    });
    expect(await readAttachmentBytes(q.db, sha)).toBeUndefined();
  });

  it('a file no kept backup names is removed when backups are pruned', async () => {
    let t = Date.parse('2026-11-01T02:00:00.000Z');
    const { client } = mainSide(() => new Date(t));
    const p = await profile();
    await backUp(client, p, p.ids[0]!);
    // the engagement's own file is deleted from this profile's store, then 60 days of backups
    const own = (await p.db.attachments.where('engagementId').equals(p.ids[0]!).toArray()).find(
      (a) => a.fileName === 'own.txt',
    )!;
    await p.db.attachments.delete(own.id);
    for (let day = 0; day < 60; day += 1) {
      t += 86_400_000;
      await backUp(client, p, p.ids[0]!);
    }
    // the own file's backups were all pruned (7 daily and 4 weekly kept): its bytes went too
    expect(await readdir(join(dir, 'blobs'))).toEqual([await sha256Hex(p.shared)]);
  });
});
