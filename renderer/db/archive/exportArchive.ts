import type { ArchiveContent, ArchiveRecord, SerializedArchive } from '@shared/archive';
import { archiveFileName, archivedEntities, serializeArchive } from '@shared/archive';
import { entityTables } from '@shared/model/registry';
import type { WorkbenchDB } from '../database';
import { readEngagementLog } from '../changeLog/reads';
import { RecordNotFoundError } from '../errors';

/**
 * Everything an archive of one engagement holds, read in one transaction: the engagement (also
 * an archived or deleted one), every record of every engagement-scoped entity of the registry
 * (tombstones and issued memos included), and the engagement's whole change log.
 */
export async function collectArchiveContent(
  db: WorkbenchDB,
  engagementId: string,
): Promise<ArchiveContent> {
  return db.transaction('r', db.tables, async () => {
    const engagement = await db.engagements.get(engagementId);
    if (!engagement) throw new RecordNotFoundError('engagement', engagementId);
    const records: ArchiveContent['records'] = {};
    for (const entity of archivedEntities()) {
      records[entity] = (await db
        .table(entityTables[entity])
        .where('engagementId')
        .equals(engagementId)
        .toArray()) as ArchiveRecord[];
    }
    // Rows and packs, in the archive's order (HLC, then id).
    const changes = await readEngagementLog(db, engagementId);
    return { engagement, records, changes };
  });
}

/** Options of {@link exportEngagementArchive}. */
export interface ExportArchiveOptions {
  /** The app's version, written into the file. */
  appVersion: string;
  /** The clock (the export time is the only thing that differs between two exports). */
  now?: () => Date;
  /** Writes the text (default: serializeArchive here; the UI passes one running in a worker). */
  serialize?: typeof serializeArchive;
}

/** An exported engagement: the file's text, its proposed name, and what it holds. */
export interface ExportedArchive extends SerializedArchive {
  /** A proposed file name, for example "NWL-database-operations-review-2026-11-26.engagement.json". */
  fileName: string;
}

/** Exports one engagement as an archive text (see shared/archive for the format). */
export async function exportEngagementArchive(
  db: WorkbenchDB,
  engagementId: string,
  options: ExportArchiveOptions,
): Promise<ExportedArchive> {
  const content = await collectArchiveContent(db, engagementId);
  const exportedAt = (options.now ?? (() => new Date()))().toISOString();
  const serialized = await serializeArchive(content, {
    appVersion: options.appVersion,
    exportedAt,
  });
  return { ...serialized, fileName: archiveFileName(content.engagement, exportedAt) };
}
