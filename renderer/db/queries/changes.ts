import Dexie from 'dexie';
import type { ChangeRecord } from '@shared/model/change';
import type { EntityName } from '@shared/model/registry';
import type { WorkbenchDB } from '../database';

/** The change log of one record, oldest first (HLC order: causal across devices). */
export async function listRecordHistory(
  db: WorkbenchDB,
  entity: EntityName,
  recordId: string,
): Promise<ChangeRecord[]> {
  return db.changes.where('[entity+recordId]').equals([entity, recordId]).sortBy('hlc');
}

/** Options of {@link listEngagementHistory}. */
export interface EngagementHistoryOptions {
  /** Newest first (an activity feed) instead of oldest first. */
  newestFirst?: boolean;
  /** At most this many changes (counted from the chosen end). */
  limit?: number;
}

/** The change log of an engagement and every record in it, in HLC order. */
export async function listEngagementHistory(
  db: WorkbenchDB,
  engagementId: string,
  options: EngagementHistoryOptions = {},
): Promise<ChangeRecord[]> {
  let query = db.changes
    .where('[engagementId+hlc]')
    .between([engagementId, Dexie.minKey], [engagementId, Dexie.maxKey]);
  if (options.newestFirst) query = query.reverse();
  if (options.limit !== undefined) query = query.limit(options.limit);
  return query.toArray();
}

/**
 * The changes one device made after sequence number `afterSeq`, in sequence order (what a
 * sync peer has not seen yet).
 */
export async function listDeviceChangesSince(
  db: WorkbenchDB,
  deviceId: string,
  afterSeq: number,
): Promise<ChangeRecord[]> {
  return db.changes
    .where('[deviceId+seq]')
    .between([deviceId, afterSeq], [deviceId, Dexie.maxKey], false, true)
    .toArray();
}
