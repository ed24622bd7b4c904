import { execFileSync } from 'node:child_process';
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../shared/canonical/sha256';
import { blobDir } from '../../shared/sync/blobs';
import { createDexieBlobStore } from '../../renderer/db/sync/dexieBlobStore';
import { openTestStore } from '../unit/db/helpers';
import { closeAll, engagement, makeDevice, tempDir } from '../unit/sync/harness';
import { reportBench, type BenchFigure } from './report';

/**
 * A new device's first sync of an engagement with N attachments (issue 16's goal, with N =
 * 1,000 files of 1 MB: the attachments arrive at no less than half the speed of copying the same
 * files with the OS, measured in the same run). The engine under Node with fake-indexeddb and
 * real files in a temporary folder; the OS copy is fs.cp of the publishing device's blobs folder.
 * The issue's size by default (1,000 files of 1 MB); `BLOB_BENCH_FILES=40` for a quick look.
 */
const figures: BenchFigure[] = [];
const roots: string[] = [];
afterAll(async () => {
  closeAll();
  for (const root of roots) await rm(root, { recursive: true, force: true });
  await reportBench('blob-sync', figures);
});

function fileBytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let x = seed * 2654435761 || 1;
  for (let i = 0; i + 4 <= size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    view.setUint32(i, x >>> 0, true);
  }
  return out;
}

describe('first sync of attachments vs an OS copy', () => {
  it('fetches N files and compares with fs.cp of the same files', async () => {
    const files = Number(process.env.BLOB_BENCH_FILES) || 1000;
    const size = (Number(process.env.BLOB_BENCH_KB) || 1000) * 1000;
    const root = await tempDir('ews-blob-bench-');
    roots.push(root);
    const a = await makeDevice(root, { name: 'Laptop', blobs: true });
    const e = await a.store.engagements.create(engagement);
    const note = await a.store.notes.create({
      engagementId: e.id,
      title: 'Evidence',
      date: '2026-03-02T09:00:00.000Z',
      body: 'attached',
    });
    for (let i = 0; i < files; i += 1) {
      await a.store.attachments.attach({
        target: { entity: 'note', id: note.id },
        fileName: `file-${i}.bin`,
        mediaType: 'application/octet-stream',
        bytes: fileBytes(size, i + 1),
      });
    }
    for (let r = await a.sync(); (r.attachments?.published ?? 0) > 0; r = await a.sync()) {
      // publishing runs within the per-round budget
    }

    // the OS copy of the same files (a fresh destination). Dirty pages are flushed before each
    // timed side, so neither pays for the other's (or the publisher's) writes.
    const copyTo = await tempDir('ews-blob-copy-');
    execFileSync('sync');
    roots.push(copyTo);
    const c0 = performance.now();
    await cp(join(root, blobDir(a.engine.deviceId())), join(copyTo, 'blobs'), { recursive: true });
    const copyMs = performance.now() - c0;

    // The floor of the receiving side without the engine: each file read, its SHA-256 checked
    // and stored in the same kind of store (what no sync can skip), four at a time as the engine
    // does; and the same without storing.
    const dir = join(root, blobDir(a.engine.deviceId()));
    const names = await readdir(dir);
    const floorStore = createDexieBlobStore((await openTestStore()).db);
    const floor = async (store: boolean) => {
      execFileSync('sync');
      const t0 = performance.now();
      for (let i = 0; i < names.length; i += 4) {
        await Promise.all(
          names.slice(i, i + 4).map(async (name) => {
            const bytes = new Uint8Array(await readFile(join(dir, name)));
            const sha256 = await sha256Hex(bytes);
            if (store) await floorStore.store({ sha256, size: bytes.byteLength }, bytes);
          }),
        );
      }
      return performance.now() - t0;
    };
    const readHashMs = await floor(false);
    const readHashStoreMs = await floor(true);

    const b = await makeDevice(root, { name: 'Desktop', blobs: true });
    execFileSync('sync');
    let blobStart = 0;
    const s0 = performance.now();
    let waiting = files;
    let rounds = 0;
    while (waiting > 0 && rounds < 20) {
      const r = await b.sync((p) => {
        if (p.phase === 'attachments' && blobStart === 0) blobStart = performance.now();
      });
      waiting = r.attachments?.waiting ?? waiting;
      rounds += 1;
    }
    const end = performance.now();
    const syncMs = end - s0;
    const blobMs = end - blobStart;
    expect(waiting).toBe(0);
    expect(await b.db.attachmentBlobs.count()).toBe(files);
    const mb = (files * size) / 1e6;
    figures.push(
      {
        name: `files × size`,
        value: files,
        unit: 'files',
        goal: `${size / 1000} kB each, ${mb} MB`,
      },
      { name: 'fs.cp of the same files', value: copyMs, unit: 'ms' },
      { name: 'first sync, records and bytes', value: syncMs, unit: 'ms' },
      { name: 'of which the attachment step', value: blobMs, unit: 'ms' },
      { name: 'rounds', value: rounds, unit: 'count' },
      { name: 'floor: read and SHA-256 each file, nothing stored', value: readHashMs, unit: 'ms' },
      { name: 'floor: read, SHA-256 and store each file', value: readHashStoreMs, unit: 'ms' },
      {
        name: 'best ratio any sync could reach here: copy time / (read + hash + store floor)',
        value: copyMs / readHashStoreMs,
        unit: 'ratio',
      },
      {
        name: 'speed ratio: copy time / first sync time',
        value: copyMs / syncMs,
        unit: 'ratio',
        goal: '>= 0.5 (issue 16)',
      },
      {
        name: 'speed ratio: copy time / attachment step time',
        value: copyMs / blobMs,
        unit: 'ratio',
      },
    );
  });
});
