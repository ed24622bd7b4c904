/**
 * Applies change records made on OTHER devices (or read from an archive) to this database.
 *
 * SHARED API: the folder sync (issue 5) and the archive import (issue 6) both merge incoming
 * change records through this one function, so both follow the same rules. Change it only in
 * agreement with both.
 *
 * Rules:
 * - Idempotent by change id: a change already in the local change log (rows of `changes` or
 *   packs of `changePacks`, see changeLog/packs.ts), or twice in one call, is counted as a
 *   duplicate and does nothing.
 * - Last-writer-wins per field by HLC: an incoming field value replaces the record's value only
 *   when its change's HLC is later than the latest HLC that wrote that field in the local change
 *   log (the record's rows by `[entity+recordId]`, its packs by `recordKeys`). The same set of
 *   changes therefore gives the same record on every device, in any order.
 * - Speed: a record has logged changes only if it exists or is marked pending (`pending:<key>`
 *   in `syncState`), so a new device's first sync skips the change-log lookups entirely; an
 *   existing record reads only the part of its log that can decide the outcome, and the chunk's
 *   reads are ranges where the ids allow (chunkReads.ts; shared/sync/DESIGN.md "Applying fast").
 * - Creating: a record that does not exist locally is materialised once a `create` change for it
 *   is known (incoming or already logged), by folding every logged change of the record field by
 *   field. Field changes that arrive BEFORE their create (files out of order, gaps) are recorded
 *   in the change log only; the record appears when the create arrives, with the later values
 *   already folded in. Such records are counted as `pendingRecords`.
 *   `createdAt` is the create change's `at`; `updatedAt` the `at` of the latest winning change.
 * - Deletes are tombstones: `deletedAt` is a field like any other, so a delete and a concurrent
 *   edit both survive (the edit is kept in the deleted record, which can be restored from the
 *   trash); nothing is ever removed from a table here.
 * - Conflicts: when two devices changed the same long text field (see shared/sync/longText.ts)
 *   concurrently, the losing value is filed in `syncConflicts` (migration 004) for review. Two
 *   edits are concurrent when the winner did not start from the loser's value
 *   (`loser.new !== winner.old`) and the values differ. Short fields are silent LWW.
 * - Each incoming change is stored as-is (its own deviceId and seq), so the history shows it and
 *   it is not shipped again: in packs of up to 500 per engagement (`changePacks`; one IndexedDB
 *   request per pack instead of one per change, which halved a new device's first sync in
 *   Chromium), except changes carrying THIS device's id, which stay rows of `changes` as the
 *   outbox reads them: "changes of MY deviceId with seq > what I have written".
 * - Clock: the latest incoming HLC is merged into the local clock (the logic of
 *   `store.clock.receive`, i.e. receiveRemoteHlc) so later local writes order after it. An HLC
 *   more than `maxDriftMs` ahead of this device's wall clock is NOT adopted into the local clock
 *   (clamped) and its device is reported in `skewedDevices`; the change itself is still applied
 *   with its own HLC, because every device must order the same changes the same way to converge.
 * - Changes this version cannot apply (an unknown entity or operation, i.e. from a newer app
 *   version) are parked verbatim in `syncParked` and retried by {@link retryParkedChanges} after
 *   an upgrade; malformed ones are rejected (reported, not stored).
 * - Lists (and objects holding lists, an area's raci) merge as add-wins sets
 *   (shared/sync/listMerge.ts): concurrent additions are all kept; a removal wins only over the
 *   additions before it. When the incoming edits of a list did not start from the stored value
 *   the record's whole log is read and the list merged from every edit.
 * - Nothing invalid is stored (issue 12): a change that breaks the issued-memo freeze rule
 *   (shared/memo/freeze.ts), a change invalid on its own, and the changes that together would
 *   make their record invalid (for example concurrent edits of a start and an end date) are
 *   parked in `syncParked` with the reason (`refused`), not logged, and retried after each round
 *   (a later change may make them valid). The record stays as it was. Two devices that each
 *   refuse the other's half of such a pair differ until someone edits the record (the Sync tab
 *   lists the parked changes); that is the price of never storing an invalid record.
 */
