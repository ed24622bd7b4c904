import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { ChangeRecord } from '@shared/model/change';
import type { MemoDraftRecord } from '@shared/model/memoDraft';
import type { ChangePack } from './changeLog/packs';
import type { AttachmentBlob, AttachmentData } from './attachmentBlobs';
import { entityTables, type EntityName, type EntityRecord } from '@shared/model/registry';
import { applyMigrations } from './migrations';

/** The IndexedDB database name the app uses. */
export const DEFAULT_DB_NAME = 'engagement-workbench';

/** One key/value entry of the `meta` table (device sequence counter, last HLC...). */
export interface MetaEntry {
  /** The entry's key, for example "hlc" or "seq:<deviceId>". */
  key: string;
  /** The stored value. */
  value: unknown;
}

/** The typed Dexie table of one entity (primary key `id`). */
export type EntityTableOf<N extends EntityName> = EntityTable<EntityRecord<N>, 'id'>;

/** Minimal shape of an IndexedDB factory (the browser's `indexedDB`, or fake-indexeddb's). */
export interface IdbFactoryLike {
  /** Opens (or creates) a database; returns an IDBOpenDBRequest. */
  open(name: string, version?: number): unknown;
  /** Lists the existing databases with their versions (missing in some older engines). */
  databases?: () => Promise<ReadonlyArray<{ name?: string; version?: number }>>;
}

/** The IndexedDB implementation to use instead of the global one (tests pass fake-indexeddb). */
export interface IndexedDbDeps {
  /** The IndexedDB factory. */
  indexedDB: IdbFactoryLike;
  /** The matching IDBKeyRange class. */
  IDBKeyRange: NonNullable<DexieOptions['IDBKeyRange']>;
}

/**
 * The app's IndexedDB database. Components never use it directly: reads go through the query
 * functions and hooks, writes through the repositories of `createStore()`.
 *
 * The database does not open itself (`autoOpen: false`): open it with `openWorkbenchDb()`,
 * which refuses a database written by a newer version of the app.
 */
export class WorkbenchDB extends Dexie {
  declare engagements: EntityTableOf<'engagement'>;
  declare stakeholders: EntityTableOf<'stakeholder'>;
  declare ownershipAreas: EntityTableOf<'ownershipArea'>;
  declare risks: EntityTableOf<'risk'>;
  declare raisedIssues: EntityTableOf<'raisedIssue'>;
  declare acknowledgements: EntityTableOf<'acknowledgement'>;
  declare notes: EntityTableOf<'note'>;
  declare decisions: EntityTableOf<'decision'>;
  /** Issued memos (immutable snapshots; see repositories/memos.ts). */
  declare memos: EntityTableOf<'memo'>;
  /** Files attached to records (the records about them; migration 011). */
  declare attachments: EntityTableOf<'attachment'>;
  /** The bytes of attachments, one row per SHA-256 (see shared/attachments/DESIGN.md). */
  declare attachmentBlobs: EntityTable<AttachmentBlob, 'sha256'>;
  /** Bytes stored while they were hashed, named by an `attachmentBlobs` row (migration 012). */
  declare attachmentData: EntityTable<AttachmentData, 'id'>;
  /** Memo drafts of this device (autosaved; see repositories/memoDrafts.ts). Not synced. */
  declare memoDrafts: EntityTable<MemoDraftRecord, 'id'>;
  /** The change log: one entry per write, appended in the write's transaction. */
  declare changes: EntityTable<ChangeRecord, 'id'>;
  /** The change log of other devices, in packs (migration 008; see changeLog/packs.ts). */
  declare changePacks: EntityTable<ChangePack, 'id'>;
  /** Key/value state of this device's store (sequence counter, last HLC). */
  declare meta: EntityTable<MetaEntry, 'key'>;

  constructor(name: string = DEFAULT_DB_NAME, deps?: IndexedDbDeps) {
    super(name, {
      autoOpen: false,
      ...(deps ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : {}),
    });
    applyMigrations(this);
  }

  /** The table of an entity, by entity name (for code that is generic over entities). */
  entityTable<N extends EntityName>(entity: N): Table<EntityRecord<N>, string> {
    return this.table(entityTables[entity]);
  }
}

/** Compile-time check: every table of the registry is declared on WorkbenchDB with its type. */
type DeclaredTables = { [N in EntityName as (typeof entityTables)[N]]: EntityTableOf<N> };
type AssertTrue<T extends true> = T;
type _EveryEntityHasATable = AssertTrue<WorkbenchDB extends DeclaredTables ? true : false>;
