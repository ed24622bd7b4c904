import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openWorkbenchDb } from '../../renderer/db/open';
import { closeAll, makeDevice, tempDir } from '../unit/sync/harness';
import { BENCHMARK_SIZE, buildLargeEngagement } from '../fixtures/largeEngagement';
import { median, reportBench, type BenchFigure } from './report';
import { applyBenchFigures, runApplyBench } from './syncApplyBench';

/**
 * Folder sync speed, under Node with fake-indexeddb (the engine, the Dexie store and the real
 * node:fs folder, no IPC). Both sides of the apply ratio (syncApplyBench.ts) run on the same
 * fake-indexeddb in the same run, so it measures the merge's own overhead; CPU-time ratios are
 * reported beside the wall-time ones because this machine is shared. syncChromium.perf.ts runs
 * the same apply bench on Chromium's IndexedDB.
 */
const figures: BenchFigure[] = [];
afterAll(async () => {
  closeAll();
  await reportBench('sync', figures);
});

/** CPU time of this process so far (ms): steadier than wall time on a shared machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    n += entry.isDirectory() ? await countFiles(join(dir, entry.name)) : 1;
  }
  return n;
}

describe('sync benchmark', () => {
  it('first sync of a new device, folder size, idle check', async () => {
    const root = await tempDir('ews-bench-');
    const a = await makeDevice(root, { name: 'Laptop' });
    const data = buildLargeEngagement(BENCHMARK_SIZE);
    const records = await a.store.importEngagement(data);
    let t = performance.now();
    const published = await a.sync();
    const publishMs = performance.now() - t;
    expect(published.status).toBe('ok');
    const files = await countFiles(root);

    const b = await makeDevice(root, { name: 'New desktop' });
    t = performance.now();
    const first = await b.sync();
    const firstSyncMs = performance.now() - t;
    expect(first.status).toBe('ok');
    expect(await b.db.notes.count()).toBe(BENCHMARK_SIZE.notes);

    const idle: number[] = [];
    for (let i = 0; i < 20; i++) {
      t = performance.now();
      const r = await b.sync();
      idle.push(performance.now() - t);
      expect(r.idle).toBe(true);
    }
    figures.push(
      { name: `records in the engagement`, value: records, unit: 'count' },
      { name: 'first publish by the laptop', value: publishMs, unit: 'ms' },
      { name: 'first sync of a new device', value: firstSyncMs, unit: 'ms', goal: '< 10000' },
      { name: 'files in the sync folder', value: files, unit: 'files', goal: '< 100' },
      {
        name: 'idle check, nothing new (median of 20)',
        value: median(idle),
        unit: 'ms',
        goal: '< 50',
      },
    );
    // free what fake-indexeddb holds on the heap before the next benchmark
    await a.db.delete();
    await b.db.delete();
    closeAll();
  });

  it('first sync of a new device: signatures checked vs checking off (same run)', async () => {
    const root = await tempDir('ews-bench-');
    const a = await makeDevice(root, { name: 'Laptop' });
    await a.store.importEngagement(buildLargeEngagement(BENCHMARK_SIZE));
    expect((await a.sync()).status).toBe('ok');
    const checked: number[] = [];
    const unchecked: number[] = [];
    // alternating, so that load from other work falls on both sides alike
    for (let i = 0; i < 4; i++) {
      const verify = i % 2 === 0;
      const d = await makeDevice(root, {
        name: `Newcomer ${i}`,
        tuning: { verifySignatures: verify },
      });
      const t = performance.now();
      const r = await d.sync();
      (verify ? checked : unchecked).push(performance.now() - t);
      expect(r.status).toBe('ok');
      expect(await d.db.notes.count()).toBe(BENCHMARK_SIZE.notes);
      await d.db.delete();
    }
    figures.push(
      { name: 'first sync, signatures checked (median of 2)', value: median(checked), unit: 'ms' },
      { name: 'first sync, checking off (median of 2)', value: median(unchecked), unit: 'ms' },
      {
        name: 'first sync: signatures checked / checking off',
        value: median(checked) / median(unchecked),
        unit: 'ratio',
        goal: '<= 1.10',
      },
    );
    await a.db.delete();
    closeAll();
  });

  it('applying 100,000 remote changes vs a raw bulkPut of the same data', async () => {
    let n = 0;
    const timings = await runApplyBench({
      deviceId: newId(),
      // APPLY_BENCH_SIZE=5000 for a quick check; the figures are for 100,000 (the default)
      size: Number(process.env.APPLY_BENCH_SIZE) || 100_000,
      cpuMs,
      async open(name) {
        n += 1;
        const opened = await openWorkbenchDb({
          name: `${name}-${n}-${newId()}`,
          deps: { indexedDB, IDBKeyRange },
        });
        if (!opened.ok) throw new Error(`cannot open ${name}`);
        return opened.db;
      },
      // deleting frees the memory fake-indexeddb holds, so later figures run on the same heap
      remove: (db) => db.delete(),
    });
    figures.push(...applyBenchFigures(timings, 'Node, fake-indexeddb'));
  }, 1_800_000);
});
