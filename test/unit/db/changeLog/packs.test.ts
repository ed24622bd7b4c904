import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbenchDB } from '../../../../renderer/db/database';
import { openWorkbenchDb } from '../../../../renderer/db/open';
import {
  PACK_SIZE,
  byHlc,
  packChanges,
  recordKeyOf,
  storeChanges,
  type ChangePack,
} from '../../../../renderer/db/changeLog/packs';
import { formatHlc, parseHlc } from '../../../../shared/clock/hlc';
import { changeRecordSchema, type ChangeRecord } from '../../../../shared/model/change';
import type { EntityName } from '../../../../shared/model/registry';
import { DEVICE_ID, OTHER_DEVICE_ID, deps, uniqueDbName } from '../helpers';

const opened: WorkbenchDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const E1 = '0195a000-0000-7000-8000-0000000000e1';
const E2 = '0195a000-0000-7000-8000-0000000000e2';
const THIRD_DEVICE_ID = '0195a000-0000-7000-8000-0000000000d3';

/** A UUID with a fixed 8-digit prefix and `n` as its last 12 hex digits. */
function uuid(prefix: string, n: number): string {
  return `${prefix}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A UUIDv7-shaped id made at `ms`, with a deterministic "random" part from `n`. */
function uuidAt(ms: number, n: number): string {
  const time = ms.toString(16).padStart(12, '0');
  const rand = ((n * 2_654_435_761) % 0xffff_ffff).toString(16).padStart(8, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rand.slice(0, 3)}-8${rand.slice(3, 6)}-${rand.slice(6, 8)}${n.toString(16).padStart(10, '0')}`;
}

interface ChangeSpec {
  id: string;
  deviceId: string;
  seq: number;
  wallTime: number;
  counter?: number;
  engagementId: string;
  entity?: EntityName;
  recordId?: string;
}

function change(spec: ChangeSpec): ChangeRecord {
  const entity = spec.entity ?? (spec.recordId === undefined ? 'engagement' : 'risk');
  return {
    id: spec.id,
    hlc: formatHlc({
      wallTime: spec.wallTime,
      counter: spec.counter ?? 0,
      deviceId: spec.deviceId,
    }),
    deviceId: spec.deviceId,
    deviceName: spec.deviceId === DEVICE_ID ? 'Work laptop' : 'Home desktop',
    actor: 'Dana Whitfield',
    seq: spec.seq,
    entity,
    recordId: spec.recordId ?? spec.engagementId,
    engagementId: spec.engagementId,
    op: spec.seq === 1 ? 'create' : 'update',
    changes: [{ field: 'title', old: `title ${spec.seq - 1}`, new: `title ${spec.seq}` }],
    at: new Date(spec.wallTime).toISOString(),
  };
}

/**
 * `count` changes of one device in one engagement, over 40 risks, in a deterministic shuffled
 * order (the input order of packChanges must not matter).
 */
function shuffledChanges(count: number, engagementId: string, deviceId: string): ChangeRecord[] {
  const inOrder: ChangeRecord[] = [];
  for (let i = 0; i < count; i++) {
    // two changes per millisecond: the second one has counter 1
    const wallTime = T0 + Math.floor(i / 2) * 250;
    inOrder.push(
      change({
        id: uuidAt(wallTime, i + 1),
        deviceId,
        seq: i + 1,
        wallTime,
        counter: i % 2,
        engagementId,
        entity: 'risk',
        recordId: uuid('0195a100', (i * 7) % 40),
      }),
    );
  }
  // 389 is coprime with every count used here, so this is a permutation
  const shuffled: ChangeRecord[] = [];
  for (let i = 0; i < count; i++) shuffled.push(inOrder[(i * 389) % count] as ChangeRecord);
  return shuffled;
}

/** The brute-force order of the log: HLC, then id. */
function sortedByHlcThenId(changes: readonly ChangeRecord[]): ChangeRecord[] {
  return [...changes].sort((a, b) =>
    a.hlc === b.hlc ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.hlc < b.hlc ? -1 : 1,
  );
}

