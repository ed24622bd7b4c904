import type { ParsedArchive } from '@shared/archive';
import { entityTables, type EntityName } from '@shared/model/registry';
import type { WorkbenchStore } from '../repositories/store';
import { applyChanges } from '../sync/applyChanges';
import { loggedChangeIds } from '../changeLog/reads';
import type { ArchiveImportResult } from './importArchive';

/**
 * Merges an archive into the same engagement already in this profile, with the sync's rules:
 * the archive's change log goes through `applyChanges` (idempotent by change id, last writer
 * wins per field by HLC, tombstones are fields, concurrent long-text edits kept as conflicts).
 * All of it runs in ONE transaction (applyChanges' chunks join it), so a failure writes nothing.
 * Nothing is silently dropped: a record of the archive that its change log did not bring in
 * (no create change in the file) is added as it is in the file.
 */
export async function mergeArchive(
  store: WorkbenchStore,
  archive: ParsedArchive,
): Promise<ArchiveImportResult> {
  const { db } = store;
  const { content } = archive;
  return db.transaction('rw', db.tables, async () => {
    // Only the changes this profile does not have yet: a second import of the same archive then
    // touches nothing at all (not even the clock).
    const known = await loggedChangeIds(
      db,
      content.changes.map((c) => c.id),
    );
    const unknown = content.changes.filter((c) => !known.has(c.id));
    const applied =
      unknown.length > 0
        ? await applyChanges(db, unknown, { deviceId: store.deviceId })
        : { recordsWritten: 0, applied: 0, conflicts: 0 };
    let recordsWritten = applied.recordsWritten;
    const all: [EntityName, Array<{ id: string }>][] = [
      ['engagement', [content.engagement]],
      ...(Object.entries(content.records) as [EntityName, Array<{ id: string }>][]),
    ];
    for (const [entity, records] of all) {
      if (records.length === 0) continue;
      const table = db.table(entityTables[entity]);
      const here = await table.bulkGet(records.map((r) => r.id));
      const missing = records.filter((_, i) => here[i] === undefined);
      if (missing.length > 0) {
        await table.bulkAdd(missing);
        recordsWritten += missing.length;
      }
    }
    return {
      mode: 'merge' as const,
      engagementId: content.engagement.id,
      recordsWritten,
      changesAdded: applied.applied,
      conflicts: applied.conflicts,
    };
  });
}
