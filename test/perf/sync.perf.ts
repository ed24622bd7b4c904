import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/clock/hlc';
import type { ChangeRecord } from '../../shared/model/change';
import { newId } from '../../shared/ids';
import { applyChanges } from '../../renderer/db/sync/applyChanges';
import { closeAll, makeDevice, tempDir } from '../unit/sync/harness';
import { BENCHMARK_SIZE, buildLargeEngagement, seededIds } from '../fixtures/largeEngagement';
import { median, reportBench, type BenchFigure } from './report';

/**
 * Folder sync speed, under Node with fake-indexeddb (the engine, the Dexie store and the real
 * node:fs folder, no IPC): Chromium's IndexedDB is not reachable from the engine without the
 * whole app, and both sides of the ratio below run on the same fake-indexeddb, so the ratio is
 * a fair measure of the merge's own overhead.
 */
const figures: BenchFigure[] = [];
afterAll(async () => {
  closeAll();
  await reportBench('sync', figures);
});

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
  });

  it('applying 100,000 remote changes vs a raw bulkPut of the same data', async () => {
    const root = await tempDir('ews-bench-');
    const data = buildLargeEngagement(BENCHMARK_SIZE);
    const remoteDevice = newId();
    const ids = seededIds(9, Date.UTC(2026, 4, 1));
    const base = Date.UTC(2026, 4, 1);
    const engagementId = data.engagement.id;
    // 100,000 changes: the engagement, then 99,999 notes (one create each)
    const changes: ChangeRecord[] = [];
    const notes: Record<string, unknown>[] = [];
    const template = data.notes[0]!;
    const push = (entity: 'engagement' | 'note', record: Record<string, unknown>) => {
      const seq = changes.length + 1;
      const { id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = record;
      changes.push({
        id: ids(),
        hlc: formatHlc({ wallTime: base + seq, counter: 0, deviceId: remoteDevice }),
        deviceId: remoteDevice,
        seq,
        entity,
        recordId: String(id),
        engagementId,
        op: 'create',
        changes: Object.entries(fields).map(([field, value]) => ({ field, old: null, new: value })),
        at: new Date(base + seq).toISOString(),
      });
    };
    push('engagement', data.engagement as unknown as Record<string, unknown>);
    for (let i = 1; i < 100_000; i++) {
      const at = new Date(base + i + 1).toISOString();
      const note = { ...template, id: ids(), title: `Note ${i}`, createdAt: at, updatedAt: at };
      notes.push(note);
      push('note', note);
    }
    const target = await makeDevice(root, { name: 'Target' });
    let t = performance.now();
    const result = await applyChanges(target.db, changes, { deviceId: newId() });
    const apply = performance.now() - t;
    expect(result.applied).toBe(100_000);
    expect(await target.db.notes.count()).toBe(99_999);

    // Raw Dexie of the same data (records + change records), in one transaction and in
    // 5,000-record transactions like the apply; the faster one is the floor.
    const rawWrite = async (chunk: number) => {
      const raw = await makeDevice(root, { name: `Raw ${chunk}` });
      const start = performance.now();
      await raw.db.engagements.bulkPut([data.engagement]);
      for (let i = 0; i < notes.length; i += chunk) {
        await raw.db.transaction('rw', raw.db.notes, raw.db.changes, async () => {
          await raw.db.notes.bulkPut(notes.slice(i, i + chunk) as never[]);
          await raw.db.changes.bulkPut(changes.slice(i, i + chunk));
        });
      }
      return performance.now() - start;
    };
    const rawSingle = await rawWrite(notes.length);
    const rawChunked = await rawWrite(5_000);
    const raw = Math.min(rawSingle, rawChunked);
    figures.push(
      { name: 'apply 100,000 remote changes (records + change log)', value: apply, unit: 'ms' },
      { name: 'raw bulkPut of the same, one transaction', value: rawSingle, unit: 'ms' },
      { name: 'raw bulkPut of the same, 5,000 per transaction', value: rawChunked, unit: 'ms' },
      {
        name: 'speed ratio (fastest raw / apply)',
        value: raw / apply,
        unit: 'ratio',
        goal: '>= 0.7',
      },
    );

    // The harder case: 100,000 field edits onto records that exist (each needs the record's
    // change log for last-writer-wins), against a raw bulkPut of the edited records + changes.
    const edits: ChangeRecord[] = notes.map((note, i) => {
      const seq = changes.length + i + 1;
      return {
        id: ids(),
        hlc: formatHlc({ wallTime: base + seq, counter: 0, deviceId: remoteDevice }),
        deviceId: remoteDevice,
        seq,
        entity: 'note',
        recordId: String(note.id),
        engagementId,
        op: 'update',
        changes: [{ field: 'title', old: note.title, new: `Edited ${i}` }],
        at: new Date(base + seq).toISOString(),
      };
    });
    t = performance.now();
    const edited = await applyChanges(target.db, edits, { deviceId: newId() });
    const applyEdits = performance.now() - t;
    expect(edited.applied).toBe(edits.length);
    const rawEditsDevice = await makeDevice(root, { name: 'Raw edits' });
    const editedNotes = notes.map((note, i) => ({ ...note, title: `Edited ${i}` }));
    // the same starting point as the target: the notes and their creates already stored
    for (let i = 0; i < notes.length; i += 5_000) {
      await rawEditsDevice.db.transaction(
        'rw',
        rawEditsDevice.db.notes,
        rawEditsDevice.db.changes,
        async () => {
          await rawEditsDevice.db.notes.bulkPut(notes.slice(i, i + 5_000) as never[]);
          await rawEditsDevice.db.changes.bulkPut(changes.slice(i + 1, i + 5_001));
        },
      );
    }
    t = performance.now();
    for (let i = 0; i < editedNotes.length; i += 5_000) {
      await rawEditsDevice.db.transaction(
        'rw',
        rawEditsDevice.db.notes,
        rawEditsDevice.db.changes,
        async () => {
          await rawEditsDevice.db.notes.bulkPut(editedNotes.slice(i, i + 5_000) as never[]);
          await rawEditsDevice.db.changes.bulkPut(edits.slice(i, i + 5_000));
        },
      );
    }
    const rawEdits = performance.now() - t;
    // Same again with edits made after this device's last sync (HLCs later than its clock, the
    // usual case): last-writer-wins is then decided without reading the records' change logs.
    const start = Date.now() + 1_000;
    const laterEdits: ChangeRecord[] = edits.map((edit, i) => ({
      ...edit,
      id: ids(),
      seq: edit.seq + edits.length,
      hlc: formatHlc({ wallTime: start + i, counter: 0, deviceId: remoteDevice }),
      changes: [{ field: 'title', old: `Edited ${i}`, new: `Edited again ${i}` }],
      at: new Date(start + i).toISOString(),
    }));
    t = performance.now();
    const again = await applyChanges(target.db, laterEdits, { deviceId: newId() });
    const applyLater = performance.now() - t;
    expect(again.applied).toBe(laterEdits.length);
    expect((await target.db.notes.get(String(notes[5]!.id)))?.title).toBe('Edited again 5');
    figures.push(
      {
        name: 'apply 99,999 remote edits made after the last sync (existing records)',
        value: applyLater,
        unit: 'ms',
      },
      { name: 'speed ratio for those (raw / apply)', value: rawEdits / applyLater, unit: 'ratio' },
      {
        name: 'apply 99,999 remote edits older than the local clock',
        value: applyEdits,
        unit: 'ms',
      },
      { name: 'raw bulkPut of the same, 5,000 per transaction', value: rawEdits, unit: 'ms' },
      {
        name: 'speed ratio for older edits (raw / apply)',
        value: rawEdits / applyEdits,
        unit: 'ratio',
      },
    );
  });
});
