/**
 * Reads of the change log as a whole: the rows of `changes` (this device's own changes, and
 * anything logged before migration 008) together with the packs of `changePacks` (changes
 * received from other devices; see packs.ts). Every reader of the log goes through here or
 * through the sync's chunk reads (sync/chunkReads.ts), which use the pack helpers below.
 *
 * Everything returns Dexie promises or awaits only Dexie promises, so a caller's transaction
 * follows.
 */
import Dexie, { type PromiseExtended } from 'dexie';
import type { ChangeRecord } from '@shared/model/change';
import type { EntityName } from '@shared/model/registry';
import type { WorkbenchDB } from '../database';
import { PACK_SIZE, byHlc, recordKeyOf, type ChangePack } from './packs';

/** Below this many ids, one request per id; from this many, one range read is tried first. */
export const RANGE_MIN_KEYS = 32;
/** A range read over record keys is given up when it holds more than this many entries per key. */
const RANGE_ENTRIES_PER_KEY = 8;

/** The smallest and the largest of some ids (not empty). */
export function idRange(ids: readonly string[]): [string, string] {
  let min = ids[0] as string;
  let max = min;
  for (const id of ids) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  return [min, max];
}

/** The changes of packs, flattened. */
function flatten(packs: readonly (ChangePack | undefined)[]): ChangeRecord[] {
  const out: ChangeRecord[] = [];
  for (const pack of packs) if (pack) for (const change of pack.changes) out.push(change);
  return out;
}

/** Unique values, in first-seen order. */
function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/**
 * The packed changes of these records (every one of them, any order). Per entity, the
 * `recordKeys` index is read in one range from the smallest to the largest key when the ids are
 * dense (records made together have neighbouring UUIDv7 ids), else with one request per record;
 * the packs found are then read whole and filtered.
 */
export function readPackedChangesOfRecords(
  db: WorkbenchDB,
  idsByEntity: ReadonlyMap<EntityName, readonly string[]>,
): PromiseExtended<ChangeRecord[]> {
  const wanted = new Set<string>();
  const lookups: PromiseExtended<string[]>[] = [];
  for (const [entity, ids] of idsByEntity) {
    const keys = ids.map((id) => recordKeyOf(entity, id));
    for (const key of keys) wanted.add(key);
    lookups.push(packIdsOfRecordKeys(db, keys));
  }
  return Dexie.Promise.all(lookups).then((lists) => {
    const packIds = unique(lists.flat());
    if (packIds.length === 0) return [];
    return db.changePacks
      .bulkGet(packIds)
      .then((packs) => flatten(packs).filter((c) => wanted.has(recordKeyOf(c.entity, c.recordId))));
  });
}

/** The ids of the packs holding changes of these record keys (all of one entity). */
function packIdsOfRecordKeys(db: WorkbenchDB, keys: readonly string[]): PromiseExtended<string[]> {
  const index = db.changePacks.where('recordKeys');
  const oneByOne = (): PromiseExtended<string[]> =>
    Dexie.Promise.all(keys.map((key) => index.equals(key).primaryKeys())).then((lists) =>
      unique(lists.flat()),
    );
  if (keys.length < RANGE_MIN_KEYS) return oneByOne();
  const sorted = [...keys].sort();
  const limit = keys.length * RANGE_ENTRIES_PER_KEY;
  return db.changePacks
    .where('recordKeys')
    .between(sorted[0], sorted[sorted.length - 1], true, true)
    .limit(limit + 1)
    .primaryKeys()
    .then((ids) => (ids.length > limit ? oneByOne() : unique(ids)));
}

/**
 * The packed changes with an HLC at or after `since` (after, when `inclusive` is false), or null
 * when more than `maxPacks` packs may hold some (the caller then reads otherwise).
 */
