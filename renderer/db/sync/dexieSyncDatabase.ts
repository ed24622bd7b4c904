import Dexie from 'dexie';
import type { ChangeRecord } from '@shared/model/change';
import { SYNC_STATE_TABLE } from '@shared/sync/conflict';
import type { SyncDatabase } from '@shared/sync/database';
import type { WorkbenchDB } from '../database';
import { loggedChangeIds, readAllChanges } from '../changeLog/reads';
import { metaSeqKey } from '../repositories/changeLog';
import { decidingEdits, listFieldShapes, type FieldEdit } from '@shared/sync/listMerge';
import { applyChanges, retryParkedChanges, type ApplyOptions } from './applyChanges';

/** One entry of the `syncState` table. */
interface StateEntry {
  key: string;
  value: unknown;
}

/** Options of {@link createDexieSyncDatabase}. */
export interface DexieSyncDatabaseOptions {
  /** The open database. */
  db: WorkbenchDB;
  /** The current device id (a function: it changes when a duplicate id is detected). */
  deviceId: () => string;
  /** The wall clock. */
  now?: () => Date;
  /** Clock drift limit passed to applyChanges (ms). */
  maxDriftMs?: number;
}

/** Per record and list field, the changes that still decide its merged value. */
function decidingListEdits(all: readonly ChangeRecord[]): [ChangeRecord, string][] {
  const edits = new Map<
    string,
    {
      shape: ReturnType<typeof listFieldShapes>;
      byField: Map<string, (FieldEdit & { origin: ChangeRecord })[]>;
    }
  >();
  for (const change of all) {
    const shapes = listFieldShapes(change.entity);
    if (shapes.size === 0) continue;
    const key = `${change.entity}\u0000${change.recordId}`;
    let entry = edits.get(key);
    if (!entry) edits.set(key, (entry = { shape: shapes, byField: new Map() }));
    for (const fc of change.changes) {
      if (!shapes.has(fc.field)) continue;
      const list = entry.byField.get(fc.field) ?? [];
      list.push({ hlc: change.hlc, id: change.id, old: fc.old, new: fc.new, origin: change });
      entry.byField.set(fc.field, list);
    }
  }
  const out: [ChangeRecord, string][] = [];
  for (const { shape, byField } of edits.values()) {
    for (const [field, list] of byField) {
      const fieldShape = shape.get(field);
      if (!fieldShape) continue;
      for (const e of decidingEdits(fieldShape, list)) out.push([e.origin, field]);
    }
  }
  return out;
}

/** The sync engine's view of the Dexie store. */
export function createDexieSyncDatabase(options: DexieSyncDatabaseOptions): SyncDatabase {
  const { db } = options;
  const state = db.table<StateEntry, string>(SYNC_STATE_TABLE);
  const applyOptions = (): ApplyOptions => ({
    deviceId: options.deviceId(),
    ...(options.now ? { now: options.now } : {}),
    ...(options.maxDriftMs !== undefined ? { maxDriftMs: options.maxDriftMs } : {}),
  });

  return {
    ownChanges(deviceId, afterSeq, toSeq) {
      return db.changes
        .where('[deviceId+seq]')
        .between([deviceId, afterSeq], [deviceId, toSeq ?? Dexie.maxKey], false, true)
        .toArray();
    },

    async lastOwnSeq(deviceId) {
      const entry = await db.meta.get(metaSeqKey(deviceId));
      return typeof entry?.value === 'number' ? entry.value : 0;
    },

    async apply(changes, call = {}) {
      const result = await applyChanges(db, changes, {
        ...applyOptions(),
        ...(call.onProgress ? { onProgress: call.onProgress } : {}),
        ...(call.maxDriftMs !== undefined ? { maxDriftMs: call.maxDriftMs } : {}),
      });
      return {
        applied: result.applied,
        duplicates: result.duplicates,
        parked: result.parked,
        rejected: result.rejected.length,
        conflicts: result.conflicts,
        skewedDevices: result.skewedDevices,
        refused: result.refused,
        parkedDropped: result.parkedDropped,
      };
    },

    async getState<T>(key: string) {
      return (await state.get(key))?.value as T | undefined;
    },

    async setState(key, value) {
      await state.put({ key, value });
    },

    async snapshotChanges(engagementIds) {
      const all = await readAllChanges(db, engagementIds ? [...new Set(engagementIds)] : undefined);
      // Per record and field the winning change (latest HLC, then id); creates always kept.
      const winners = new Map<string, Map<string, ChangeRecord>>();
      const creates = new Set<ChangeRecord>();
      for (const change of all) {
        const key = `${change.entity}\u0000${change.recordId}`;
        let fields = winners.get(key);
        if (!fields) winners.set(key, (fields = new Map()));
        if (change.op === 'create') creates.add(change);
        for (const fc of change.changes) {
          const known = fields.get(fc.field);
          if (
            !known ||
            change.hlc > known.hlc ||
            (change.hlc === known.hlc && change.id > known.id)
          ) {
            fields.set(fc.field, change);
          }
        }
      }
      const kept = new Map<ChangeRecord, Set<string>>();
      for (const change of creates) kept.set(change, new Set());
      // A list field is decided by more than its latest change (listMerge.ts): keep those too.
      for (const [change, field] of decidingListEdits(all)) {
        const set = kept.get(change) ?? new Set<string>();
        set.add(field);
        kept.set(change, set);
      }
      for (const fields of winners.values()) {
        for (const [field, change] of fields) {
          const set = kept.get(change) ?? new Set<string>();
          set.add(field);
          kept.set(change, set);
        }
      }
      return [...kept]
        .map(([change, fields]) => ({
          ...change,
          changes: change.changes.filter((fc) => fields.has(fc.field)),
        }))
        .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
    },

    async reassignDevice(oldId, newId, shipped) {
      return db.transaction('rw', db.changes, db.meta, async () => {
        const mine = await db.changes
          .where('[deviceId+seq]')
          .between([oldId, Dexie.minKey], [oldId, Dexie.maxKey])
          .toArray();
        const moving = mine.filter((c) => !shipped.has(c.id));
        const seqEntry = await db.meta.get(metaSeqKey(newId));
        let seq = typeof seqEntry?.value === 'number' ? seqEntry.value : 0;
        const moved = moving.map((c) => ({ ...c, deviceId: newId, seq: (seq += 1) }));
        await db.changes.bulkPut(moved);
        await db.meta.put({ key: metaSeqKey(newId), value: seq });
        return moved.length;
      });
    },

    async knownChangeIds(ids) {
      return loggedChangeIds(db, ids);
    },

    async retryParked() {
      const result = await retryParkedChanges(db, applyOptions());
      return result?.applied ?? 0;
    },
  };
}
