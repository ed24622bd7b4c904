import { useLiveQuery } from 'dexie-react-hooks';
import type { Acknowledgement } from '@shared/model/acknowledgement';
import type { ChangeRecord } from '@shared/model/change';
import type { Engagement } from '@shared/model/engagement';
import type { Note } from '@shared/model/note';
import type { EngagementScopedEntityName, EntityName, EntityRecord } from '@shared/model/registry';
import type { WorkbenchDB } from '../database';
import {
  listEngagementHistory,
  listRecordHistory,
  type EngagementHistoryOptions,
} from '../queries/changes';
import { getEngagement, listEngagements } from '../queries/engagements';
import { listRecentNotes } from '../queries/overview';
import {
  countRecords,
  getRecord,
  listAcknowledgementsForIssue,
  listDeletedRecords,
  zeroCounts,
  type EngagementCounts,
} from '../queries/records';

/*
 * Live read hooks: each re-renders when the data it read changes (in this window or another).
 * They take the database first (from the app's context) and are thin wrappers over the query
 * functions in ../queries. Every hook returns undefined while the first result loads; a record
 * hook returns null when the record does not exist or no id is given.
 */

/** An id that may not be chosen yet. */
type MaybeId = string | null | undefined;

/** The live engagements (archived ones only with includeArchived), by client then title. */
export function useEngagements(
  db: WorkbenchDB,
  options: { includeArchived?: boolean } = {},
): Engagement[] | undefined {
  const includeArchived = options.includeArchived === true;
  return useLiveQuery(() => listEngagements(db, { includeArchived }), [db, includeArchived]);
}

/** One engagement (including a deleted one: check deletedAt); null if none. */
export function useEngagement(db: WorkbenchDB, id: MaybeId): Engagement | null | undefined {
  return useLiveQuery(async () => (id ? ((await getEngagement(db, id)) ?? null) : null), [db, id]);
}

/** How many live records of each kind the engagement holds (all zero without an id). */
export function useEngagementCounts(
  db: WorkbenchDB,
  engagementId: MaybeId,
): EngagementCounts | undefined {
  return useLiveQuery(
    async () => (engagementId ? countRecords(db, engagementId) : zeroCounts()),
    [db, engagementId],
  );
}

export { useRecords, useRetainRecords } from './recordsFeed';

/** The deleted records of an entity in an engagement (a trash view), latest deleted first. */
export function useDeletedRecords<N extends EngagementScopedEntityName>(
  db: WorkbenchDB,
  entity: N,
  engagementId: MaybeId,
): EntityRecord<N>[] | undefined {
  return useLiveQuery(
    async () => (engagementId ? listDeletedRecords(db, entity, engagementId) : []),
    [db, entity, engagementId],
  );
}

/** One record (including a deleted one: check deletedAt); null if none. */
export function useRecord<N extends EntityName>(
  db: WorkbenchDB,
  entity: N,
  id: MaybeId,
): EntityRecord<N> | null | undefined {
  return useLiveQuery(
    async () => (id ? ((await getRecord(db, entity, id)) ?? null) : null),
    [db, entity, id],
  );
}

/** The live acknowledgements of a raised issue, oldest first. */
export function useAcknowledgementsForIssue(
  db: WorkbenchDB,
  raisedIssueId: MaybeId,
): Acknowledgement[] | undefined {
  return useLiveQuery(
    async () => (raisedIssueId ? listAcknowledgementsForIssue(db, raisedIssueId) : []),
    [db, raisedIssueId],
  );
}

/** A record's change log, oldest first (HLC order). */
export function useRecordHistory(
  db: WorkbenchDB,
  entity: EntityName,
  id: MaybeId,
): ChangeRecord[] | undefined {
  return useLiveQuery(async () => (id ? listRecordHistory(db, entity, id) : []), [db, entity, id]);
}

/** An engagement's change log (all its records), oldest first unless newestFirst. */
export function useEngagementHistory(
  db: WorkbenchDB,
  engagementId: MaybeId,
  options: EngagementHistoryOptions = {},
): ChangeRecord[] | undefined {
  const { newestFirst, limit } = options;
  return useLiveQuery(
    async () =>
      engagementId ? listEngagementHistory(db, engagementId, { newestFirst, limit }) : [],
    [db, engagementId, newestFirst, limit],
  );
}

/**
 * The newest `limit` live notes of an engagement (one short read on the date index), while
 * `enabled`: what the Notes screen shows while its whole list is still loading.
 */
export function useNewestNotes(
  db: WorkbenchDB,
  engagementId: string,
  limit: number,
  enabled: boolean,
): Note[] | undefined {
  return useLiveQuery(
    async () => (enabled ? listRecentNotes(db, engagementId, limit) : undefined),
    [db, engagementId, limit, enabled],
  );
}