export function readPackedChangesSince(
  db: WorkbenchDB,
  since: string,
  options: { inclusive: boolean; maxPacks?: number },
): PromiseExtended<ChangeRecord[] | null> {
  const maxPacks = options.maxPacks ?? Number.POSITIVE_INFINITY;
  const range = options.inclusive
    ? db.changePacks.where('maxHlc').aboveOrEqual(since)
    : db.changePacks.where('maxHlc').above(since);
  const ids = Number.isFinite(maxPacks) ? range.limit(maxPacks + 1) : range;
  return ids.primaryKeys().then((packIds) => {
    if (packIds.length > maxPacks) return null;
    if (packIds.length === 0) return [];
    return db.changePacks
      .bulkGet(packIds)
      .then((packs) =>
        flatten(packs).filter((c) => (options.inclusive ? c.hlc >= since : c.hlc > since)),
      );
  });
}

/** Every logged change (rows and packs) with an HLC after `cursor`, in HLC order. */
export function readChangesAfter(db: WorkbenchDB, cursor: string): PromiseExtended<ChangeRecord[]> {
  return Dexie.Promise.all([
    db.changes.where('hlc').above(cursor).toArray(),
    readPackedChangesSince(db, cursor, { inclusive: false }),
  ]).then(([rows, packed]) => [...rows, ...(packed ?? [])].sort(byHlc));
}

/** The latest HLC in the change log, rows and packs ('' when it is empty): two key reads. */
export function latestLoggedHlc(db: WorkbenchDB): PromiseExtended<string> {
  return Dexie.Promise.all([
    db.changes.orderBy('hlc').reverse().limit(1).keys(),
    db.changePacks.orderBy('maxHlc').reverse().limit(1).keys(),
  ]).then(([[row], [pack]]) => {
    const a = typeof row === 'string' ? row : '';
    const b = typeof pack === 'string' ? pack : '';
    return a > b ? a : b;
  });
}

/** The whole log of one record (rows and packs), oldest first. */
export function readRecordLog(
  db: WorkbenchDB,
  entity: EntityName,
  recordId: string,
): PromiseExtended<ChangeRecord[]> {
  return Dexie.Promise.all([
    db.changes.where('[entity+recordId]').equals([entity, recordId]).toArray(),
    readPackedChangesOfRecords(db, new Map([[entity, [recordId]]])),
  ]).then(([rows, packed]) => [...rows, ...packed].sort(byHlc));
}

/** Options of {@link readEngagementLog}. */
export interface EngagementLogOptions {
  /** Newest first instead of oldest first. */
  newestFirst?: boolean;
  /** At most this many changes (counted from the chosen end). */
  limit?: number;
}

/**
 * The change log of an engagement and all its records (rows and packs), in HLC order. Newest
 * first with a limit reads the packs from the latest `maxHlc` down and stops as soon as the
 * packs not read yet cannot hold any of the newest `limit` changes.
 */
export function readEngagementLog(
  db: WorkbenchDB,
  engagementId: string,
  options: EngagementLogOptions = {},
): PromiseExtended<ChangeRecord[]> {
  const { newestFirst = false, limit } = options;
  let rowQuery = db.changes
    .where('[engagementId+hlc]')
    .between([engagementId, Dexie.minKey], [engagementId, Dexie.maxKey]);
  if (newestFirst) rowQuery = rowQuery.reverse();
  if (limit !== undefined) rowQuery = rowQuery.limit(limit);
  const packRange = db.changePacks
    .where('[engagementId+maxHlc]')
    .between([engagementId, Dexie.minKey], [engagementId, Dexie.maxKey])
    .reverse();
  const finish = (all: ChangeRecord[]): ChangeRecord[] => {
    all.sort(byHlc);
    if (newestFirst) all.reverse();
    return limit === undefined ? all : all.slice(0, limit);
  };
  if (!newestFirst || limit === undefined) {
    return Dexie.Promise.all([rowQuery.toArray(), packRange.toArray()]).then(([rows, packs]) =>
      finish([...rows, ...flatten(packs)]),
    );
  }
  return Dexie.Promise.all([rowQuery.toArray(), packRange.keys(), packRange.primaryKeys()]).then(
    ([rows, indexKeys, packIds]) => {
      const maxHlcs = indexKeys.map((key) => (Array.isArray(key) ? String(key[1]) : ''));
      const collected = [...rows];
      const step = (from: number): PromiseExtended<ChangeRecord[]> | ChangeRecord[] => {
        if (from >= packIds.length) return finish(collected);
        // Every pack from `from` on holds only changes at or before maxHlcs[from].
        const bound = maxHlcs[from] as string;
        if (collected.filter((c) => c.hlc > bound).length >= limit) return finish(collected);
        return db.changePacks.bulkGet(packIds.slice(from, from + 4)).then((packs) => {
          collected.push(...flatten(packs));
          return step(from + 4);
        });
      };
      return step(0);
    },
  );
}

