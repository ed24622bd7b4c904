import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/clock/hlc';
import type { ChangeRecord, FieldChange } from '../../../shared/model/change';
import { SYNC_CONFLICTS_TABLE, type SyncConflict } from '../../../shared/sync/conflict';
import type { WorkbenchDB } from '../../../renderer/db/database';
import { applyChanges } from '../../../renderer/db/sync/applyChanges';
import { openTestStore } from '../db/helpers';
import { readAllChanges } from '../../../renderer/db/changeLog/reads';

/**
 * applyChanges reads what a chunk needs in few requests (one range for the recent change log,
 * one range for the records or whole logs when their ids are dense) and falls back to one read
 * per record when a range would hold too much. These cases go through each of those reads, on
 * chunks of 100+ records, and check the outcome, which must not depend on the read taken.
 */

const opened: WorkbenchDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const T0 = Date.UTC(2026, 2, 2, 9);
const ENGAGEMENT = '0195a000-0000-7000-8000-00000000e001';
const DEVICES = {
  creator: '0195a000-0000-7000-8000-0000000000c1',
  newer: '0195a000-0000-7000-8000-0000000000c2',
  older: '0195a000-0000-7000-8000-0000000000c3',
  latest: '0195a000-0000-7000-8000-0000000000c4',
};
type DeviceName = keyof typeof DEVICES;
const THIS_DEVICE = '0195a000-0000-7000-8000-0000000000d9';

/** Note ids with neighbouring values, like UUIDv7 ids made one after another. */
const noteId = (i: number) =>
  `0195a000-0000-7000-8000-${(0x1000 + i).toString(16).padStart(12, '0')}`;

let changeCounter = 0;
const seqs = new Map<string, number>();
function change(
  device: DeviceName,
  wallTime: number,
  recordId: string,
  op: ChangeRecord['op'],
  changes: FieldChange[],
): ChangeRecord {
  changeCounter += 1;
  const deviceId = DEVICES[device];
  const seq = (seqs.get(deviceId) ?? 0) + 1;
  seqs.set(deviceId, seq);
  return {
    id: `0195b000-0000-7000-8000-${changeCounter.toString(16).padStart(12, '0')}`,
    hlc: formatHlc({ wallTime, counter: 0, deviceId }),
    deviceId,
    seq,
    entity: 'note',
    recordId,
    engagementId: ENGAGEMENT,
    op,
    changes,
    at: new Date(wallTime).toISOString(),
  };
}

const createNote = (i: number, wallTime: number, body = `body ${i}`) =>
  change('creator', wallTime, noteId(i), 'create', [
    { field: 'engagementId', old: null, new: ENGAGEMENT },
    { field: 'date', old: null, new: '2026-03-02T09:00:00.000Z' },
    { field: 'title', old: null, new: `Note ${i}` },
    { field: 'body', old: null, new: body },
    { field: 'kind', old: null, new: 'meeting' },
    { field: 'participantIds', old: null, new: [] },
    { field: 'links', old: null, new: [] },
  ]);

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

async function target() {
  const { db, store } = await openTestStore({ deviceId: THIS_DEVICE });
  opened.push(db);
  const apply = (changes: ChangeRecord[], chunkSize?: number) =>
    applyChanges(db, changes, {
      deviceId: THIS_DEVICE,
      now: () => new Date(T0 + 86_400_000),
      ...(chunkSize ? { chunkSize } : {}),
    });
  return { db, store, apply };
}

