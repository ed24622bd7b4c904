import type { Table } from 'dexie';
import { parseArchiveText, type ArchiveRecord, type ParsedArchive } from '@shared/archive';
import { entityTables, type EntityName } from '@shared/model/registry';
import type { WorkbenchStore } from '../repositories/store';
import { metaSeqKey } from '../repositories/changeLog';
import { recordKeyOf, storeChanges } from '../changeLog/packs';
import { pendingKey } from '../sync/chunkReads';
import { SYNC_STATE_TABLE } from '@shared/sync/conflict';
import { loggedChangeIds, readChangesById } from '../changeLog/reads';
import { ArchiveImportError, isQuotaError, QUOTA_MESSAGE } from './errors';
import { mergeArchive } from './merge';
import { refusedMemoChange } from '@shared/memo/freeze';
import type { ChangeRecord } from '@shared/model/change';

/**
 * The first change of the archive's log that changes an issued memo after issue (the freeze
 * rule of shared/memo/freeze.ts, the same the sync and the merge apply), with the reason.
 */
export function frozenMemoChange(
  changes: readonly ChangeRecord[],
): { change: ChangeRecord; reason: string } | null {
  const memoChanges = changes
    .filter((c) => c.entity === 'memo')
    .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : 1));
  const issued = new Set<string>();
  for (const change of memoChanges) {
    const reason = refusedMemoChange(change, issued.has(change.recordId));
    if (reason !== null) return { change, reason };
    if (change.op === 'create') issued.add(change.recordId);
  }
  return null;
}

/**
 * How an archive is written: `copy` adds the engagement as it is in the file to a profile that
 * does not have it; `merge` brings its changes into the same engagement already here (by record
 * id, newer change wins per field, nothing dropped); `auto` copies when the engagement is not
 * here and merges when it is.
 */
export type ArchiveImportMode = 'copy' | 'merge' | 'auto';

/** Options of {@link importArchive}. */
export interface ImportArchiveOptions {
  /** copy, merge or auto (default auto). */
  mode?: ArchiveImportMode;
  /** For a merge from an engagement's Data tab: the archive must be of this engagement. */
  intoEngagementId?: string;
}

/** What an import did. */
export interface ArchiveImportResult {
  /** How it was written. */
  mode: 'copy' | 'merge';
  /** The imported engagement. */
  engagementId: string;
  /** Records created or changed. */
  recordsWritten: number;
  /** Change-log entries added (0 when the same archive is imported again). */
  changesAdded: number;
  /** Concurrent edits kept for review instead of being overwritten (merge only). */
  conflicts: number;
}

/** Runs a write and turns a full disk into a clear ArchiveImportError (nothing was written). */
export async function withQuotaMessage<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new ArchiveImportError('quota', QUOTA_MESSAGE);
    throw error;
  }
}

/**
 * The ids among `ids` that the table already holds, found with ONE read of the stored keys
 * between the smallest and the largest id (IndexedDB orders string keys as `<` does), instead
 * of one lookup per id: into a fresh profile that read returns nothing at all.
 */
async function storedIds(table: Table<unknown, string>, ids: string[]): Promise<Set<string>> {
  let low = ids[0];
  let high = ids[0];
  if (low === undefined || high === undefined) return new Set();
  for (const id of ids) {
    if (id < low) low = id;
    if (id > high) high = id;
  }
  const keys = await table.where(':id').between(low, high, true, true).primaryKeys();
  if (keys.length === 0) return new Set();
  const wanted = new Set(ids);
  return new Set(keys.filter((key) => wanted.has(key)));
}

/**
 * Writes a fresh copy: every record and the change log exactly as in the archive, in ONE
 * transaction (a later export gives the same file but for its export time). The local clock
 * moves past the archive's newest change and this device's sequence counter past its own
 * changes in the archive, so later local writes order after the imported ones.
 *
 * For a large engagement the ids are checked with one key read per table (see storedIds) and
 * the rows then written with bulkPut, which IndexedDB does not have to check key by key: the
 * transaction keeps anything else from writing in between, so nothing can be overwritten.
 *
 * The imported change log is kept whole (it IS the records' history and the sync's data: a
 * create change's values equal the record's only until the record is next edited), but stored
 * in packs of up to 500 changes (changeLog/packs.ts), not one row per change: in Chromium a row
 * costs an IndexedDB request whatever its size, so the log used to be half the import's time.
 * Changes of this device's own id (its own archive imported back) stay rows, for the outbox.
 */