/** Checks one pack against the changes it should hold. */
function expectPackOf(pack: ChangePack, expected: readonly ChangeRecord[]): void {
  const first = expected[0] as ChangeRecord;
  const last = expected[expected.length - 1] as ChangeRecord;
  expect(pack.id).toBe(`pack:${first.id}`);
  expect(pack.minHlc).toBe(first.hlc);
  expect(pack.maxHlc).toBe(last.hlc);
  expect(pack.changes).toEqual(expected);
  expect(pack.changeIds).toEqual(expected.map((c) => c.id));
  const keys = new Set(expected.map((c) => recordKeyOf(c.entity, c.recordId)));
  expect(new Set(pack.recordKeys)).toEqual(keys);
  expect(pack.recordKeys).toHaveLength(keys.size); // each once
}

async function openDb(): Promise<WorkbenchDB> {
  const result = await openWorkbenchDb({ name: uniqueDbName('packs'), deps });
  if (!result.ok) throw new Error(`cannot open test db: ${JSON.stringify(result)}`);
  opened.push(result.db);
  return result.db;
}

describe('test data', () => {
  it('is made of valid change records with realistic HLCs', () => {
    const changes = shuffledChanges(50, E1, OTHER_DEVICE_ID);
    for (const c of changes) {
      expect(changeRecordSchema.safeParse(c).success).toBe(true);
      expect(parseHlc(c.hlc).deviceId).toBe(c.deviceId);
    }
    expect(new Set(changes.map((c) => c.id)).size).toBe(50);
    expect(new Set(changes.map((c) => c.hlc)).size).toBe(50);
  });
});

describe('recordKeyOf and byHlc', () => {
  it('joins entity and record id with a NUL, so keys of one entity sort together', () => {
    expect(recordKeyOf('risk', 'abc')).toBe('risk\u0000abc');
    const keys = [
      recordKeyOf('risk', uuid('0195a100', 2)),
      recordKeyOf('raisedIssue', uuid('0195a100', 1)),
      recordKeyOf('risk', uuid('0195a100', 1)),
    ].sort();
    expect(keys).toEqual([
      recordKeyOf('raisedIssue', uuid('0195a100', 1)),
      recordKeyOf('risk', uuid('0195a100', 1)),
      recordKeyOf('risk', uuid('0195a100', 2)),
    ]);
  });

  it('orders by HLC first, then by id', () => {
    const a = change({
      id: uuid('0195b000', 9),
      deviceId: DEVICE_ID,
      seq: 1,
      wallTime: T0,
      engagementId: E1,
    });
    const b = { ...a, id: uuid('0195b000', 3) }; // same HLC, smaller id
    const c = change({
      id: uuid('0195b000', 1),
      deviceId: DEVICE_ID,
      seq: 2,
      wallTime: T0 + 1,
      engagementId: E1,
    });
    expect([c, a, b].sort(byHlc).map((x) => x.id)).toEqual([b.id, a.id, c.id]);
    expect(byHlc(a, a)).toBe(0);
    expect(byHlc(a, b)).toBeGreaterThan(0);
    expect(byHlc(a, c)).toBeLessThan(0);
  });
});

