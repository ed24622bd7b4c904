/**
 * The reads applying one chunk of remote changes needs (the records it touches, the part of
 * their change log that decides last-writer-wins), in as few IndexedDB requests as possible:
 * every request costs a round trip (in Chromium a message to the browser process, in
 * fake-indexeddb a task and an event), so 5,000 single reads cost about as much as writing the
 * records. Used by applyChanges only.
 *
 * Everything here returns Dexie promises or awaits only Dexie promises, so the caller's
 * transaction zone follows (a native promise in between would make later reads and writes leave
 * the chunk's transaction).
 */
import type { PromiseExtended, Table } from 'dexie';
import type { ChangeRecord } from '@shared/model/change';
import type { EntityName } from '@shared/model/registry';
import type { WorkbenchDB } from '../database';
import { PACK_SIZE, recordKeyOf } from '../changeLog/packs';
import {
  RANGE_MIN_KEYS,
  idRange,
  readPackedChangesOfRecords,
  readPackedChangesSince,
} from '../changeLog/reads';

/** A query over the change log. */
type ChangeCollection = ReturnType<WorkbenchDB['changes']['toCollection']>;

/** A record of the chunk, by its key (`entity \0 recordId`). */
export type RecordRefs = ReadonlyMap<string, readonly [EntityName, string]>;

/** What applyChanges needs to know about the logged changes of the chunk's records. */
export interface LogNeeds {
  /** Records whose WHOLE log is needed (pending records, possible long-text conflicts). */
  whole: RecordRefs;
  /**
   * Records for which the logged changes with an HLC at or after `since` suffice: older ones
   * lose every field to every incoming change, so they cannot change the outcome.
   */
  recent: RecordRefs;
  /** The earliest HLC of the chunk. */
  since: string;
  /** The largest number of recent changes worth reading in one range (else `recent` turns whole). */
  recentLimit: number;
}

/** A range read over record ids is given up when it holds more than this many changes per record. */
const RANGE_CHANGES_PER_RECORD = 8;

/**
 * The logged changes of the needed records, by record key: for `whole` records their entire
 * log, for `recent` ones (at least) every change with hlc >= since. Records without any are
 * absent from the map.
 */
export async function readLoggedChanges(
  db: WorkbenchDB,
  needs: LogNeeds,
): Promise<Map<string, ChangeRecord[]>> {
  const out = new Map<string, ChangeRecord[]>();
  const add = (key: string, change: ChangeRecord) => {
    const list = out.get(key);
    if (list) list.push(change);
    else out.set(key, [change]);
  };
  const whole = new Map(needs.whole);

  if (needs.recent.size > 0) {
    // One range over the `hlc` index and one over the packs' `maxHlc`: usually empty or small
    // (remote changes arrive roughly in HLC order, after what this device has logged).
    const [recentRows, recentPacked] = await Promise.all([
      boundedRead(db.changes.where('hlc').aboveOrEqual(needs.since), needs.recentLimit),
      readPackedChangesSince(db, needs.since, {
        inclusive: true,
        maxPacks: Math.max(2, Math.ceil(needs.recentLimit / PACK_SIZE)),
      }),
    ]);
    if (recentRows === null || recentPacked === null) {
      for (const [key, ref] of needs.recent) whole.set(key, ref);
    } else {
      for (const change of [...recentRows, ...recentPacked]) {
        const key = recordKeyOf(change.entity, change.recordId);
        if (needs.recent.has(key) && !whole.has(key)) add(key, change);
      }
    }
  }

  // Whole logs: the packs holding the records (changeLog/reads.ts), then the rows per entity:
  // one range over `[entity+recordId]` from the smallest to the largest id when the ids are
  // dense enough (records made together have neighbouring UUIDv7 ids), else one equality query
  // per record.
  const byEntity = new Map<EntityName, string[]>();
  for (const [entity, recordId] of whole.values()) {
    const ids = byEntity.get(entity);
    if (ids) ids.push(recordId);
    else byEntity.set(entity, [recordId]);
  }
  const packed = byEntity.size === 0 ? [] : await readPackedChangesOfRecords(db, byEntity);
  for (const change of packed) add(recordKeyOf(change.entity, change.recordId), change);
  for (const [entity, ids] of byEntity) {
    let rows: ChangeRecord[] | null = null;
    if (ids.length >= RANGE_MIN_KEYS) {
      const sorted = [...ids].sort();
      const found = await boundedRead(
        db.changes
          .where('[entity+recordId]')
          .between([entity, sorted[0]], [entity, sorted[sorted.length - 1]], true, true),
        ids.length * RANGE_CHANGES_PER_RECORD,
      );
      if (found !== null) {
        const wanted = new Set(ids);
        rows = found.filter((change) => wanted.has(change.recordId));
      }
    }
    rows ??= (
      await Promise.all(
        ids.map((id) => db.changes.where('[entity+recordId]').equals([entity, id]).toArray()),
      )
    ).flat();
    for (const change of rows) add(recordKeyOf(change.entity, change.recordId), change);
  }
  return out;
}

