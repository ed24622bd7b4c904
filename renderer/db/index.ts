/**
 * The renderer's data layer. Components read through the hooks (or the query functions) and
 * write through the store's repositories; they never touch Dexie tables.
 */
export { DEFAULT_DB_NAME, WorkbenchDB } from './database';
export type { EntityTableOf, IdbFactoryLike, IndexedDbDeps, MetaEntry } from './database';
export { openWorkbenchDb, readInstalledVersion } from './open';
export type { OpenOptions, OpenResult } from './open';
export { SCHEMA_VERSION, applyMigrations, migrations } from './migrations';
export type { Migration } from './migrations';
export { DeletedRecordError, RecordNotFoundError, ValidationError } from './errors';
export type { FieldIssue, ValidatedKind } from './errors';
export { createStore } from './repositories/store';
export { sweepStagedBytes } from './repositories/stagedBytes';
export type { StoreOptions, WorkbenchStore } from './repositories/store';
export { createRepository } from './repositories/core';
export { createMemoDraftRepository, validateMemoDraft } from './repositories/memoDrafts';
export type { MemoDraftRepository } from './repositories/memoDrafts';
export { getMemoDraft, listMemoDrafts } from './queries/memoDrafts';
export { useMemoDrafts } from './hooks/memoDrafts';
export type { CreateInput, PatchOrUpdater, RecordPatch, Repository } from './repositories/types';
export type { EngagementRepository } from './repositories/engagements';
export { statusAfterAcknowledgement } from './repositories/raisedIssues';
export type {
  AcknowledgementForIssue,
  RaisedIssueRepository,
  RecordAcknowledgementOptions,
} from './repositories/raisedIssues';
export type { ReceivedHlc } from './repositories/changeLog';
export { getEngagement, listDeletedEngagements, listEngagements } from './queries/engagements';
export type { ListEngagementsOptions } from './queries/engagements';
export {
  countRecords,
  getRecord,
  listAcknowledgementsForIssue,
  listDeletedRecords,
  listNotesBetween,
  listRaisedIssuesByStatus,
  listRecords,
} from './queries/records';
export type { EngagementCounts } from './queries/records';
export {
  listDeviceChangesSince,
  listEngagementHistory,
  listRecordHistory,
} from './queries/changes';
export type { EngagementHistoryOptions } from './queries/changes';
export { recordOrder, sortRecords } from './queries/order';
export {
  useAcknowledgementsForIssue,
  useDeletedRecords,
  useEngagement,
  useEngagementCounts,
  useEngagementHistory,
  useEngagements,
  useNewestNotes,
  useRecord,
  useRecordHistory,
  useRecords,
  useRetainRecords,
} from './hooks/records';
export { recordsFeed } from './hooks/recordsFeed';
export { resolveRecordNames } from './queries/recordNames';
export { LiveSearchIndex, liveSearchIndexOf } from './queries/liveSearchIndex';
export type { IndexStatus } from './queries/liveSearchIndex';
export { useRecordNames } from './hooks/recordNames';
export {
  listAcknowledgementsForIssues,
  listRaisedIssuesWithStatus,
  listRecentNotes,
  loadOverview,
} from './queries/overview';
export type { OverviewData } from './queries/overview';
export { overviewFeed, useOverview, useRetainOverview } from './hooks/overview';
export type { OverviewView } from './hooks/overview';
export { loadToday } from './queries/today';
export { useTodayList } from './hooks/today';
export { createFeedRegistry, createLiveFeed } from './hooks/liveFeed';
export type { FeedState, LiveFeed } from './hooks/liveFeed';
export { requestPersistentStorage } from './persistence';
export type { PersistenceOutcome, StorageManagerLike } from './persistence';
export { applyChanges, checkChange, retryParkedChanges } from './sync/applyChanges';
export type { ApplyOptions, ApplyResult, ParkedChange, SkewedDevice } from './sync/applyChanges';
export { createDexieSyncDatabase } from './sync/dexieSyncDatabase';
export type { DexieSyncDatabaseOptions } from './sync/dexieSyncDatabase';
export { conflictSides, listOpenConflicts, resolveConflict } from './sync/conflicts';
export type { ConflictChoice } from './sync/conflicts';
