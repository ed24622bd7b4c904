// The cap on changes kept aside (renderer/db/sync/parkedCap.ts), on a real Dexie database over
// fake-indexeddb: per device, the oldest (lowest seq) dropped first, other devices untouched.
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbenchDB } from '../../../renderer/db/database';
import { applyChanges, type ParkedChange } from '../../../renderer/db/sync/applyChanges';
import { MAX_PARKED_PER_DEVICE, capParked } from '../../../renderer/db/sync/parkedCap';
import { newId } from '../../../shared/ids';
import { SYNC_PARKED_TABLE } from '../../../shared/sync/conflict';
import { DEVICE_ID, OTHER_DEVICE_ID, openTestStore } from '../db/helpers';

const opened: WorkbenchDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function openDb(): Promise<WorkbenchDB> {
  const { db } = await openTestStore({ deviceId: DEVICE_ID });
  opened.push(db);
  return db;
}

const THIRD_DEVICE_ID = '0195a000-0000-7000-8000-0000000000d3';

/** A change of an entity this version does not know: parked for a newer version. */
function future(deviceId: string, seq: number) {
  return {
    id: newId(),
    hlc: `2026-03-02T09:00:00.000Z-${String(seq).padStart(4, '0')}-${deviceId}`,
    deviceId,
    seq,
    recordId: newId(),
    engagementId: newId(),
    at: '2026-03-02T09:00:00.000Z',
    entity: 'futureThing',
    op: 'create',
    changes: [{ field: 'x', old: null, new: seq }],
  };
}

const parked = (db: WorkbenchDB) => db.table<ParkedChange, string>(SYNC_PARKED_TABLE);
const seqsOf = async (db: WorkbenchDB, deviceId: string) =>
  (await parked(db).where('deviceId').equals(deviceId).toArray())
    .map((p) => p.seq)
    .sort((a, b) => a - b);

describe('capParked', () => {
  it('keeps the newest `max` of a device, drops its oldest first, leaves the others alone', async () => {
    const db = await openDb();
    const row = (deviceId: string, seq: number): ParkedChange => ({
      id: newId(),
      reason: 'refused',
      deviceId,
      seq,
      raw: {},
      parkedAt: '2026-03-02T09:00:00.000Z',
    });
    // written out of order: the cap goes by the device's sequence, not by insertion
    await parked(db).bulkPut([7, 3, 9, 1, 5, 2].map((s) => row(OTHER_DEVICE_ID, s)));
    await parked(db).bulkPut([1, 2].map((s) => row(THIRD_DEVICE_ID, s)));
    const dropped = await capParked(db, [OTHER_DEVICE_ID, THIRD_DEVICE_ID, OTHER_DEVICE_ID], 3);
    expect(dropped).toEqual([{ deviceId: OTHER_DEVICE_ID, dropped: 3 }]);
    expect(await seqsOf(db, OTHER_DEVICE_ID)).toEqual([5, 7, 9]);
    expect(await seqsOf(db, THIRD_DEVICE_ID)).toEqual([1, 2]);
    expect(await capParked(db, [OTHER_DEVICE_ID], 3)).toEqual([]); // at the cap: nothing
  });

  it('the default cap is 10,000 per device', async () => {
    expect(MAX_PARKED_PER_DEVICE).toBe(10_000);
    const db = await openDb();
    const rows: ParkedChange[] = [];
    for (let seq = 1; seq <= MAX_PARKED_PER_DEVICE + 2; seq++) {
      rows.push({
        id: newId(),
        reason: 'r',
        deviceId: OTHER_DEVICE_ID,
        seq,
        raw: {},
        parkedAt: '',
      });
    }
    await parked(db).bulkPut(rows);
    expect(await capParked(db, [OTHER_DEVICE_ID])).toEqual([
      { deviceId: OTHER_DEVICE_ID, dropped: 2 },
    ]);
    expect(await parked(db).count()).toBe(MAX_PARKED_PER_DEVICE);
    const lowest = await parked(db).where('[deviceId+seq]').above([OTHER_DEVICE_ID, 0]).first();
    expect(lowest?.seq).toBe(3);
  });
});

describe('applyChanges keeps the cap', () => {
  it('a flood of changes kept aside from one device: its oldest dropped and reported, another device kept', async () => {
    const db = await openDb();
    const options = { deviceId: DEVICE_ID, maxParkedPerDevice: 4 };
    const calm = await applyChanges(
      db,
      [1, 2].map((s) => future(THIRD_DEVICE_ID, s)),
      options,
    );
    expect(calm.parked).toBe(2);
    expect(calm.parkedDropped).toEqual([]);
    const flood = Array.from({ length: 10 }, (_, i) => future(OTHER_DEVICE_ID, i + 1));
    const first = await applyChanges(db, flood.slice(0, 6), options);
    expect(first.parkedDropped).toEqual([{ deviceId: OTHER_DEVICE_ID, dropped: 2 }]);
    const second = await applyChanges(db, flood.slice(6), options);
    expect(second.parkedDropped).toEqual([{ deviceId: OTHER_DEVICE_ID, dropped: 4 }]);
    expect(await seqsOf(db, OTHER_DEVICE_ID)).toEqual([7, 8, 9, 10]);
    expect(await seqsOf(db, THIRD_DEVICE_ID)).toEqual([1, 2]);
  });
});
