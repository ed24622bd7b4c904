import {
  ArchiveError,
  ZIP_ARCHIVE_EXTENSION,
  ARCHIVE_EXTENSION,
  parseArchiveText,
  readArchiveZip,
  writeArchiveZip,
  type ArchiveRecord,
  type ParsedArchive,
} from '@shared/archive';
import type { WorkbenchStore } from '../repositories/store';
import { readAttachmentArray, storeCheckedBytes } from '../attachmentBlobs';
import type { WorkbenchDB } from '../database';
import { exportEngagementArchive, type ExportArchiveOptions } from './exportArchive';
import {
  importArchive,
  withQuotaMessage,
  type ArchiveImportResult,
  type ImportArchiveOptions,
} from './importArchive';

/** An engagement exported as one zip (shared/archive/zip.ts). */
export interface ExportedZip {
  /** The zip's bytes. */
  bytes: Uint8Array;
  /** "NWL-database-operations-review-2026-11-26.engagement.zip". */
  fileName: string;
  /** The SHA-256 of the records' canonical content (as in the .engagement.json). */
  checksum: string;
  /** Distinct files included. */
  attachments: number;
  /** Distinct files the records name that this device does not hold (not included). */
  missing: string[];
}

/** The distinct SHA-256s the archive's attachment records name, with their sizes. */
function referencedFiles(records: readonly ArchiveRecord[] | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records ?? []) {
    if (typeof r.sha256 === 'string' && typeof r.size === 'number') out.set(r.sha256, r.size);
  }
  return out;
}

/** Exports an engagement's records and the bytes of every attachment it names, each once. */
export async function exportEngagementZip(
  db: WorkbenchDB,
  engagementId: string,
  options: ExportArchiveOptions,
): Promise<ExportedZip> {
  const at = (options.now ?? (() => new Date()))();
  const exported = await exportEngagementArchive(db, engagementId, { ...options, now: () => at });
  const records = (await db.attachments
    .where('engagementId')
    .equals(engagementId)
    .toArray()) as ArchiveRecord[];
  const files = new Map<string, Uint8Array>();
  const missing: string[] = [];
  for (const sha256 of referencedFiles(records).keys()) {
    const bytes = await readAttachmentArray(db, sha256);
    if (bytes) files.set(sha256, bytes);
    else missing.push(sha256);
  }
  return {
    bytes: writeArchiveZip(exported.text, files, at.toISOString()),
    fileName: exported.fileName.slice(0, -ARCHIVE_EXTENSION.length) + ZIP_ARCHIVE_EXTENSION,
    checksum: exported.checksum,
    attachments: files.size,
    missing,
  };
}

/** What a zip import did besides the records. */
export interface ZipImportResult extends ArchiveImportResult {
  /** Distinct files stored (new to this device) or already here. */
  attachmentsStored: number;
  /** Files the records name that the zip does not hold ("not on this device yet"). */
  attachmentsMissing: number;
  /** Files in the zip that no record names: ignored. */
  attachmentsIgnored: number;
}

/** A zipped archive read and checked, waiting to be written. */
export interface CheckedZip {
  /** The records, checked as a `.engagement.json` is. */
  parsed: ParsedArchive;
  /** The files by SHA-256, each checked against its name (Blobs: a large file need not stay in memory). */
  files: Map<string, Blob>;
  /** The SHA-256s the attachment records name, with their sizes. */
  named: Map<string, number>;
}

/**
 * Checks what a zip held, once its entries are read (each file already against its name): the
 * records as a `.engagement.json` is, every file against the size its record names. Throws
 * ArchiveError.
 */
export async function checkZipContent(
  text: string,
  files: Map<string, Blob>,
  fileName: string,
  onProgress?: Parameters<typeof parseArchiveText>[2],
): Promise<CheckedZip> {
  const parsed = await parseArchiveText(text, fileName, onProgress);
  const named = referencedFiles(parsed.content.records.attachment);
  for (const [sha256, data] of files) {
    const size = named.get(sha256);
    if (size !== undefined && size !== data.size) {
      throw new ArchiveError(fileName, 'checksum', [
        {
          where: `attachments/${sha256.slice(0, 16)}…`,
          message: `holds ${data.size} bytes where its record says ${size}`,
        },
      ]);
    }
  }
  return { parsed, files, named };
}

/**
 * Reads and checks a zipped archive held whole, without writing anything (see readArchiveZip
 * and checkZipContent). Throws ArchiveError.
 */
export async function checkArchiveZip(bytes: Uint8Array, fileName: string): Promise<CheckedZip> {
  const zip = await readArchiveZip(bytes, fileName);
  const files = new Map<string, Blob>();
  for (const [sha256, data] of zip.attachments) {
    files.set(sha256, new Blob([data as Uint8Array<ArrayBuffer>]));
  }
  return checkZipContent(zip.text, files, fileName);
}

/**
 * Writes a checked zip: the records (as importArchive does) and the files its records name, in
 * ONE transaction; a full disk is ArchiveImportError('quota') with nothing written.
 */
export async function writeCheckedZip(
  store: WorkbenchStore,
  checked: CheckedZip,
  options: ImportArchiveOptions = {},
): Promise<ZipImportResult> {
  const { db } = store;
  const { parsed, files, named } = checked;
  return withQuotaMessage(() =>
    db.transaction('rw', db.tables, async () => {
      const result = await importArchive(store, parsed, options);
      let stored = 0;
      for (const [sha256, size] of named) {
        const data = files.get(sha256);
        if (!data) continue;
        stored += 1;
        await storeCheckedBytes(db, sha256, size, data);
      }
      return {
        ...result,
        attachmentsStored: stored,
        attachmentsMissing: named.size - stored,
        attachmentsIgnored: [...files.keys()].filter((s) => !named.has(s)).length,
      };
    }),
  );
}

/** Checks and writes a zipped archive (see checkArchiveZip and writeCheckedZip). */
export async function importArchiveZip(
  store: WorkbenchStore,
  bytes: Uint8Array,
  fileName: string,
  options: ImportArchiveOptions = {},
): Promise<ZipImportResult> {
  return writeCheckedZip(store, await checkArchiveZip(bytes, fileName), options);
}