import { HLC_PATTERN, parseHlc } from '@shared/clock/hlc';
import { changeOpSchema, type ChangeRecord, type FieldChange } from '@shared/model/change';
import { entitySchemas, entityTables, type EntityName } from '@shared/model/registry';
import { UUID_PATTERN } from '@shared/ids';
import {
  SYNC_CONFLICTS_TABLE,
  SYNC_PARKED_TABLE,
  SYNC_STATE_TABLE,
  type SyncConflict,
} from '@shared/sync/conflict';
import { isLongTextField } from '@shared/sync/longText';
import { listFieldShapes } from '@shared/sync/listMerge';
import type { WorkbenchDB } from '../database';
import { recordKeyOf, storeChanges } from '../changeLog/packs';
import { latestLoggedHlc } from '../changeLog/reads';
import { receiveRemoteHlc } from '../repositories/changeLog';
import { sameValue } from '../repositories/diff';
import { pendingKey, readLoggedChanges, readPendingKeys, readRecords } from './chunkReads';
import { concurrent, later, screenAndMerge, type Row } from './mergeRecord';
import { type ParkedDropped, capParked } from './parkedCap';

/** Options of {@link applyChanges}. */
export interface ApplyOptions {
  /** This device's id (the local clock's device). */
  deviceId: string;
  /** The wall clock (tests inject one). */
  now?: () => Date;
  /** How far ahead of the local clock a remote HLC may be before it is clamped (ms; 1 h). */
  maxDriftMs?: number;
  /** Changes per transaction (default 5,000); each chunk is all-or-nothing. */
  chunkSize?: number;
  /** Called after each chunk with the number of incoming changes handled so far. */
  onProgress?: (done: number, total: number) => void;
  /** Changes kept aside per device at most (parkedCap.ts; tests set a small one). */
  maxParkedPerDevice?: number;
}

/** A remote device whose clock is too far ahead. */
export interface SkewedDevice {
  /** The device. */
  deviceId: string;
  /** How far its latest HLC is ahead of this device's wall clock (ms). */
  driftMs: number;
}

/** Outcome of {@link applyChanges}. */
export interface ApplyResult {
  /** Incoming changes recorded for the first time. */
  applied: number;
  /** Incoming changes already known (same id): nothing done. */
  duplicates: number;
  /** Changes kept aside for a newer version (unknown entity or operation). */
  parked: number;
  /** Malformed changes, not stored. */
  rejected: { id: string | null; reason: string }[];
  /** Conflicts filed for review. */
  conflicts: number;
  /** Records created or changed in the entity tables. */
  recordsWritten: number;
  /** Records with logged changes but no create yet (will appear when it arrives). */
  pendingRecords: number;
  /** Records left as they were because the incoming changes would make them invalid. */
  invalidRecords: { entity: string; recordId: string }[];
  /**
   * Changes refused and parked in `syncParked` with the reason (invalid on their own, making
   * their record invalid, or changing an issued memo); never stored, retried after each round.
   */
  refused: { id: string; deviceId: string; reason: string }[];
  /** Devices whose clock runs more than maxDriftMs ahead (not adopted into the local clock). */
  skewedDevices: SkewedDevice[];
  /** Devices whose oldest kept-aside changes were dropped: over the cap (parkedCap.ts). */
  parkedDropped: ParkedDropped[];
  /** Changes whose deviceId is THIS device's id but that this database did not write. */
  ownIdClashes: number;
  /** Latest HLC seen among the incoming changes. */
  maxHlc: string | null;
}

/** A parked change (table `syncParked`). */
export interface ParkedChange {
  /** The change's id. */
  id: string;
  /** Why it cannot be applied yet. */
  reason: string;
  /** Its device (for the `[deviceId+seq]` index). */
  deviceId: string;
  /** Its sequence number. */
  seq: number;
  /** The change as received. */
  raw: unknown;
  /** When it was parked (UTC ISO). */
  parkedAt: string;
}

type Checked =
  | { kind: 'ok'; change: ChangeRecord }
  | { kind: 'park'; id: string; deviceId: string; seq: number; reason: string; raw: unknown }
  | { kind: 'reject'; id: string | null; reason: string };