describe('packChanges', () => {
  it('returns no pack for no change', () => {
    expect(packChanges([])).toEqual([]);
  });

  it('cuts 1,203 changes of one engagement into packs of 500, 500 and 203, in HLC order', () => {
    const changes = shuffledChanges(1_203, E1, OTHER_DEVICE_ID);
    const sorted = sortedByHlcThenId(changes);
    // the input really is out of order
    expect(changes.map((c) => c.id)).not.toEqual(sorted.map((c) => c.id));

    const packs = packChanges(changes);
    expect(packs.map((p) => p.changes.length)).toEqual([PACK_SIZE, PACK_SIZE, 203]);
    expect(PACK_SIZE).toBe(500);
    packs.forEach((pack, i) => {
      expect(pack.engagementId).toBe(E1);
      expectPackOf(pack, sorted.slice(i * PACK_SIZE, (i + 1) * PACK_SIZE));
    });
    // consecutive packs do not overlap
    for (let i = 1; i < packs.length; i++) {
      expect((packs[i - 1] as ChangePack).maxHlc < (packs[i] as ChangePack).minHlc).toBe(true);
    }
    // every change exactly once
    const allIds = packs.flatMap((p) => p.changeIds);
    expect(allIds).toHaveLength(1_203);
    expect(new Set(allIds)).toEqual(new Set(changes.map((c) => c.id)));
    // unique pack ids
    expect(new Set(packs.map((p) => p.id)).size).toBe(3);
    // it does not modify its input
    expect(changes).toEqual(shuffledChanges(1_203, E1, OTHER_DEVICE_ID));
  });

  it('packs exactly PACK_SIZE changes into one pack, one more into two', () => {
    expect(
      packChanges(shuffledChanges(500, E1, OTHER_DEVICE_ID)).map((p) => p.changes.length),
    ).toEqual([500]);
    expect(
      packChanges(shuffledChanges(501, E1, OTHER_DEVICE_ID)).map((p) => p.changes.length),
    ).toEqual([500, 1]);
  });

  it('groups per engagement, never mixing two engagements in a pack', () => {
    const e1 = shuffledChanges(620, E1, OTHER_DEVICE_ID);
    const e2 = shuffledChanges(130, E2, THIRD_DEVICE_ID).map((c, i) => ({
      ...c,
      id: uuidAt(T0 + i, 10_000 + i),
      recordId: uuid('0195a200', i % 9),
    }));
    // interleave the two engagements
    const mixed: ChangeRecord[] = [];
    for (let i = 0; i < Math.max(e1.length, e2.length); i++) {
      if (e1[i]) mixed.push(e1[i] as ChangeRecord);
      if (e2[i]) mixed.push(e2[i] as ChangeRecord);
    }
    const packs = packChanges(mixed);
    expect(packs.map((p) => [p.engagementId, p.changes.length])).toEqual([
      [E1, 500],
      [E1, 120],
      [E2, 130],
    ]);
    for (const pack of packs) {
      expect(pack.changes.every((c) => c.engagementId === pack.engagementId)).toBe(true);
    }
    const sortedE1 = sortedByHlcThenId(e1);
    expectPackOf(packs[0] as ChangePack, sortedE1.slice(0, 500));
    expectPackOf(packs[1] as ChangePack, sortedE1.slice(500));
    expectPackOf(packs[2] as ChangePack, sortedByHlcThenId(e2));
    // recordKeys: the 40 risks of E1 appear in both E1 packs, the 9 risks of E2 once each
    expect((packs[0] as ChangePack).recordKeys).toHaveLength(40);
    expect((packs[2] as ChangePack).recordKeys).toHaveLength(9);
  });

  it('orders changes with the same HLC by id, and names the pack after the first', () => {
    const base = { deviceId: OTHER_DEVICE_ID, wallTime: T0 + 5_000, engagementId: E1 };
    const changes = [
      change({ ...base, id: uuid('0195b000', 0xc), seq: 3 }),
      change({ ...base, id: uuid('0195b000', 0xa), seq: 1 }),
      change({
        ...base,
        id: uuid('0195b000', 0xb),
        seq: 2,
        entity: 'note',
        recordId: uuid('0195a300', 1),
      }),
      change({ ...base, id: uuid('0195b000', 0x1), seq: 4, wallTime: T0 + 6_000 }),
    ];
    const [pack] = packChanges(changes);
    expect(pack?.changeIds).toEqual([
      uuid('0195b000', 0xa),
      uuid('0195b000', 0xb),
      uuid('0195b000', 0xc),
      uuid('0195b000', 0x1),
    ]);
    expect(pack?.id).toBe(`pack:${uuid('0195b000', 0xa)}`);
    expect(pack?.minHlc).toBe(
      formatHlc({ wallTime: T0 + 5_000, counter: 0, deviceId: OTHER_DEVICE_ID }),
    );
    expect(pack?.maxHlc).toBe(
      formatHlc({ wallTime: T0 + 6_000, counter: 0, deviceId: OTHER_DEVICE_ID }),
    );
    expect(pack?.recordKeys).toEqual([
      recordKeyOf('engagement', E1),
      recordKeyOf('note', uuid('0195a300', 1)),
    ]);
  });

  it('keeps changes from several devices of one engagement in one HLC-ordered pack', () => {
    const b = shuffledChanges(30, E1, OTHER_DEVICE_ID);
    const c = shuffledChanges(30, E1, THIRD_DEVICE_ID).map((x, i) => ({
      ...x,
      id: uuidAt(T0, 500 + i),
    }));
    const packs = packChanges([...b, ...c]);
    expect(packs).toHaveLength(1);
    const hlcs = (packs[0] as ChangePack).changes.map((x) => x.hlc);
    expect(hlcs).toEqual([...hlcs].sort());
    // same wall time and counter: the device id in the HLC decides, B (…d2) before C (…d3)
    expect(parseHlc(hlcs[0] as string).deviceId).toBe(OTHER_DEVICE_ID);
    expect(parseHlc(hlcs[1] as string).deviceId).toBe(THIRD_DEVICE_ID);
    expectPackOf(packs[0] as ChangePack, sortedByHlcThenId([...b, ...c]));
  });
});

