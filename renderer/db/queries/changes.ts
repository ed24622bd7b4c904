import Dexie from 'dexie';
import type { ChangeRecord } from '@shared/model/change';
import type { EntityName } from '@shared/model/registry';
import type { WorkbenchDB } from '../database';
import { readEngagementLog, readRecordLog, type EngagementLogOptions } from '../changeLog/reads';

/** The change log of one record, oldest first (HLC order: causal across devices), rows and packs. */
export async function listRecordHistory(
  db: WorkbenchDB,
  entity: EntityName,
  recordId: string,
): Promise<ChangeRecord[]> {
  return readRecordLog(db, entity, recordId);
}

/** Options of {@link listEngagementHistory}. */
export type EngagementHistoryOptions = EngagementLogOptions;

/** The change log of an engagement and every record in it, in HLC order. */
export async function listEngagementHistory(
  db: WorkbenchDB,
  engagementId: string,
  options: EngagementHistoryOptions = {},
): Promise<ChangeRecord[]> {
  return readEngagementLog(db, engagementId, options);
}

/**
 * The changes THIS device made after sequence number `afterSeq`, in sequence order (its outbox:
 * what a sync peer has not seen yet). Only this device's own changes are rows of `changes`;
 * other devices' are in packs (changeLog/packs.ts) and are not listed here.
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