const OPS = new Set<string>(changeOpSchema.options);
const isString = (v: unknown): v is string => typeof v === 'string';

/** Structural check of an incoming change (cheaper than zod, which matters at 100,000). */
export function checkChange(raw: unknown): Checked {
  if (typeof raw !== 'object' || raw === null) {
    return { kind: 'reject', id: null, reason: 'not an object' };
  }
  const c = raw as Record<string, unknown>;
  const id = isString(c.id) && UUID_PATTERN.test(c.id) ? c.id : null;
  if (id === null) return { kind: 'reject', id: null, reason: 'missing or bad id' };
  if (!isString(c.hlc) || !HLC_PATTERN.test(c.hlc))
    return { kind: 'reject', id, reason: 'bad hlc' };
  if (!isString(c.deviceId) || !UUID_PATTERN.test(c.deviceId)) {
    return { kind: 'reject', id, reason: 'bad deviceId' };
  }
  if (typeof c.seq !== 'number' || !Number.isInteger(c.seq) || c.seq < 1) {
    return { kind: 'reject', id, reason: 'bad seq' };
  }
  if (!isString(c.recordId) || !UUID_PATTERN.test(c.recordId)) {
    return { kind: 'reject', id, reason: 'bad recordId' };
  }
  if (!isString(c.engagementId) || !isString(c.at) || !isString(c.entity) || !isString(c.op)) {
    return { kind: 'reject', id, reason: 'missing fields' };
  }
  if (!Array.isArray(c.changes) || !c.changes.every((f) => isString((f as FieldChange)?.field))) {
    return { kind: 'reject', id, reason: 'bad field changes' };
  }
  if (!(c.entity in entitySchemas) || !OPS.has(c.op)) {
    const reason = !(c.entity in entitySchemas)
      ? `unknown entity ${c.entity}`
      : `unknown op ${c.op}`;
    return { kind: 'park', id, deviceId: c.deviceId, seq: c.seq, reason, raw };
  }
  return { kind: 'ok', change: raw as ChangeRecord };
}

/**
 * True when an incoming change of a long text of this stored record may be concurrent with the
 * value it replaces (the earliest incoming change of the field did not start from it): that
 * value must then be filed as a conflict, and only the record's whole log names its change.
 */
function mayConflict(entity: EntityName, row: Row, incoming: readonly ChangeRecord[]): boolean {
  const first = new Map<string, { change: ChangeRecord; fc: FieldChange }>();
  for (const change of incoming) {
    for (const fc of change.changes) {
      if (!isLongTextField(entity, fc.field)) continue;
      const known = first.get(fc.field);
      if (!known || later(known.change, change)) first.set(fc.field, { change, fc });
    }
  }
  for (const [field, { fc }] of first) {
    if (concurrent({ value: row[field] }, { old: fc.old, value: fc.new })) return true;
  }
  return false;
}

/**
 * True when incoming changes of a list field of this stored record must be merged with the
 * record's whole log (shared/sync/listMerge.ts): unless they form one chain that starts from the
 * stored value and are all later than the log (then the latest value is the merged one).
 */
function needsListMerge(
  entity: EntityName,
  row: Row,
  incoming: readonly ChangeRecord[],
  bound: string,
): boolean {
  const shapes = listFieldShapes(entity);
  if (shapes.size === 0) return false;
  const byField = new Map<string, ChangeRecord[]>();
  for (const change of incoming) {
    for (const fc of change.changes) {
      if (!shapes.has(fc.field)) continue;
      if (change.hlc <= bound) return true;
      const list = byField.get(fc.field);
      if (list) list.push(change);
      else byField.set(fc.field, [change]);
    }
  }
  for (const [field, changes] of byField) {
    changes.sort((a, b) => (later(a, b) ? 1 : later(b, a) ? -1 : 0));
    let value = row[field];
    for (const change of changes) {
      const fc = change.changes.find((f) => f.field === field) as FieldChange;
      if (!sameValue(fc.old, value)) return true;
      value = fc.new;
    }
  }
  return false;
}

/**
 * Applies remote change records with the rules above. Resolves once every chunk is stored.
 * See the file comment; shared with the archive import.
 */