describe('storeChanges', () => {
  it('stores own-device changes as rows and the others in packs', async () => {
    const db = await openDb();
    const own = shuffledChanges(40, E1, DEVICE_ID).map((c, i) => ({
      ...c,
      id: uuidAt(T0, 2_000 + i),
    }));
    const fromB = shuffledChanges(700, E1, OTHER_DEVICE_ID);
    const fromC = shuffledChanges(60, E2, THIRD_DEVICE_ID).map((c, i) => ({
      ...c,
      id: uuidAt(T0, 3_000 + i),
    }));
    const all = [...fromB.slice(0, 300), ...own, ...fromC, ...fromB.slice(300)];

    await db.transaction('rw', db.changes, db.changePacks, () => storeChanges(db, all, DEVICE_ID));

    const rows = await db.changes.toArray();
    expect(rows.map((c) => c.id).sort()).toEqual(own.map((c) => c.id).sort());
    expect(rows.every((c) => c.deviceId === DEVICE_ID)).toBe(true);
    expect(await db.changes.get(own[3]?.id as string)).toEqual(own[3]);

    const packs = await db.changePacks.toArray();
    const expected = packChanges([...fromB, ...fromC]);
    expect(packs).toHaveLength(3);
    const byId = (a: ChangePack, b: ChangePack) => (a.id < b.id ? -1 : 1);
    expect([...packs].sort(byId)).toEqual([...expected].sort(byId));
    const packedIds = packs.flatMap((p) => p.changeIds);
    expect(packedIds).toHaveLength(760);
    expect(packedIds.some((id) => own.some((c) => c.id === id))).toBe(false);
    // the indexes find them
    expect(await db.changePacks.where('engagementId').equals(E2).count()).toBe(1);
    expect(
      await db.changePacks
        .where('changeIds')
        .equals(fromB[123]?.id as string)
        .primaryKeys(),
    ).toHaveLength(1);
  });

  it('writes only rows when every change is this device’s, only packs when none is', async () => {
    const db = await openDb();
    const own = shuffledChanges(12, E1, DEVICE_ID);
    await db.transaction('rw', db.changes, db.changePacks, () => storeChanges(db, own, DEVICE_ID));
    expect(await db.changes.count()).toBe(12);
    expect(await db.changePacks.count()).toBe(0);

    const other = shuffledChanges(12, E2, OTHER_DEVICE_ID);
    await db.transaction('rw', db.changes, db.changePacks, () =>
      storeChanges(db, other, DEVICE_ID),
    );
    expect(await db.changes.count()).toBe(12);
    const packs = await db.changePacks.toArray();
    expect(packs).toHaveLength(1);
    expectPackOf(packs[0] as ChangePack, sortedByHlcThenId(other));

    // nothing at all: nothing written
    await db.transaction('rw', db.changes, db.changePacks, () => storeChanges(db, [], DEVICE_ID));
    expect(await db.changes.count()).toBe(12);
    expect(await db.changePacks.count()).toBe(1);
  });

  it('follows the caller’s transaction: an abort writes neither rows nor packs', async () => {
    const db = await openDb();
    const own = shuffledChanges(5, E1, DEVICE_ID);
    const other = shuffledChanges(5, E1, OTHER_DEVICE_ID).map((c, i) => ({
      ...c,
      id: uuidAt(T0, 900 + i),
    }));
    await expect(
      db.transaction('rw', db.changes, db.changePacks, async () => {
        await storeChanges(db, [...own, ...other], DEVICE_ID);
        expect(await db.changes.count()).toBe(5);
        expect(await db.changePacks.count()).toBe(1);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.changes.count()).toBe(0);
    expect(await db.changePacks.count()).toBe(0);
  });
});
