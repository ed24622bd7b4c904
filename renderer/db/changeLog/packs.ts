/**
 * The change log of OTHER devices, stored in packs (table `changePacks`, migration 008): up to
 * {@link PACK_SIZE} changes of one engagement per row, so that storing the 18,801 changes of a
 * new device's first sync costs 38 IndexedDB requests instead of 18,801 (in Chromium a request
 * costs 70–200 µs whatever its size; see shared/sync/DESIGN.md "The change log in packs").
 *
 * Where a change lives:
 * - this device's own changes: rows of `changes` (the outbox reads `[deviceId+seq]`, and the
 *   repositories write them one at a time with the edit);
 * - every change received from elsewhere (sync, archive import or merge): a pack.
 * A change is stored once, in one place: the writers (applyChanges, the archive import) skip
 * changes already logged, and readers (changeLog/reads.ts) read rows and packs together.
 *
 * Packs are never rewritten: a later change of the same record goes into a later pack.
 */
import type { PromiseExtended } from 'dexie';
import type { ChangeRecord } from '@shared/model/change';
import type { WorkbenchDB } from '../database';

/** Changes per pack at most: a record's history reads whole packs, so they stay small. */
export const PACK_SIZE = 500;

/** One row of `changePacks`. */
export interface ChangePack {
  /** `pack:` and the id of its first change (unique: a change is in one pack only). */
  id: string;
  /** The engagement all its changes belong to. */
  engagementId: string;
  /** The earliest HLC among its changes. */
  minHlc: string;
  /** The latest HLC among its changes (indexed, alone and with the engagement). */
  maxHlc: string;
  /** `entity \0 recordId` of every record it changes, once each (multi-entry index). */
  recordKeys: string[];
  /** The id of every change it holds (multi-entry index). */
  changeIds: string[];
  /** The changes, in HLC order (then id), exactly as received. */
  changes: ChangeRecord[];
}

/** The key of a record in `recordKeys` (and in the readers' maps). */
export function recordKeyOf(entity: string, recordId: string): string {
  return `${entity}\u0000${recordId}`;
}

/** HLC order, then id: the order of the log everywhere (archive, snapshot, history). */
export function byHlc(a: ChangeRecord, b: ChangeRecord): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Groups changes into packs: per engagement, in HLC order, {@link PACK_SIZE} at most per pack.
 * Pure; the caller makes sure none of the changes is logged already.
 */
export function packChanges(changes: readonly ChangeRecord[]): ChangePack[] {
  const byEngagement = new Map<string, ChangeRecord[]>();
  for (const change of changes) {
    const list = byEngagement.get(change.engagementId);
    if (list) list.push(change);
    else byEngagement.set(change.engagementId, [change]);
  }
  const packs: ChangePack[] = [];
  for (const [engagementId, list] of byEngagement) {
    const sorted = [...list].sort(byHlc);
    for (let start = 0; start < sorted.length; start += PACK_SIZE) {
      const part = sorted.slice(start, start + PACK_SIZE);
      const first = part[0] as ChangeRecord;
      const last = part[part.length - 1] as ChangeRecord;
      packs.push({
        id: `pack:${first.id}`,
        engagementId,
        minHlc: first.hlc,
        maxHlc: last.hlc,
        recordKeys: [...new Set(part.map((c) => recordKeyOf(c.entity, c.recordId)))],
        changeIds: part.map((c) => c.id),
        changes: part,
      });
    }
  }
  return packs;
}

/**
 * Stores changes not logged yet: those of `ownDeviceId` as rows of `changes`, the rest in new
 * packs. A Dexie promise, so a caller's transaction follows it; the caller's transaction must
 * include both tables.
 */
export function storeChanges(
  db: WorkbenchDB,
  changes: readonly ChangeRecord[],
  ownDeviceId: string,
): PromiseExtended<unknown> {
  const own: ChangeRecord[] = [];
  const others: ChangeRecord[] = [];
  for (const change of changes) (change.deviceId === ownDeviceId ? own : others).push(change);
  const packs = packChanges(others);
  // bulkAdd: a pack is never rewritten, so an id already taken (a change stored twice, which the
  // callers rule out) fails the transaction rather than replacing the packed changes.
  if (own.length === 0) return db.changePacks.bulkAdd(packs);
  if (packs.length === 0) return db.changes.bulkPut(own);
  return db.changes.bulkPut(own).then(() => db.changePacks.bulkAdd(packs));
}