async function writeCopy(
  store: WorkbenchStore,
  archive: ParsedArchive,
): Promise<ArchiveImportResult> {
  const { db } = store;
  const { content } = archive;
  const engagementId = content.engagement.id;
  return db.transaction('rw', db.tables, async () => {
    const frozen = frozenMemoChange(content.changes);
    if (frozen !== null) {
      throw new ArchiveImportError(
        'frozen-memo',
        `This archive changes an issued memo after it was issued (change ${frozen.change.id}: ` +
          `${frozen.reason}). Nothing was imported.`,
      );
    }
    if (await db.engagements.get(engagementId)) {
      throw new ArchiveImportError(
        'exists',
        `“${content.engagement.client} – ${content.engagement.title}” is already in this profile: ` +
          'merge the archive into it instead.',
      );
    }
    // Every id check first (one key-range read per table, all in flight together), then every
    // write issued at once: this thread serialises the next table's rows while IndexedDB is
    // still storing the previous ones, instead of waiting for each table in turn.
    const lists = Object.entries(content.records).filter(
      (entry): entry is [string, ArchiveRecord[]] => entry[1] !== undefined && entry[1].length > 0,
    );
    const tables = lists.map(([entity]) =>
      db.table<ArchiveRecord, string>(entityTables[entity as EntityName]),
    );
    const changeIds = content.changes.map((c) => c.id);
    const [clashes, known] = await Promise.all([
      Promise.all(
        lists.map(([, records], i) =>
          storedIds(
            tables[i]!,
            records.map((r) => r.id),
          ),
        ),
      ),
      loggedChangeIds(db, changeIds),
    ]);
    lists.forEach(([entity, records], i) => {
      const clash = records.find((r) => clashes[i]!.has(r.id));
      if (clash !== undefined) {
        throw new ArchiveImportError(
          'id-clash',
          `${entity} ${clash.id} already exists in this profile (in another engagement): ` +
            'the archive cannot be copied in.',
        );
      }
    });
    // Changes already here (the same changes, reached this profile earlier) are kept as they
    // are; a change id used here by another engagement is not the same change: refused.
    if (known.size > 0) {
      const stored = await readChangesById(db, [...known]);
      const foreign = stored.find((c) => c.engagementId !== engagementId);
      if (foreign) {
        throw new ArchiveImportError(
          'id-clash',
          `change ${foreign.id} already exists in this profile (for another engagement): ` +
            'the archive cannot be copied in.',
        );
      }
    }
    const newChanges =
      known.size > 0 ? content.changes.filter((c) => !known.has(c.id)) : content.changes;
    await Promise.all([
      db.engagements.add(content.engagement),
      ...lists.map(([, records], i) => tables[i]!.bulkPut(records)),
      storeChanges(db, newChanges, store.deviceId),
    ]);
    // Records with logged changes but no record in the archive (their create never reached the
    // exporting profile) are pending, as the sync marks them: a later change of such a record
    // then reads its log (last-writer-wins, duplicates), and its create materialises it.
    const present = new Set([recordKeyOf('engagement', engagementId)]);
    for (const [entity, records] of lists) {
      for (const record of records) present.add(recordKeyOf(entity, record.id));
    }
    const pending = new Set<string>();
    for (const change of content.changes) {
      const key = recordKeyOf(change.entity, change.recordId);
      if (!present.has(key)) pending.add(pendingKey(key));
    }
    if (pending.size > 0) {
      await db
        .table<{ key: string; value: unknown }, string>(SYNC_STATE_TABLE)
        .bulkPut([...pending].map((key) => ({ key, value: true })));
    }
    const recordsWritten = 1 + lists.reduce((n, [, records]) => n + records.length, 0);

    const newest = content.changes.reduce<string | null>(
      (max, c) => (max === null || c.hlc > max ? c.hlc : max),
      null,
    );
    if (newest !== null) await store.clock.receive(newest);
    const ownSeq = content.changes
      .filter((c) => c.deviceId === store.deviceId)
      .reduce((max, c) => Math.max(max, c.seq), 0);
    if (ownSeq > 0) {
      const key = metaSeqKey(store.deviceId);
      const current = await db.meta.get(key);
      const seq = typeof current?.value === 'number' ? current.value : 0;
      if (ownSeq > seq) await db.meta.put({ key, value: ownSeq });
    }
    return {
      mode: 'copy' as const,
      engagementId,
      recordsWritten,
      changesAdded: newChanges.length,
      conflicts: 0,
    };
  });
}

/**
 * Writes a checked archive (see parseArchiveText) into the database: all or nothing, in one
 * transaction. Importing the same archive twice changes nothing the second time. A full disk
 * is reported as ArchiveImportError('quota') with nothing written.
 */
export async function importArchive(
  store: WorkbenchStore,
  archive: ParsedArchive,
  options: ImportArchiveOptions = {},
): Promise<ArchiveImportResult> {
  const engagement = archive.content.engagement;
  if (options.intoEngagementId !== undefined && options.intoEngagementId !== engagement.id) {
    throw new ArchiveImportError(
      'missing-engagement',
      `This archive holds another engagement (“${engagement.client} – ${engagement.title}”). ` +
        'To merge, pick an archive of this engagement; to add it as a copy, use “Import engagement…”.',
    );
  }
  const exists = (await store.db.engagements.get(engagement.id)) !== undefined;
  const mode = options.mode ?? 'auto';
  if (mode === 'copy' || (mode === 'auto' && !exists)) {
    return withQuotaMessage(() => writeCopy(store, archive));
  }
  if (!exists) {
    // Merging into nothing is a copy: the archive is the only version there is.
    return withQuotaMessage(() => writeCopy(store, archive));
  }
  return withQuotaMessage(() => mergeArchive(store, archive));
}

/**
 * Reads, checks and writes an archive's text in one go (the parse runs on this thread; the UI
 * uses a worker for the parse and then {@link importArchive}). Throws ArchiveError for a bad
 * file and ArchiveImportError when it cannot be written; nothing is written in either case.
 */
export async function importArchiveText(
  store: WorkbenchStore,
  text: string,
  fileName: string,
  options: ImportArchiveOptions = {},
): Promise<ArchiveImportResult> {
  const parsed = await parseArchiveText(text, fileName);
  return importArchive(store, parsed, options);
}
