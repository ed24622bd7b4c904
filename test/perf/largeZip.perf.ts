import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../shared/canonical/sha256';
import { createFileTransfers, MAX_READ_BYTES } from '../../electron/main/backups/transfers';
import { exportEngagementArchive, writeCheckedZip } from '../../renderer/db/archive';
import { readAttachmentBytes } from '../../renderer/db/attachmentBlobs';
import { engagementInput, openTestStore, OTHER_DEVICE_ID } from '../unit/db/helpers';
import { randomPieces, readZipAsTheAppDoes, writeStoredZip } from '../unit/archive/largeZip';
import { reportBench } from './report';

/**
 * A whole-engagement zip just over the old 512 MB limit (six attachments of 92 MB of random
 * bytes, STORED), imported with main's real limits through the path the app takes: main's
 * transfer, the window's sendZip (directory first, then 6 MiB pieces), the worker's intake
 * (each file hashed against its name, kept as a Blob), then one transaction. Under Node with
 * fake-indexeddb: the figure is the check's throughput and the largest piece held, not
 * Chromium's. The unit test (test/unit/archive/zipStream.test.ts) runs the same path with the
 * limits lowered.
 */
describe('a zip over 512 MB imports', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads, checks and writes a 552 MB zip in bounded pieces', { timeout: 600_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'large-zip-'));
    const a = await openTestStore();
    const e = await a.store.engagements.create(engagementInput);
    const note = await a.store.notes.create({
      engagementId: e.id,
      title: 'Captures',
      date: '2026-03-02T09:00:00.000Z',
      body: 'six large captures',
    });
    const files = Array.from({ length: 6 }, () => randomPieces(92_000_000));
    for (const [i, f] of files.entries()) {
      await a.store.attachments.attach({
        target: { entity: 'note', id: note.id },
        fileName: `capture-${i}.bin`,
        mediaType: 'application/octet-stream',
        bytes: new Uint8Array(Buffer.concat(f.pieces)),
      });
    }
    const exported = await exportEngagementArchive(a.db, e.id, { appVersion: '1.0.0' });
    const path = join(dir, 'large.engagement.zip');
    const size = await writeStoredZip(path, [
      { name: 'engagement.json', pieces: () => [new TextEncoder().encode(exported.text)] },
      ...files.map((f) => ({ name: `attachments/${f.sha256}`, pieces: () => f.pieces })),
    ]);
    expect(size).toBeGreaterThan(MAX_READ_BYTES);
    a.db.close();

    const transfers = createFileTransfers();
    const started = performance.now();
    const rssBefore = process.memoryUsage().rss;
    const { checked, maxPiece } = await readZipAsTheAppDoes(transfers, path);
    const checkedMs = performance.now() - started;
    const b = await openTestStore({ deviceId: OTHER_DEVICE_ID });
    const result = await writeCheckedZip(b.store, checked, {});
    const totalMs = performance.now() - started;
    expect(result).toMatchObject({ attachmentsStored: 6, attachmentsMissing: 0 });
    for (const f of files.slice(0, 2)) {
      const blob = await readAttachmentBytes(b.db, f.sha256);
      expect(await sha256Hex(new Uint8Array(await blob!.arrayBuffer()))).toBe(f.sha256);
    }
    await reportBench('large-zip', [
      { name: 'zip size', value: size, unit: 'bytes' },
      { name: 'read and checked (main → window → worker)', value: checkedMs, unit: 'ms' },
      { name: 'read, checked and written (fake-indexeddb)', value: totalMs, unit: 'ms' },
      {
        name: 'largest piece of the zip held at once',
        value: maxPiece,
        unit: 'bytes',
        goal: '≤ 6 MiB',
      },
      {
        name: 'RSS growth during the import (Node; files kept as Blobs)',
        value: process.memoryUsage().rss - rssBefore,
        unit: 'bytes',
      },
    ]);
  });
});