export async function applyChanges(
  db: WorkbenchDB,
  changes: readonly unknown[],
  options: ApplyOptions,
): Promise<ApplyResult> {
  const now = options.now ?? (() => new Date());
  const maxDriftMs = options.maxDriftMs ?? 60 * 60 * 1000;
  const chunkSize = Math.max(1, options.chunkSize ?? 5_000);
  const result: ApplyResult = {
    applied: 0,
    duplicates: 0,
    parked: 0,
    rejected: [],
    conflicts: 0,
    recordsWritten: 0,
    pendingRecords: 0,
    invalidRecords: [],
    refused: [],
    skewedDevices: [],
    parkedDropped: [],
    ownIdClashes: 0,
    maxHlc: null,
  };

  const accepted: ChangeRecord[] = [];
  const parked: ParkedChange[] = [];
  for (const raw of changes) {
    const checked = checkChange(raw);
    if (checked.kind === 'ok') accepted.push(checked.change);
    else if (checked.kind === 'reject')
      result.rejected.push({ id: checked.id, reason: checked.reason });
    else {
      parked.push({
        id: checked.id,
        reason: checked.reason,
        deviceId: checked.deviceId,
        seq: checked.seq,
        raw: checked.raw,
        parkedAt: now().toISOString(),
      });
    }
  }
  if (parked.length > 0) {
    await db.table<ParkedChange, string>(SYNC_PARKED_TABLE).bulkPut(parked);
    result.parked = parked.length;
  }

  // Clock: per remote device, its latest HLC; too far ahead = skewed (flagged, not adopted).
  const latestByDevice = new Map<string, string>();
  for (const change of accepted) {
    const known = latestByDevice.get(change.deviceId);
    if (known === undefined || change.hlc > known) latestByDevice.set(change.deviceId, change.hlc);
  }
  const wallNow = now().getTime();
  let adoptable: string | null = null;
  for (const [deviceId, hlc] of latestByDevice) {
    if (result.maxHlc === null || hlc > result.maxHlc) result.maxHlc = hlc;
    const driftMs = parseHlc(hlc).wallTime - wallNow;
    if (driftMs > maxDriftMs) result.skewedDevices.push({ deviceId, driftMs });
    else if (adoptable === null || hlc > adoptable) adoptable = hlc;
  }

  const tableNames = [
    ...Object.values(entityTables),
    'changes',
    'changePacks',
    'meta',
    SYNC_CONFLICTS_TABLE,
    SYNC_PARKED_TABLE,
    SYNC_STATE_TABLE,
  ];
  for (let start = 0; start < accepted.length; start += chunkSize) {
    const chunk = accepted.slice(start, start + chunkSize);
    await db.transaction('rw', tableNames, () => applyChunk(db, chunk, options, now, result));
    options.onProgress?.(Math.min(start + chunkSize, accepted.length), accepted.length);
  }
  if (adoptable !== null) {
    await receiveRemoteHlc({ db, deviceId: options.deviceId, now }, adoptable, maxDriftMs);
  }
  const keptAside = [...parked, ...result.refused].map((p) => p.deviceId);
  if (keptAside.length > 0) {
    result.parkedDropped = await capParked(db, keptAside, options.maxParkedPerDevice);
  }
  return result;
}

