import type { ChangeRecord } from '@shared/model/change';
import { entityNames, entityTables, type EntityName } from '@shared/model/registry';
import type { WorkbenchDB } from '../database';
import {
  listEngagementHistory,
  listRecordHistory,
  type EngagementHistoryOptions,
} from '../queries/changes';
import { currentHlc, receiveRemoteHlc, type ReceivedHlc } from './changeLog';
import type { WriteContext } from './context';
import { createRepository } from './core';
import { importEngagementData } from './engagementImport';
import type { EngagementData } from '@shared/model/engagementData';
import { createEngagementRepository, type EngagementRepository } from './engagements';
import { createMemoDraftRepository, type MemoDraftRepository } from './memoDrafts';
import { guardMemoRepository } from './memos';
import { createAttachmentRepository, type AttachmentRepository } from './attachments';
import {
  createAcknowledgementRepository,
  createRaisedIssueRepository,
  type RaisedIssueRepository,
} from './raisedIssues';
import type { Repository } from './types';

/** Options of {@link createStore}. */
export interface StoreOptions {
  /** The open database (from openWorkbenchDb). */
  db: WorkbenchDB;
  /** This device's id (settings.deviceId, a UUID). */
  deviceId: string;
  /** This device's name (settings.deviceName), copied onto change records. */
  deviceName?: string;
  /** The consultant's name (settings.consultantName), copied onto change records. */
  actor?: string;
  /** The wall clock; tests inject a fixed one. */
  now?: () => Date;
  /** Hashes attachments off the window's thread (see WriteContext.hashBlob). */
  hashBlob?: (blob: Blob) => Promise<string>;
}

/** One repository per entity, keyed by table name (engagements, stakeholders, ...). */
type RepositoriesByTable = { [N in EntityName as (typeof entityTables)[N]]: Repository<N> };

/** Every writer of the app, plus change-log reads and the clock. */
export type WorkbenchStore = Omit<
  RepositoriesByTable,
  'engagements' | 'raisedIssues' | 'attachments'
> & {
  /** The database the store writes (reads go through queries/hooks with it). */
  readonly db: WorkbenchDB;
  /** The device id stamped on every change. */
  readonly deviceId: string;
  /** Engagements, with archive / unarchive / rename. */
  engagements: EngagementRepository;
  /** Raised issues, with recordAcknowledgement. */
  raisedIssues: RaisedIssueRepository;
  /** Attachments, with attach() (bytes and record in one transaction). */
  attachments: AttachmentRepository;
  /** Memo drafts of this device (autosaved composer state; no change log, not synced). */
  memoDrafts: MemoDraftRepository;
  /** The repository of an entity by name (for code generic over entities). */
  repository<N extends EntityName>(entity: N): Repository<N>;
  /** Change-log reads, in HLC order (oldest first unless asked otherwise). */
  changes: {
    forRecord(entity: EntityName, id: string): Promise<ChangeRecord[]>;
    forEngagement(
      engagementId: string,
      options?: EngagementHistoryOptions,
    ): Promise<ChangeRecord[]>;
  };
  /** This database's hybrid logical clock (for the sync). */
  clock: {
    /** Merges a remote change's HLC; `clamped` says it was too far ahead and was not adopted. */
    receive(remoteHlc: string, maxDriftMs?: number): Promise<ReceivedHlc>;
    /** The last timestamp issued or received, or null before the first write. */
    current(): Promise<string | null>;
  };
  /**
   * Runs several writes as ONE transaction over every table: if `fn` throws (or any write
   * fails validation), nothing of it is stored. Only await store/db calls inside `fn`.
   */
  atomically<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Writes a whole engagement whose records carry their own ids (the sample engagement, an
   * archive): validated first, all or nothing, one `create` change per record. Resolves to the
   * number of records written.
   */
  importEngagement(data: EngagementData): Promise<number>;
};

/** Creates the store: the only way the app writes data. */
export function createStore(options: StoreOptions): WorkbenchStore {
  const ctx: WriteContext = {
    db: options.db,
    deviceId: options.deviceId,
    deviceName: options.deviceName,
    actor: options.actor,
    now: options.now ?? (() => new Date()),
    ...(options.hashBlob ? { hashBlob: options.hashBlob } : {}),
  };
  const { db } = ctx;

  const byEntity = new Map<EntityName, Repository<EntityName>>();
  for (const entity of entityNames) byEntity.set(entity, createRepository(ctx, entity));
  const engagements = createEngagementRepository(ctx);
  const acknowledgements = createAcknowledgementRepository(
    ctx,
    byEntity.get('acknowledgement') as Repository<'acknowledgement'>,
  );
  byEntity.set('acknowledgement', acknowledgements);
  const raisedIssues = createRaisedIssueRepository(ctx, acknowledgements);
  byEntity.set('engagement', engagements);
  byEntity.set('raisedIssue', raisedIssues);
  byEntity.set('memo', guardMemoRepository(byEntity.get('memo') as Repository<'memo'>));
  const attachments = createAttachmentRepository(
    ctx,
    byEntity.get('attachment') as Repository<'attachment'>,
  );
  byEntity.set('attachment', attachments);

  const repositories: Record<string, Repository<EntityName>> = {};
  for (const [entity, repository] of byEntity) repositories[entityTables[entity]] = repository;

  return {
    ...(repositories as RepositoriesByTable),
    db,
    deviceId: ctx.deviceId,
    engagements,
    raisedIssues,
    attachments,
    memoDrafts: createMemoDraftRepository(db, ctx.now),
    repository: <N extends EntityName>(entity: N) => byEntity.get(entity) as Repository<N>,
    changes: {
      forRecord: (entity, id) => listRecordHistory(db, entity, id),
      forEngagement: (engagementId, historyOptions) =>
        listEngagementHistory(db, engagementId, historyOptions),
    },
    clock: {
      receive: (remoteHlc, maxDriftMs) => receiveRemoteHlc(ctx, remoteHlc, maxDriftMs),
      current: () => currentHlc(ctx),
    },
    atomically: (fn) => db.transaction('rw', db.tables, fn),
    importEngagement: (data) => importEngagementData(ctx, data),
  };
}