/**
 * The changes of a range, or null when it holds more than `limit`: counted first with keys only
 * (no record is read or cloned), so giving up costs little.
 */
function boundedRead(
  range: ChangeCollection,
  limit: number,
): PromiseExtended<ChangeRecord[] | null> {
  // Dexie promises all the way (no native async here): the caller's transaction zone follows.
  return range
    .clone()
    .limit(limit + 1)
    .primaryKeys()
    .then((keys) => (keys.length > limit ? null : keys.length === 0 ? [] : range.toArray()));
}

/**
 * The stored records with these ids (undefined where absent), in the order of `ids`. From
 * {@link RANGE_MIN_KEYS} ids on, the primary keys between the smallest and the largest id are
 * counted first: when the range is dense (records made together have neighbouring UUIDv7 ids)
 * it is read in one request, and when it holds none of them (a new device's first sync) nothing
 * is read at all; otherwise one request per id, as Table.bulkGet does.
 */
export function readRecords<T extends { id: string }>(
  table: Table<T, string>,
  ids: readonly string[],
): PromiseExtended<(T | undefined)[]> {
  if (ids.length < RANGE_MIN_KEYS) return table.bulkGet([...ids]);
  const [min, max] = idRange(ids);
  const limit = 2 * ids.length + 64;
  const range = table.where(':id').between(min, max, true, true);
  return range
    .clone()
    .limit(limit + 1)
    .primaryKeys()
    .then((keys) => {
      if (keys.length > limit) return table.bulkGet([...ids]);
      if (keys.length === 0) return ids.map(() => undefined);
      return range.toArray().then((rows) => {
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id));
      });
    });
}

/** The prefix of the `syncState` keys marking pending records (changes seen before a create). */
export const PENDING_PREFIX = 'pending:';

/** The `syncState` key marking a record (by its key, see recordKeyOf) as pending. */
export const pendingKey = (recordKey: string): string => `${PENDING_PREFIX}${recordKey}`;

/**
 * Which of these `syncState` keys (all starting with {@link PENDING_PREFIX}) are stored. Usually
 * none is: the pending keys are listed first (keys only, one request), and only when there are
 * many is each one looked up.
 */
export function readPendingKeys(
  state: Table<{ key: string; value: unknown }, string>,
  keys: readonly string[],
): PromiseExtended<Set<string>> {
  const limit = 2 * keys.length + 64;
  return state
    .where(':id')
    .startsWith(PENDING_PREFIX)
    .limit(limit + 1)
    .primaryKeys()
    .then((stored) => {
      if (stored.length <= limit) {
        const set = new Set(stored);
        return new Set(keys.filter((key) => set.has(key)));
      }
      return state
        .bulkGet([...keys])
        .then((rows) => new Set(keys.filter((_, i) => rows[i] !== undefined)));
    });
}