/** One all-or-nothing chunk. */
async function applyChunk(
  db: WorkbenchDB,
  chunk: ChangeRecord[],
  options: ApplyOptions,
  now: () => Date,
  result: ApplyResult,
): Promise<void> {
  // Every record the chunk touches.
  const keys = new Map<string, [EntityName, string]>();
  for (const change of chunk) {
    keys.set(recordKeyOf(change.entity, change.recordId), [change.entity, change.recordId]);
  }
  // Existing records, per entity.
  const idsByEntity = new Map<EntityName, string[]>();
  for (const [entity, recordId] of keys.values()) {
    const ids = idsByEntity.get(entity);
    if (ids) ids.push(recordId);
    else idsByEntity.set(entity, [recordId]);
  }
  // Reads in ranges where the ids are dense (see chunkReads.ts): a round trip per record costs
  // about as much as writing it.
  const existing = new Map<string, Row>();
  for (const [entity, ids] of idsByEntity) {
    const rows = await readRecords(db.table<Row, string>(entityTables[entity]), ids);
    rows.forEach((row, i) => {
      if (row) existing.set(recordKeyOf(entity, ids[i] as string), row);
    });
  }
  const state = db.table<{ key: string; value: unknown }, string>(SYNC_STATE_TABLE);
  // A record has logged changes only if it exists or is pending (changes seen before its
  // create): only those may need the change log (a new device's first sync reads none).
  const absent = [...keys.keys()].filter((key) => !existing.has(key));
  const storedPending =
    absent.length === 0 ? new Set<string>() : await readPendingKeys(state, absent.map(pendingKey));
  const wasPending = new Set(absent.filter((key) => storedPending.has(pendingKey(key))));
  const incomingByKey = new Map<string, ChangeRecord[]>();
  for (const change of chunk) {
    const key = recordKeyOf(change.entity, change.recordId);
    const list = incomingByKey.get(key);
    if (list) list.push(change);
    else incomingByKey.set(key, [change]);
  }
  // Which part of which record's log decides the outcome:
  // - pending records, and existing ones a long text of which may be in conflict (the value it
  //   replaces must be filed, and only the whole log names its change): the whole log;
  // - other existing records with an incoming change not later than the latest logged HLC:
  //   the logged changes at or after their earliest incoming HLC (older ones lose every field to
  //   every incoming change, and cannot be duplicates of one);
  // - the rest (incoming changes all later than the log, or new records): none.
  const bound = await latestLoggedHlc(db);
  const whole = new Map<string, [EntityName, string]>();
  const recent = new Map<string, [EntityName, string]>();
  let since: string | null = null;
  for (const [key, ref] of keys) {
    if (wasPending.has(key)) {
      whole.set(key, ref);
      continue;
    }
    const row = existing.get(key);
    if (!row) continue;
    const incoming = incomingByKey.get(key) ?? [];
    if (mayConflict(ref[0], row, incoming) || needsListMerge(ref[0], row, incoming, bound)) {
      whole.set(key, ref);
      continue;
    }
    let earliest: string | null = null;
    for (const change of incoming) {
      if (earliest === null || change.hlc < earliest) earliest = change.hlc;
    }
    if (earliest !== null && earliest <= bound) {
      recent.set(key, ref);
      if (since === null || earliest < since) since = earliest;
    }
  }
  const loggedByKey =
    whole.size === 0 && since === null
      ? new Map<string, ChangeRecord[]>()
      : await readLoggedChanges(db, {
          whole,
          recent,
          since: since ?? '',
          recentLimit: 2 * recent.size + 64,
        });
  // A change can be logged already although its record's log was not read: a row written for a
  // record that neither exists nor is pending (an archive copied in before migration 008 wrote
  // no pending marks). Only a change at or before the log's latest HLC can be; those are looked
  // up (a new device: none in its first chunk, few later, as changes come in HLC order); a record
  // with one is read whole like a pending one, so nothing is stored twice and LWW still holds.
  const unread = chunk.filter((c) => {
    const key = recordKeyOf(c.entity, c.recordId);
    return c.hlc <= bound && !whole.has(key) && !recent.has(key);
  });
  if (unread.length > 0) {
    const rows = await readRecords(
      db.table<ChangeRecord, string>('changes'),
      unread.map((c) => c.id),
    );
    const strays = new Map<string, [EntityName, string]>();
    rows.forEach((row, i) => {
      const c = unread[i] as ChangeRecord;
      if (row) strays.set(recordKeyOf(c.entity, c.recordId), [c.entity, c.recordId]);
    });
    if (strays.size > 0) {
      const logs = await readLoggedChanges(db, {
        whole: strays,
        recent: new Map(),
        since: '',
        recentLimit: 0,
      });
      for (const [key, list] of logs) loggedByKey.set(key, list);
    }
  }
  const knownIds = new Set<string>();
  for (const list of loggedByKey.values()) for (const change of list) knownIds.add(change.id);

  const freshByKey = new Map<string, ChangeRecord[]>();
  let fresh: ChangeRecord[] = [];
  for (const change of chunk) {
    if (knownIds.has(change.id)) {
      result.duplicates += 1;
      continue;
    }
    knownIds.add(change.id);
    if (change.deviceId === options.deviceId) result.ownIdClashes += 1;
    fresh.push(change);
    const key = recordKeyOf(change.entity, change.recordId);
    const list = freshByKey.get(key);
    if (list) list.push(change);
    else freshByKey.set(key, [change]);
  }
  if (fresh.length === 0) return;
  const nowPending: string[] = [];
  const noLongerPending: string[] = [];

  const detectedAt = now().toISOString();
  const conflicts: SyncConflict[] = [];
  const toPut = new Map<EntityName, Row[]>();

  const refused: ParkedChange[] = [];
  const refuse = (changes: readonly ChangeRecord[], reason: string) => {
    for (const c of changes) {
      refused.push({
        id: c.id,
        reason,
        deviceId: c.deviceId,
        seq: c.seq,
        raw: c,
        parkedAt: detectedAt,
      });
    }
  };
  for (const [key, all] of freshByKey) {
    const [entity, recordId] = keys.get(key) as [EntityName, string];
    const current = existing.get(key);
    const history = loggedByKey.get(key) ?? [];
    const exists = current !== undefined || history.some((c) => c.op === 'create');
    const input = { entity, recordId, history, current, wholeLog: whole.has(key), detectedAt };
    const { outcome, refusals, invalid } = screenAndMerge(input, all, exists);
    for (const { change, reason } of refusals) refuse([change], reason);
    if (invalid) result.invalidRecords.push({ entity, recordId });
    if (outcome === null) continue;
    if (outcome.kind === 'pending') {
      result.pendingRecords += 1;
      if (!wasPending.has(key)) nowPending.push(pendingKey(key));
      continue;
    }
    conflicts.push(...outcome.conflicts);
    if (outcome.kind === 'unchanged') continue;
    if (wasPending.has(key)) noLongerPending.push(pendingKey(key));
    const rows = toPut.get(entity);
    if (rows) rows.push(outcome.record);
    else toPut.set(entity, [outcome.record]);
  }
  if (refused.length > 0) {
    const ids = new Set(refused.map((p) => p.id));
    fresh = fresh.filter((c) => !ids.has(c.id));
    await db.table<ParkedChange, string>(SYNC_PARKED_TABLE).bulkPut(refused);
    result.refused.push(...refused.map(({ id, deviceId, reason }) => ({ id, deviceId, reason })));
  }

  for (const [entity, rows] of toPut) {
    await db.table<Row, string>(entityTables[entity]).bulkPut(rows);
    result.recordsWritten += rows.length;
  }
  await storeChanges(db, fresh, options.deviceId);
  result.applied += fresh.length;
  if (nowPending.length > 0) await state.bulkPut(nowPending.map((k) => ({ key: k, value: true })));
  if (noLongerPending.length > 0) await state.bulkDelete(noLongerPending);
  if (conflicts.length > 0) {
    await db.table<SyncConflict, string>(SYNC_CONFLICTS_TABLE).bulkPut(conflicts);
    result.conflicts += conflicts.length;
  }
}

/**
 * Retries the parked changes (after an upgrade the entity or operation may be known): applies
 * those that are now accepted and removes them from `syncParked`; the rest stay parked.
 */
export async function retryParkedChanges(
  db: WorkbenchDB,
  options: ApplyOptions,
): Promise<ApplyResult | null> {
  const table = db.table<ParkedChange, string>(SYNC_PARKED_TABLE);
  const all = await table.toArray();
  const ready = all.filter((p) => checkChange(p.raw).kind === 'ok');
  if (ready.length === 0) return null;
  const outcome = await applyChanges(
    db,
    ready.map((p) => p.raw),
    options,
  );
  // Those refused again stay parked (with the new reason); the rest are applied or known.
  const again = new Set(outcome.refused.map((r) => r.id));
  await table.bulkDelete(ready.filter((p) => !again.has(p.id)).map((p) => p.id));
  return outcome;
}