/** Every logged change (rows and packs), of these engagements only when a list is given. */
export function readAllChanges(
  db: WorkbenchDB,
  engagementIds?: readonly string[],
): PromiseExtended<ChangeRecord[]> {
  if (!engagementIds) {
    return Dexie.Promise.all([db.changes.toArray(), db.changePacks.toArray()]).then(
      ([rows, packs]) => [...rows, ...flatten(packs)],
    );
  }
  return Dexie.Promise.all(engagementIds.map((id) => readEngagementLog(db, id))).then((lists) =>
    lists.flat(),
  );
}

/**
 * Which of these change ids are logged (rows or packs). From {@link RANGE_MIN_KEYS} ids on, one
 * request per table finds what lies between the smallest and the largest id (an archive's or a
 * folder's changes have neighbouring UUIDv7 ids): the row keys, and the packs with a change id
 * in that range, which are then read (usually there are none: one empty key read); below it,
 * one lookup per id. Only primary keys are asked of an index: Dexie reads those with one
 * getAllKeys, where index keys would take a cursor step each.
 */
export function loggedChangeIds(
  db: WorkbenchDB,
  ids: readonly string[],
): PromiseExtended<Set<string>> {
  if (ids.length === 0) return Dexie.Promise.resolve(new Set<string>());
  const wanted = new Set(ids);
  const [low, high] = idRange(ids);
  const small = ids.length < RANGE_MIN_KEYS;
  const rows: PromiseExtended<unknown[]> = small
    ? db.changes.bulkGet([...ids]).then((found) => found.map((c) => c?.id))
    : db.changes.where(':id').between(low, high, true, true).primaryKeys();
  const oneByOne = (): PromiseExtended<unknown[]> =>
    Dexie.Promise.all(
      ids.map((id) =>
        db.changePacks
          .where('changeIds')
          .equals(id)
          .primaryKeys()
          .then((packIds) => (packIds.length > 0 ? id : null)),
      ),
    );
  // The range finds the packs that may hold some of the ids; they are read whole, unless that
  // means reading far more changes than were asked about (a few ids spread over a long history).
  const packed: PromiseExtended<unknown[]> = small
    ? oneByOne()
    : db.changePacks
        .where('changeIds')
        .between(low, high, true, true)
        .primaryKeys()
        .then((found) => {
          const packIds = unique(found);
          if (packIds.length === 0) return [];
          if (packIds.length * PACK_SIZE > 4 * ids.length) return oneByOne();
          return db.changePacks
            .bulkGet(packIds)
            .then((packs) => packs.flatMap((pack) => pack?.changeIds ?? []));
        });
  return Dexie.Promise.all([rows, packed]).then((lists) => {
    const found = new Set<string>();
    for (const list of lists) {
      for (const key of list) if (typeof key === 'string' && wanted.has(key)) found.add(key);
    }
    return found;
  });
}

/** The logged changes with these ids (rows and packs), any order; missing ids are skipped. */
export function readChangesById(
  db: WorkbenchDB,
  ids: readonly string[],
): PromiseExtended<ChangeRecord[]> {
  const wanted = new Set(ids);
  const packIds = Dexie.Promise.all(
    ids.map((id) => db.changePacks.where('changeIds').equals(id).primaryKeys()),
  ).then((lists) => unique(lists.flat()));
  return Dexie.Promise.all([
    db.changes.bulkGet([...ids]),
    packIds.then((found) => (found.length === 0 ? [] : db.changePacks.bulkGet(found))),
  ]).then(([rows, packs]) => [
    ...rows.filter((c): c is ChangeRecord => c !== undefined),
    ...flatten(packs).filter((c) => wanted.has(c.id)),
  ]);
}
