/**
 * The readers of the change log against a brute-force expectation. The database mixes every
 * place a change can live: this device's own changes as rows (some written by storeChanges, some
 * directly), legacy rows of another device (logged before migration 008), and packs of two other
 * devices in two engagements, written in several batches whose HLC ranges overlap.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkbenchDB } from '../../../../renderer/db/database';
import { openWorkbenchDb } from '../../../../renderer/db/open';
import {
  PACK_SIZE,
  packChanges,
  recordKeyOf,
  storeChanges,
  type ChangePack,
} from '../../../../renderer/db/changeLog/packs';
import {
  RANGE_MIN_KEYS,
  latestLoggedHlc,
  loggedChangeIds,
  readAllChanges,
  readChangesAfter,
  readChangesById,
  readEngagementLog,
  readPackedChangesOfRecords,
  readPackedChangesSince,
  readRecordLog,
} from '../../../../renderer/db/changeLog/reads';
import { formatHlc, parseHlc } from '../../../../shared/clock/hlc';
import { changeRecordSchema, type ChangeRecord } from '../../../../shared/model/change';
import type { EntityName } from '../../../../shared/model/registry';
import { DEVICE_ID, OTHER_DEVICE_ID, deps, uniqueDbName } from '../helpers';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const E1 = '0195a000-0000-7000-8000-0000000000e1';
const E2 = '0195a000-0000-7000-8000-0000000000e2';
const UNKNOWN_ENGAGEMENT = '0195a000-0000-7000-8000-0000000000e9';
const OWN = DEVICE_ID;
const DEV_B = OTHER_DEVICE_ID;
const DEV_C = '0195a000-0000-7000-8000-0000000000d3';

/** Timeline length: 600 own changes, 1,200 of device B (120 as legacy rows), 1,200 of C. */
const N = 3_000;
/** Risks per engagement (61: prime, so a risk's changes come from every device). */
const RISKS = 61;
/** Notes per engagement: each edited in one short burst (few packs per note). */
const NOTES = 250;