describe('applyChanges on large chunks', () => {
  it('decides last-writer-wins the same from the recent log or from each record’s whole log', async () => {
    const n = 160;
    const creates = range(n).map((i) => createNote(i, T0 + i));
    const newer = range(n).map((i) =>
      change('newer', T0 + 20_000 + i, noteId(i), 'update', [
        { field: 'title', old: `Note ${i}`, new: `Newer ${i}` },
      ]),
    );
    const older = range(n).map((i) =>
      change('older', T0 + 10_000 + i, noteId(i), 'update', [
        { field: 'title', old: `Note ${i}`, new: `Older ${i}` },
        { field: 'kind', old: 'meeting', new: 'call' },
      ]),
    );
    const outcomes: unknown[] = [];
    // 5,000: one range of recent changes (160 newer ones); 40: too many newer changes for a
    // chunk of 40, so whole logs, read as one range of 40 neighbouring ids; 10: one per record.
    for (const chunkSize of [5_000, 40, 10]) {
      const { db, apply } = await target();
      await apply(creates);
      await apply(newer);
      const result = await apply(older, chunkSize);
      expect(result.applied).toBe(n);
      expect(result.recordsWritten).toBe(n); // kind won everywhere, title nowhere
      expect(result.conflicts).toBe(0);
      const notes = await db.notes.toArray();
      expect(notes.map((note) => note.title)).toEqual(range(n).map((i) => `Newer ${i}`));
      expect(notes.every((note) => note.kind === 'call')).toBe(true);
      // updatedAt = the `at` of the latest winning change: the newer title, not the older kind
      expect(notes[3]?.updatedAt).toBe(newer[3]?.at);
      const again = await apply(older, chunkSize);
      expect(again).toMatchObject({ applied: 0, duplicates: n, recordsWritten: 0 });
      expect((await readAllChanges(db)).length).toBe(3 * n);
      outcomes.push(notes);
    }
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[2]).toEqual(outcomes[0]);
  });

  it('reads a sparse chunk’s records one by one, a dense one as a range, new ones not at all', async () => {
    const { db, apply } = await target();
    const created = await apply(range(300).map((i) => createNote(i, T0 + i)));
    expect(created.recordsWritten).toBe(300);
    const sparse = range(300)
      .filter((i) => i % 8 === 0)
      .map((i) =>
        change('newer', T0 + 20_000 + i, noteId(i), 'update', [
          { field: 'title', old: `Note ${i}`, new: `Sparse ${i}` },
        ]),
      );
    const dense = range(50, 100).map((i) =>
      change('newer', T0 + 30_000 + i, noteId(i), 'update', [
        { field: 'body', old: `body ${i}`, new: `Dense ${i}` },
      ]),
    );
    expect((await apply(sparse)).recordsWritten).toBe(sparse.length);
    expect((await apply(dense)).recordsWritten).toBe(dense.length);
    // concurrent long-text edits of every 7th note: whole logs wanted, but their id range holds
    // the other notes' logs too, so one query per record
    const stale = range(300)
      .filter((i) => i % 7 === 0 && (i < 100 || i >= 150))
      .map((i) =>
        change('latest', T0 + 40_000 + i, noteId(i), 'update', [
          { field: 'body', old: 'stale', new: `Stale ${i}` },
        ]),
      );
    const staleResult = await apply(stale);
    expect(staleResult.conflicts).toBe(stale.length);
    const notes = await db.notes.toArray();
    expect(notes).toHaveLength(300);
    for (const [i, note] of notes.entries()) {
      expect(note.title).toBe(i % 8 === 0 ? `Sparse ${i}` : `Note ${i}`);
      const body = i >= 100 && i < 150 ? `Dense ${i}` : i % 7 === 0 ? `Stale ${i}` : `body ${i}`;
      expect(note.body).toBe(body);
    }
    const conflicts = await db.table<SyncConflict, string>(SYNC_CONFLICTS_TABLE).toArray();
    expect(conflicts.find((c) => c.recordId === noteId(7))).toMatchObject({
      loserValue: 'body 7',
      winnerValue: 'Stale 7',
    });
  });

  it('folds many records whose changes came before their creates', async () => {
    const { db, apply } = await target();
    const n = 150;
    const edits = range(n).map((i) =>
      change('newer', T0 + 20_000 + i, noteId(i), 'update', [
        { field: 'title', old: `Note ${i}`, new: `Early ${i}` },
      ]),
    );
    const early = await apply(edits);
    expect(early.pendingRecords).toBe(n);
    expect(await db.notes.count()).toBe(0);
    const creates = range(n).map((i) => createNote(i, T0 + i));
    // 40 creates while 150 records are pending (the pending list is too long to scan), then
    // the other 110 (it is scanned)
    const first = await apply(creates.slice(0, 40));
    expect(first.recordsWritten).toBe(40);
    expect(first.pendingRecords).toBe(0);
    await apply(creates.slice(40));
    const notes = await db.notes.toArray();
    expect(notes.map((note) => note.title)).toEqual(range(n).map((i) => `Early ${i}`));
    expect(notes[7]?.createdAt).toBe(creates[7]?.at);
    expect(notes[7]?.updatedAt).toBe(edits[7]?.at);
    const state = await db.table<{ key: string }, string>('syncState').toArray();
    expect(state.filter((entry) => entry.key.startsWith('pending:'))).toEqual([]);
  });

  it('files concurrent long-text edits of many records, reading the whole log of each', async () => {
    const { db, apply } = await target();
    const n = 40;
    await apply(range(n).map((i) => createNote(i, T0 + i, 'original')));
    const fromNewer = range(n).map((i) =>
      change('newer', T0 + 20_000 + i, noteId(i), 'update', [
        { field: 'body', old: 'original', new: `newer ${i}` },
      ]),
    );
    await apply(fromNewer);
    // older and concurrent (did not start from "newer ..."): they lose and are kept
    const fromOlder = range(n).map((i) =>
      change('older', T0 + 10_000 + i, noteId(i), 'update', [
        { field: 'body', old: 'original', new: `older ${i}` },
      ]),
    );
    const lost = await apply(fromOlder);
    expect(lost.conflicts).toBe(n);
    expect(lost.recordsWritten).toBe(0);
    // later and concurrent: they win, and the value they replace (written by a change older than
    // the whole chunk, so only in the record's whole log) is kept
    const fromLatest = range(n).map((i) =>
      change('latest', T0 + 30_000 + i, noteId(i), 'update', [
        { field: 'body', old: 'original', new: `latest ${i}` },
      ]),
    );
    const won = await apply(fromLatest);
    expect(won.conflicts).toBe(n);
    expect(won.recordsWritten).toBe(n);
    // a later edit that started from the current value is no conflict
    const followUp = range(n).map((i) =>
      change('newer', T0 + 40_000 + i, noteId(i), 'update', [
        { field: 'body', old: `latest ${i}`, new: `follow-up ${i}` },
      ]),
    );
    expect((await apply(followUp)).conflicts).toBe(0);

    const notes = await db.notes.toArray();
    expect(notes.map((note) => note.body)).toEqual(range(n).map((i) => `follow-up ${i}`));
    const conflicts = await db.table<SyncConflict, string>(SYNC_CONFLICTS_TABLE).toArray();
    expect(conflicts).toHaveLength(2 * n);
    const byId = new Map(conflicts.map((c) => [c.id, c]));
    expect(byId.get(`${fromOlder[5]!.id}:body`)).toMatchObject({
      recordId: noteId(5),
      loserValue: 'older 5',
      loserDeviceId: DEVICES.older,
      winnerValue: 'newer 5',
      winnerHlc: fromNewer[5]!.hlc,
      status: 'open',
    });
    expect(byId.get(`${fromNewer[5]!.id}:body`)).toMatchObject({
      recordId: noteId(5),
      loserValue: 'newer 5',
      loserHlc: fromNewer[5]!.hlc,
      loserDeviceId: DEVICES.newer,
      winnerValue: 'latest 5',
      winnerDeviceId: DEVICES.latest,
    });
  });
  it('lets this device’s own later edits win and spots duplicates through the recent log', async () => {
    const { db, store, apply } = await target();
    const n = 60;
    await apply(range(n).map((i) => createNote(i, T0 + i)));
    // local edits of the even notes, after the creates (the local clock adopted their time)
    for (const i of range(n).filter((i) => i % 2 === 0)) {
      await store.notes.update(noteId(i), { title: `Local ${i}` });
    }
    // remote edits older than the local clock (not older than the creates): one chunk of 60
    // records that must look at the recent part of their logs
    const older = range(n).map((i) =>
      change('older', T0 + 500 + i, noteId(i), 'update', [
        { field: 'title', old: `Note ${i}`, new: `Older ${i}` },
        { field: 'kind', old: 'meeting', new: 'call' },
      ]),
    );
    const first = await apply(older);
    expect(first).toMatchObject({ applied: n, duplicates: 0, recordsWritten: n, conflicts: 0 });
    const notes = await db.notes.toArray();
    expect(notes.map((note) => note.title)).toEqual(
      range(n).map((i) => (i % 2 === 0 ? `Local ${i}` : `Older ${i}`)),
    );
    expect(notes.every((note) => note.kind === 'call')).toBe(true);
    // the same changes again, mixed with new ones in one chunk: the old ones are duplicates
    const latest = range(n).map((i) =>
      change('latest', T0 + 3_600_000 + i, noteId(i), 'update', [
        { field: 'kind', old: 'call', new: 'observation' },
      ]),
    );
    const mixed = await apply(
      [...older, ...latest].sort((a, b) => a.recordId.localeCompare(b.recordId)),
    );
    expect(mixed).toMatchObject({ applied: n, duplicates: n, recordsWritten: n });
    const after = await db.notes.toArray();
    expect(after.map((note) => note.kind)).toEqual(range(n).map(() => 'observation'));
    expect(after[2]?.title).toBe('Local 2');
    expect((await readAllChanges(db)).length).toBe(n + n / 2 + 2 * n);
  });
  it('counts logged changes that did not move the clock (an archive copied in, a skewed peer)', async () => {
    const { db, apply } = await target();
    const n = 40;
    await apply(range(n).map((i) => createNote(i, T0 + i)));
    // written the way an archive copy writes them: records and change log as they are, the
    // clock left behind (their HLC is more than an hour ahead, so it is clamped)
    const ahead = range(n).map((i) =>
      change('latest', T0 + 3 * 86_400_000 + i, noteId(i), 'update', [
        { field: 'title', old: `Note ${i}`, new: `Ahead ${i}` },
      ]),
    );
    await db.transaction('rw', db.notes, db.changes, async () => {
      await db.changes.bulkPut(ahead);
      for (const [i, edit] of ahead.entries()) {
        await db.notes.update(noteId(i), { title: `Ahead ${i}`, updatedAt: edit.at });
      }
    });
    // later than the local clock, earlier than the logged ones: they must lose the title
    const between = range(n).map((i) =>
      change('newer', T0 + 86_400_000 + i, noteId(i), 'update', [
        { field: 'title', old: `Note ${i}`, new: `Between ${i}` },
        { field: 'kind', old: 'meeting', new: 'call' },
      ]),
    );
    const result = await apply(between);
    expect(result).toMatchObject({ applied: n, recordsWritten: n });
    const notes = await db.notes.toArray();
    expect(notes.map((note) => note.title)).toEqual(range(n).map((i) => `Ahead ${i}`));
    expect(notes.every((note) => note.kind === 'call')).toBe(true);
  });
});