/** A UUIDv7-shaped id made at `ms`, with a deterministic "random" part from `n`. */
function uuidAt(ms: number, n: number): string {
  const time = ms.toString(16).padStart(12, '0');
  const rand = ((n * 2_654_435_761) % 0xffff_ffff).toString(16).padStart(8, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rand.slice(0, 3)}-8${rand.slice(3, 6)}-${rand.slice(6, 8)}${n.toString(16).padStart(10, '0')}`;
}

function riskId(engagement: 1 | 2, k: number): string {
  return `0195a100-0000-7${engagement}00-8000-${k.toString(16).padStart(12, '0')}`;
}
function noteId(engagement: 1 | 2, k: number): string {
  return `0195a200-0000-7${engagement}00-8000-${k.toString(16).padStart(12, '0')}`;
}

/** The whole log in the order it was made, deterministic. */
function buildTimeline(): ChangeRecord[] {
  const devices = [OWN, DEV_B, DEV_B, DEV_C, DEV_C];
  const seqs = new Map<string, number>();
  const lastStamp = new Map<string, { wallTime: number; counter: number }>();
  const out: ChangeRecord[] = [];
  for (let i = 0; i < N; i++) {
    const deviceId = devices[i % 5] as string;
    // two changes per instant: same-millisecond changes of one device count up, of two devices
    // are ordered by device id
    const wallTime = T0 + Math.floor(i / 2) * 700;
    const last = lastStamp.get(deviceId);
    const counter = last && last.wallTime === wallTime ? last.counter + 1 : 0;
    lastStamp.set(deviceId, { wallTime, counter });
    const seq = (seqs.get(deviceId) ?? 0) + 1;
    seqs.set(deviceId, seq);
    const e: 1 | 2 = i % 3 === 2 ? 2 : 1;
    const engagementId = e === 1 ? E1 : E2;
    let entity: EntityName;
    let recordId: string;
    if (i % 11 === 0) {
      entity = 'engagement';
      recordId = engagementId;
    } else if (i % 4 === 0) {
      entity = 'note';
      recordId = noteId(e, Math.floor(i / 12) % NOTES);
    } else {
      entity = 'risk';
      recordId = riskId(e, (i * 31) % RISKS);
    }
    out.push({
      id: uuidAt(wallTime, i + 1),
      hlc: formatHlc({ wallTime, counter, deviceId }),
      deviceId,
      deviceName: deviceId === OWN ? 'Work laptop' : deviceId === DEV_B ? 'Home desktop' : 'Tablet',
      actor: 'Dana Whitfield',
      seq,
      entity,
      recordId,
      engagementId,
      op: seq === 1 ? 'create' : 'update',
      changes: [{ field: 'title', old: `title ${i}`, new: `title ${i + 1}` }],
      at: new Date(wallTime).toISOString(),
    });
  }
  return out;
}

/** Brute-force log order: HLC, then id. */
function byHlcThenId(a: ChangeRecord, b: ChangeRecord): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
const asc = (list: readonly ChangeRecord[]) => [...list].sort(byHlcThenId);
const desc = (list: readonly ChangeRecord[]) => asc(list).reverse();
const idsOf = (list: readonly ChangeRecord[]) => list.map((c) => c.id);
const sortedIds = (list: readonly ChangeRecord[]) => idsOf(list).sort();
/** The whole log in HLC order (same-instant changes of two devices: by device id). */
const ALL = asc(buildTimeline());
const INDEX = new Map(ALL.map((c, i) => [c.id, i]));
/** A change's position in the log (0 = oldest). */
const positionOf = (c: ChangeRecord) => INDEX.get(c.id) as number;
/** Own changes written directly as rows (before the first sync). */
const OWN_DIRECT = ALL.filter((c) => c.deviceId === OWN && positionOf(c) < 300);
/** Device B's changes logged as rows before migration 008. */
const LEGACY = ALL.filter((c) => c.deviceId === DEV_B && positionOf(c) < 300);
/** The batches given to storeChanges, in order: all of C, then B (with own changes) by time. */
const BATCHES: ChangeRecord[][] = [
  ALL.filter((c) => c.deviceId === DEV_C),
  ...Array.from({ length: 9 }, (_, k) =>
    ALL.filter(
      (c) =>
        (c.deviceId === DEV_B || c.deviceId === OWN) &&
        positionOf(c) >= 300 * (k + 1) &&
        positionOf(c) < 300 * (k + 2),
    ),
  ),
];
const ROWS = ALL.filter((c) => c.deviceId === OWN || LEGACY.includes(c));
const PACKED = ALL.filter((c) => c.deviceId !== OWN && !LEGACY.includes(c));
const EXPECTED_PACKS: ChangePack[] = BATCHES.flatMap((batch) =>
  packChanges(batch.filter((c) => c.deviceId !== OWN)),
);

/** The same changes in id order (for readers that return them in any order). */
const byId = (list: readonly ChangeRecord[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

async function openDb(prefix: string): Promise<WorkbenchDB> {
  const result = await openWorkbenchDb({ name: uniqueDbName(prefix), deps });
  if (!result.ok) throw new Error(`cannot open test db: ${JSON.stringify(result)}`);
  return result.db;
}

let db: WorkbenchDB;
const extraDbs: WorkbenchDB[] = [];

beforeAll(async () => {
  db = await openDb('reads');
  await db.changes.bulkPut(LEGACY);
  await db.changes.bulkPut(OWN_DIRECT);
  for (const batch of BATCHES) {
    await db.transaction('rw', db.changes, db.changePacks, () => storeChanges(db, batch, OWN));
  }
});
afterAll(() => {
  db.close();
  for (const extra of extraDbs.splice(0)) extra.close();
});

describe('the test database', () => {
  it('holds valid changes, as rows and in several overlapping packs per engagement', async () => {
    for (const c of ALL) expect(changeRecordSchema.safeParse(c).success).toBe(true);
    expect(new Set(ALL.map((c) => c.hlc)).size).toBe(N);
    expect(new Set(ALL.map((c) => c.id)).size).toBe(N);
    expect(ALL.every((c) => parseHlc(c.hlc).deviceId === c.deviceId)).toBe(true);
    // made order is not always HLC order: same-instant changes are ordered by device id
    expect(idsOf(buildTimeline())).not.toEqual(idsOf(ALL));
    // same-millisecond changes of one device exist (counter 1)
    expect(ALL.some((c) => parseHlc(c.hlc).counter === 1)).toBe(true);

    expect(ROWS.length + PACKED.length).toBe(N);
    expect(sortedIds(await db.changes.toArray())).toEqual(sortedIds(ROWS));
    expect(LEGACY).toHaveLength(120);
    expect(PACKED.length).toBeGreaterThan(2 * PACK_SIZE);

    const packs = await db.changePacks.toArray();
    expect(packs).toHaveLength(EXPECTED_PACKS.length);
    expect(packs.flatMap((p) => p.changeIds).sort()).toEqual(sortedIds(PACKED));
    const e1Packs = packs.filter((p) => p.engagementId === E1);
    const e2Packs = packs.filter((p) => p.engagementId === E2);
    expect(e1Packs.length).toBeGreaterThan(8);
    expect(e2Packs.length).toBeGreaterThan(8);
    expect(packs.some((p) => p.changes.length === PACK_SIZE)).toBe(true);
    // C's packs span the time of several of B's packs: HLC ranges overlap
    const cPack = e1Packs.find((p) => p.changes[0]?.deviceId === DEV_C) as ChangePack;
    const overlapping = e1Packs.filter(
      (p) => p.changes[0]?.deviceId === DEV_B && p.minHlc < cPack.maxHlc && p.maxHlc > cPack.minHlc,
    );
    expect(overlapping.length).toBeGreaterThan(0);
  });
});

/** A risk of E1 with changes in own rows, in legacy rows and in packs. */
function sharedRisk(): string {
  for (let k = 0; k < RISKS; k++) {
    const id = riskId(1, k);
    const ofRecord = ALL.filter((c) => c.recordId === id);
    const own = ofRecord.some((c) => c.deviceId === OWN);
    const legacy = ofRecord.some((c) => LEGACY.includes(c));
    const packed = ofRecord.some((c) => PACKED.includes(c));
    if (own && legacy && packed) return id;
  }
  throw new Error('no shared risk in the test data');
}

describe('readRecordLog', () => {
  it('reads a record whose changes are in own rows, legacy rows and packs, oldest first', async () => {
    const id = sharedRisk();
    const expected = asc(ALL.filter((c) => c.entity === 'risk' && c.recordId === id));
    const log = await readRecordLog(db, 'risk', id);
    expect(log).toEqual(expected);
    expect(log.length).toBeGreaterThan(10);
    expect(log.some((c) => c.deviceId === OWN)).toBe(true);
    expect(log.some((c) => c.deviceId === DEV_B && positionOf(c) < 300)).toBe(true);
    expect(log.some((c) => c.deviceId === DEV_C)).toBe(true);
  });

  it('reads an engagement record, a note, and nothing for an unknown record', async () => {
    expect(await readRecordLog(db, 'engagement', E2)).toEqual(
      asc(ALL.filter((c) => c.entity === 'engagement' && c.recordId === E2)),
    );
    const note = noteId(1, 17);
    const noteLog = await readRecordLog(db, 'note', note);
    expect(noteLog.length).toBeGreaterThan(0);
    expect(noteLog).toEqual(asc(ALL.filter((c) => c.recordId === note)));
    expect(await readRecordLog(db, 'risk', riskId(1, RISKS + 5))).toEqual([]);
    // entity and record id both count: a risk id asked as a note finds nothing
    expect(await readRecordLog(db, 'note', sharedRisk())).toEqual([]);
  });
});

/** The number of `recordKeys` index entries between the smallest and largest key (inclusive). */
function rangeEntries(entity: EntityName, ids: readonly string[]): number {
  const keys = ids.map((id) => recordKeyOf(entity, id)).sort();
  const low = keys[0] as string;
  const high = keys[keys.length - 1] as string;
  let entries = 0;
  for (const pack of EXPECTED_PACKS) {
    for (const key of pack.recordKeys) if (key >= low && key <= high) entries += 1;
  }
  return entries;
}

/** The range's index entries, in index order (key, then pack id). */
function rangeIndexEntries(entity: EntityName, ids: readonly string[]): [string, string][] {
  const keys = ids.map((id) => recordKeyOf(entity, id)).sort();
  const low = keys[0] as string;
  const high = keys[keys.length - 1] as string;
  const entries: [string, string][] = [];
  for (const pack of EXPECTED_PACKS) {
    for (const key of pack.recordKeys) if (key >= low && key <= high) entries.push([key, pack.id]);
  }
  return entries.sort(([ka, pa], [kb, pb]) => (ka !== kb ? (ka < kb ? -1 : 1) : pa < pb ? -1 : 1));
}

/** The pack (expected) holding a packed change. */
function packOfChange(id: string): ChangePack {
  return EXPECTED_PACKS.find((p) => p.changeIds.includes(id)) as ChangePack;
}

/**
 * Whether reading only the first 8-per-key entries of the range would miss a pack holding a
 * wanted change: then only the one-by-one lookups give the right answer.
 */
function truncatedRangeMisses(entity: EntityName, ids: readonly string[]): boolean {
  const found = new Set(
    rangeIndexEntries(entity, ids)
      .slice(0, ids.length * 8 + 1)
      .map(([, packId]) => packId),
  );
  const wanted = packedOf(new Map([[entity, ids]]));
  return wanted.some((c) => !found.has(packOfChange(c.id).id));
}

/**
 * Whether only the key of `id` finds its packs in the range of `ids`: they hold no other key
 * between the smallest and the largest of `ids`.
 */
function onlyItsKeyFindsItsPacks(entity: EntityName, ids: readonly string[], id: string): boolean {
  const keys = ids.map((x) => recordKeyOf(entity, x)).sort();
  const low = keys[0] as string;
  const high = keys[keys.length - 1] as string;
  const own = recordKeyOf(entity, id);
  const packs = EXPECTED_PACKS.filter((p) => p.recordKeys.includes(own));
  return (
    packs.length > 0 &&
    packs.every((p) => p.recordKeys.every((k) => k === own || k < low || k > high))
  );
}

/** Whether some change of this record is in a pack. */
function hasPacked(entity: EntityName, recordId: string): boolean {
  return PACKED.some((c) => c.entity === entity && c.recordId === recordId);
}

/** The first and the last id (in key order) have packed changes: the range bounds matter. */
function expectPackedAtBothEnds(entity: EntityName, ids: readonly string[]): void {
  const sorted = [...ids].sort();
  expect(hasPacked(entity, sorted[0] as string)).toBe(true);
  expect(hasPacked(entity, sorted[sorted.length - 1] as string)).toBe(true);
}

function packedOf(idsByEntity: ReadonlyMap<EntityName, readonly string[]>): ChangeRecord[] {
  return PACKED.filter((c) => idsByEntity.get(c.entity)?.includes(c.recordId) === true);
}

describe('readPackedChangesOfRecords', () => {
  it('finds the packed changes of fewer than 32 records of one entity (one lookup each)', async () => {
    const shared = sharedRisk();
    const ids = [shared, riskId(1, 3), riskId(1, 40), riskId(1, RISKS + 1)];
    const query = new Map<EntityName, string[]>([['risk', ids]]);
    const expected = packedOf(query);
    expect(expected.length).toBeGreaterThan(20);
    const result = await readPackedChangesOfRecords(db, query);
    expect(byId(result)).toEqual(byId(expected));
    // rows are not read here
    expect(result.some((c) => c.deviceId === OWN)).toBe(false);
  });

  it('finds the packed changes of fewer than 32 records of two entities', async () => {
    const query = new Map<EntityName, string[]>([
      ['risk', [riskId(2, 0), riskId(2, 7), riskId(1, 7)]],
      ['note', [noteId(1, 4), noteId(2, 4), noteId(2, 200), noteId(1, NOTES + 3)]],
      ['engagement', [E2]],
    ]);
    const expected = packedOf(query);
    expect(new Set(expected.map((c) => c.entity))).toEqual(new Set(['risk', 'note', 'engagement']));
    expect(byId(await readPackedChangesOfRecords(db, query))).toEqual(byId(expected));
  });

  it('reads a dense range of more than 32 records of one entity in one range', async () => {
    const ids = Array.from({ length: 40 }, (_, k) => noteId(1, 100 + k));
    expectPackedAtBothEnds('note', ids);
    // the range path is taken: few index entries per key in the range
    expect(ids.length).toBeGreaterThanOrEqual(RANGE_MIN_KEYS);
    expect(rangeEntries('note', ids)).toBeLessThanOrEqual(ids.length * 8);
    const query = new Map<EntityName, string[]>([['note', ids]]);
    const expected = packedOf(query);
    expect(expected.length).toBeGreaterThan(10);
    expect(byId(await readPackedChangesOfRecords(db, query))).toEqual(byId(expected));
  });

  it('reads only the wanted records of a range holding unwanted ones too', async () => {
    // every other note: the range also covers the notes in between, which must be filtered out
    const ids = Array.from({ length: 36 }, (_, k) => noteId(2, 20 + 2 * k));
    expectPackedAtBothEnds('note', ids);
    expect(rangeEntries('note', ids)).toBeLessThanOrEqual(ids.length * 8);
    const query = new Map<EntityName, string[]>([['note', ids]]);
    const expected = packedOf(query);
    const result = await readPackedChangesOfRecords(db, query);
    expect(byId(result)).toEqual(byId(expected));
    expect(result.every((c) => ids.includes(c.recordId))).toBe(true);
  });

  it('falls back to one lookup per record when the range is crowded', async () => {
    const ids = Array.from({ length: 40 }, (_, k) => riskId(1, k));
    // the range path gives up: more than 8 entries per key (every risk is in most packs)
    expect(rangeEntries('risk', ids)).toBeGreaterThan(ids.length * 8);
    const query = new Map<EntityName, string[]>([['risk', ids]]);
    const expected = packedOf(query);
    expect(byId(await readPackedChangesOfRecords(db, query))).toEqual(byId(expected));
  });

  it('falls back when a few records are spread over a long range of other records', async () => {
    // 16 notes of each engagement, spread over all 250: the range holds every note of E1 (whose
    // ids sort first) and of E2, more than 8 entries per wanted key, and a range read cut at its
    // limit would miss the packs of E2 (a pack holds one engagement)
    const ids = [
      ...Array.from({ length: 16 }, (_, k) => noteId(1, k * 16)),
      ...Array.from({ length: 16 }, (_, k) => noteId(2, 2 + k * 16)),
    ];
    expect(ids).toHaveLength(RANGE_MIN_KEYS);
    expectPackedAtBothEnds('note', ids);
    expect(rangeEntries('note', ids)).toBeGreaterThan(ids.length * 8);
    expect(truncatedRangeMisses('note', ids)).toBe(true);
    const query = new Map<EntityName, string[]>([['note', ids]]);
    const expected = packedOf(query);
    const result = await readPackedChangesOfRecords(db, query);
    expect(byId(result)).toEqual(byId(expected));
    expect(new Set(result.map((c) => c.engagementId))).toEqual(new Set([E1, E2]));
  });

  it('reads the records at both bounds of the range, even when only their own key finds them', async () => {
    // E1's note ids sort before E2's and a pack holds one engagement: the last packed note of
    // E1 and the first packed note of E2 are in packs no other note of such a range is in
    const notes = (e: 1 | 2) => Array.from({ length: NOTES }, (_, k) => noteId(e, k));
    const lastOfE1 = notes(1).findLast((id) => hasPacked('note', id)) as string;
    const firstOfE2 = notes(2).find((id) => hasPacked('note', id)) as string;
    const upperCase = [...notes(1).slice(-32), firstOfE2];
    const lowerCase = [lastOfE1, ...notes(2).slice(0, 32)];
    expect(onlyItsKeyFindsItsPacks('note', upperCase, firstOfE2)).toBe(true);
    expect(onlyItsKeyFindsItsPacks('note', lowerCase, lastOfE1)).toBe(true);
    for (const ids of [upperCase, lowerCase]) {
      expect(rangeEntries('note', ids)).toBeLessThanOrEqual(ids.length * 8); // the range path
      const query = new Map<EntityName, string[]>([['note', ids]]);
      const expected = packedOf(query);
      const result = await readPackedChangesOfRecords(db, query);
      expect(byId(result)).toEqual(byId(expected));
      expect(result.some((c) => c.recordId === firstOfE2 || c.recordId === lastOfE1)).toBe(true);
    }
  });

  it('finds the packed changes of more than 32 records of each of two entities', async () => {
    const notes = Array.from({ length: 35 }, (_, k) => noteId(2, 150 + k));
    expectPackedAtBothEnds('note', notes);
    expect(rangeEntries('note', notes)).toBeLessThanOrEqual(notes.length * 8);
    const risks = [...Array.from({ length: RISKS }, (_, k) => riskId(2, k)), riskId(2, 999)];
    const query = new Map<EntityName, string[]>([
      ['note', notes],
      ['risk', risks],
    ]);
    const expected = packedOf(query);
    expect(new Set(expected.map((c) => c.entity))).toEqual(new Set(['risk', 'note']));
    expect(byId(await readPackedChangesOfRecords(db, query))).toEqual(byId(expected));
  });

  it('returns nothing for no record and for unknown records', async () => {
    expect(await readPackedChangesOfRecords(db, new Map())).toEqual([]);
    expect(await readPackedChangesOfRecords(db, new Map([['risk', []]]))).toEqual([]);
    const unknown = Array.from({ length: 40 }, (_, k) => riskId(1, 1_000 + k));
    expect(await readPackedChangesOfRecords(db, new Map([['risk', unknown]]))).toEqual([]);
  });
});

describe('readPackedChangesSince', () => {
  const since = (ALL[1_701] as ChangeRecord).hlc;

  it('reads the packed changes at or after an HLC (inclusive) or after it (exclusive)', async () => {
    const packedAtSince = PACKED.find((c) => c.hlc === since);
    expect(packedAtSince).toBeDefined(); // the boundary change itself is packed
    const inclusive = await readPackedChangesSince(db, since, { inclusive: true });
    expect(byId(inclusive ?? [])).toEqual(byId(PACKED.filter((c) => c.hlc >= since)));
    expect(inclusive?.some((c) => c.hlc === since)).toBe(true);
    const exclusive = await readPackedChangesSince(db, since, { inclusive: false });
    expect(byId(exclusive ?? [])).toEqual(byId(PACKED.filter((c) => c.hlc > since)));
    expect(exclusive?.some((c) => c.hlc === since)).toBe(false);
    expect((inclusive?.length ?? 0) - (exclusive?.length ?? 0)).toBe(1);
  });

  it('handles a pack’s maxHlc as the bound', async () => {
    const pack = [...EXPECTED_PACKS].sort((a, b) =>
      a.maxHlc < b.maxHlc ? -1 : 1,
    )[5] as ChangePack;
    const bound = pack.maxHlc;
    const inclusive = await readPackedChangesSince(db, bound, { inclusive: true });
    expect(byId(inclusive ?? [])).toEqual(byId(PACKED.filter((c) => c.hlc >= bound)));
    expect(inclusive?.some((c) => c.hlc === bound)).toBe(true);
    const exclusive = await readPackedChangesSince(db, bound, { inclusive: false });
    expect(byId(exclusive ?? [])).toEqual(byId(PACKED.filter((c) => c.hlc > bound)));
  });

  it('reads everything from the empty HLC, nothing after the latest', async () => {
    const everything = await readPackedChangesSince(db, '', { inclusive: true });
    expect(sortedIds(everything ?? [])).toEqual(sortedIds(PACKED));
    const latest = asc(PACKED).at(-1) as ChangeRecord;
    expect(await readPackedChangesSince(db, latest.hlc, { inclusive: false })).toEqual([]);
    expect(await readPackedChangesSince(db, latest.hlc, { inclusive: true })).toEqual([latest]);
  });

  it('returns null when more than maxPacks packs may hold changes', async () => {
    const candidates = EXPECTED_PACKS.filter((p) => p.maxHlc >= since).length;
    expect(candidates).toBeGreaterThan(2);
    expect(
      await readPackedChangesSince(db, since, { inclusive: true, maxPacks: candidates - 1 }),
    ).toBeNull();
    expect(await readPackedChangesSince(db, since, { inclusive: true, maxPacks: 0 })).toBeNull();
    const exact = await readPackedChangesSince(db, since, {
      inclusive: true,
      maxPacks: candidates,
    });
    expect(byId(exact ?? [])).toEqual(byId(PACKED.filter((c) => c.hlc >= since)));
    // nothing after the latest pack: no pack to read, even with maxPacks 0
    const latest = asc(PACKED).at(-1) as ChangeRecord;
    expect(await readPackedChangesSince(db, latest.hlc, { inclusive: false, maxPacks: 0 })).toEqual(
      [],
    );
  });
});

describe('readChangesAfter', () => {
  it('reads rows and packs after a cursor, in HLC order', async () => {
    for (const at of [0, 299, 1_500, 2_222, N - 2]) {
      const cursor = (ALL[at] as ChangeRecord).hlc;
      const result = await readChangesAfter(db, cursor);
      expect(result).toEqual(asc(ALL.filter((c) => c.hlc > cursor)));
      expect(result).toHaveLength(N - at - 1);
    }
  });

  it('reads everything after the empty cursor and nothing after the latest change', async () => {
    expect(await readChangesAfter(db, '')).toEqual(ALL);
    expect(await readChangesAfter(db, (ALL[N - 1] as ChangeRecord).hlc)).toEqual([]);
  });
});

describe('latestLoggedHlc', () => {
  async function freshDb(): Promise<WorkbenchDB> {
    const fresh = await openDb('latest');
    extraDbs.push(fresh);
    return fresh;
  }

  it('is the empty string for an empty log', async () => {
    expect(await latestLoggedHlc(await freshDb())).toBe('');
  });

  it('is the latest HLC of rows and packs together', async () => {
    expect(await latestLoggedHlc(db)).toBe(asc(ALL).at(-1)?.hlc);
  });

  it('is the latest row when a row is newest', async () => {
    const fresh = await freshDb();
    const early = BATCHES[1] as ChangeRecord[]; // B and own changes, timeline 300–599
    const newestOwn = early.filter((c) => c.deviceId === OWN).at(-1) as ChangeRecord;
    const packedOnly = early.filter((c) => c.deviceId === DEV_B && c.hlc < newestOwn.hlc);
    await fresh.transaction('rw', fresh.changes, fresh.changePacks, () =>
      storeChanges(fresh, [...packedOnly, newestOwn], OWN),
    );
    expect(await fresh.changePacks.count()).toBeGreaterThan(0);
    expect(await latestLoggedHlc(fresh)).toBe(newestOwn.hlc);
  });

  it('is the latest packed change when a pack is newest', async () => {
    const fresh = await freshDb();
    await fresh.transaction('rw', fresh.changes, fresh.changePacks, () =>
      storeChanges(fresh, BATCHES[3] as ChangeRecord[], OWN),
    );
    const batch = BATCHES[3] as ChangeRecord[];
    const newest = asc(batch).at(-1) as ChangeRecord;
    expect(newest.deviceId).not.toBe(OWN);
    expect(await fresh.changes.count()).toBeGreaterThan(0);
    expect(await latestLoggedHlc(fresh)).toBe(newest.hlc);
  });
});

describe('readEngagementLog', () => {
  const ofEngagement = (id: string) => ALL.filter((c) => c.engagementId === id);

  it('reads an engagement’s rows and packs oldest first', async () => {
    for (const id of [E1, E2]) {
      const log = await readEngagementLog(db, id);
      expect(log).toEqual(asc(ofEngagement(id)));
    }
    expect(await readEngagementLog(db, UNKNOWN_ENGAGEMENT)).toEqual([]);
  });

  it('reads oldest first with a limit', async () => {
    for (const limit of [1, 7, 501]) {
      expect(await readEngagementLog(db, E1, { limit })).toEqual(
        asc(ofEngagement(E1)).slice(0, limit),
      );
    }
  });

  it('reads newest first without a limit', async () => {
    expect(await readEngagementLog(db, E2, { newestFirst: true })).toEqual(desc(ofEngagement(E2)));
  });

  it('reads newest first with limits 1, 7, 500, 501 and 5000 like the brute force', async () => {
    for (const id of [E1, E2]) {
      const expected = desc(ofEngagement(id));
      for (const limit of [1, 7, 500, 501, 5_000]) {
        const log = await readEngagementLog(db, id, { newestFirst: true, limit });
        expect(log, `${id} limit ${limit}`).toEqual(expected.slice(0, limit));
      }
    }
    expect(
      await readEngagementLog(db, UNKNOWN_ENGAGEMENT, { newestFirst: true, limit: 7 }),
    ).toEqual([]);
  });

  it('newest first with a small limit reads only the newest packs', async () => {
    const spy = vi.spyOn(db.changePacks, 'bulkGet');
    try {
      const log = await readEngagementLog(db, E1, { newestFirst: true, limit: 7 });
      expect(log).toEqual(desc(ofEngagement(E1)).slice(0, 7));
      const packsRead = spy.mock.calls.reduce((n, [keys]) => n + keys.length, 0);
      const e1Packs = EXPECTED_PACKS.filter((p) => p.engagementId === E1).length;
      expect(packsRead).toBeGreaterThan(0);
      expect(packsRead).toBeLessThan(e1Packs);
    } finally {
      spy.mockRestore();
    }
  });

  it('newest first with a limit when the newest changes are rows', async () => {
    // an engagement whose latest changes are own rows, older ones in packs
    const fresh = await openDb('engagement-rows');
    extraDbs.push(fresh);
    const e1 = ofEngagement(E1);
    const packedPart = e1.filter((c) => c.deviceId !== OWN && positionOf(c) < 2_000);
    const ownPart = e1.filter((c) => c.deviceId === OWN && positionOf(c) >= 1_500);
    await fresh.transaction('rw', fresh.changes, fresh.changePacks, () =>
      storeChanges(fresh, [...packedPart, ...ownPart], OWN),
    );
    const expected = desc([...packedPart, ...ownPart]);
    for (const limit of [1, 7, 150, 500, 501, 5_000]) {
      expect(await readEngagementLog(fresh, E1, { newestFirst: true, limit })).toEqual(
        expected.slice(0, limit),
      );
    }
  });
});

describe('readAllChanges', () => {
  it('reads every row and every packed change once', async () => {
    const all = await readAllChanges(db);
    expect(all).toHaveLength(N);
    expect(byId(all)).toEqual(byId(ALL));
  });

  it('reads the listed engagements only, each in HLC order', async () => {
    const e1 = asc(ALL.filter((c) => c.engagementId === E1));
    const e2 = asc(ALL.filter((c) => c.engagementId === E2));
    expect(await readAllChanges(db, [E2])).toEqual(e2);
    expect(await readAllChanges(db, [E1, E2])).toEqual([...e1, ...e2]);
    expect(await readAllChanges(db, [E2, UNKNOWN_ENGAGEMENT])).toEqual(e2);
    expect(await readAllChanges(db, [])).toEqual([]);
  });
});

/** Ids that look like the log's but are not in it: inside its id range, and outside. */
function unknownIds(count: number): string[] {
  return Array.from({ length: count }, (_, k) =>
    uuidAt(T0 + (k % 2 === 0 ? k * 1_000 + 1 : 10_000_000 + k), 100_000 + k),
  );
}

describe('loggedChangeIds', () => {
  it('finds few ids among rows and packs, skipping unknown ones', async () => {
    const known = [
      ...idsOf(OWN_DIRECT.slice(0, 2)),
      ...idsOf(ROWS.filter((c) => c.deviceId === OWN).slice(-1)),
      ...idsOf(LEGACY.slice(5, 7)),
      ...idsOf(PACKED.filter((_, i) => i % 500 === 3)),
    ];
    const ids = [...known, ...unknownIds(4)];
    expect(ids.length).toBeLessThan(RANGE_MIN_KEYS);
    expect(await loggedChangeIds(db, ids)).toEqual(new Set(known));
  });

  it('finds many ids among rows and packs with unknown ones mixed in', async () => {
    const known = idsOf(ALL.filter((_, i) => i % 7 === 3));
    expect(known.some((id) => ROWS.some((c) => c.id === id))).toBe(true);
    expect(known.some((id) => PACKED.some((c) => c.id === id))).toBe(true);
    const ids = [...unknownIds(40), ...known].reverse();
    expect(ids.length).toBeGreaterThanOrEqual(RANGE_MIN_KEYS);
    expect(await loggedChangeIds(db, ids)).toEqual(new Set(known));
  });

  it('finds many ids of packs only, of rows only, and none of unknown ids', async () => {
    const packedIds = idsOf(PACKED.slice(700, 760));
    expect(await loggedChangeIds(db, packedIds)).toEqual(new Set(packedIds));
    const rowIds = idsOf(ROWS.slice(100, 140));
    expect(await loggedChangeIds(db, rowIds)).toEqual(new Set(rowIds));
    expect(await loggedChangeIds(db, unknownIds(50))).toEqual(new Set());
    expect(await loggedChangeIds(db, unknownIds(3))).toEqual(new Set());
    expect(await loggedChangeIds(db, [])).toEqual(new Set());
  });

  it('gives the same answer just below and at the range threshold', async () => {
    const sample = ALL.filter((_, i) => i % 90 === 1);
    const below = [...idsOf(sample.slice(0, RANGE_MIN_KEYS - 2)), ...unknownIds(1)];
    const at = [...idsOf(sample.slice(0, RANGE_MIN_KEYS - 1)), ...unknownIds(1)];
    expect(below).toHaveLength(RANGE_MIN_KEYS - 1);
    expect(at).toHaveLength(RANGE_MIN_KEYS);
    expect(await loggedChangeIds(db, below)).toEqual(
      new Set(idsOf(sample.slice(0, RANGE_MIN_KEYS - 2))),
    );
    expect(await loggedChangeIds(db, at)).toEqual(
      new Set(idsOf(sample.slice(0, RANGE_MIN_KEYS - 1))),
    );
  });
});

describe('readChangesById', () => {
  it('reads the changes with these ids from rows and packs, skipping missing ids', async () => {
    const wanted = ALL.filter((_, i) => i % 13 === 5);
    expect(wanted.some((c) => ROWS.includes(c))).toBe(true);
    expect(wanted.some((c) => PACKED.includes(c))).toBe(true);
    const result = await readChangesById(db, [...unknownIds(10), ...idsOf(wanted)]);
    expect(byId(result)).toEqual(byId(wanted));
  });

  it('reads few ids, only unknown ids and no id', async () => {
    const few = [ALL[0], ALL[1], ALL[3], ALL[2_999]] as ChangeRecord[];
    expect(byId(await readChangesById(db, idsOf(few)))).toEqual(byId(few));
    expect(await readChangesById(db, unknownIds(5))).toEqual([]);
    expect(await readChangesById(db, [])).toEqual([]);
  });

  it('reads a packed change once even when its pack holds several of the ids', async () => {
    const pack = EXPECTED_PACKS[2] as ChangePack;
    const ids = pack.changeIds.slice(10, 60);
    const result = await readChangesById(db, ids);
    expect(sortedIds(result)).toEqual([...ids].sort());
    expect(result).toHaveLength(50);
  });
});
