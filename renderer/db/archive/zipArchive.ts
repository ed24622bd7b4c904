import {
  ArchiveError,
  ZIP_ARCHIVE_EXTENSION,
  ARCHIVE_EXTENSION,
  parseArchiveText,
  readArchiveZip,
  writeArchiveZipTo,
  type ArchiveRecord,
  type ParsedArchive,
  type ZipSink,
  memorySink,
  MAX_ZIP_FILE_BYTES,
  ZIP_LIMITS,
} from '@shared/archive';
import type { WorkbenchStore } from '../repositories/store';
import { heldHashes, readAttachmentArray, storeCheckedBytes } from '../attachmentBlobs';
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

/** What a zip export will hold, before any file's bytes are read. */
export interface ZipExportPlan {
  /** The records, as the .engagement.json holds them. */
  text: string;
  fileName: string;
  checksum: string;
  /** When it was exported (every entry's time). */
  at: string;
  /** Distinct files the records name that this device holds (each goes in once). */
  held: string[];
  /** Distinct files the records name that this device does not hold (left out). */
  missing: string[];
  /** Their bytes in all (for progress). */
  heldBytes: number;
}

/** Exports the records and lists the files of an engagement's zip (no bytes read yet). */
export async function planEngagementZip(
  db: WorkbenchDB,
  engagementId: string,
  options: ExportArchiveOptions,
): Promise<ZipExportPlan> {
  const at = (options.now ?? (() => new Date()))();
  const exported = await exportEngagementArchive(db, engagementId, { ...options, now: () => at });
  const records = (await db.attachments
    .where('engagementId')
    .equals(engagementId)
    .toArray()) as ArchiveRecord[];
  const named = referencedFiles(records);
  const heldHere = await heldHashes(db);
  const held = [...named.keys()].filter((sha256) => heldHere.has(sha256));
  return {
    text: exported.text,
    fileName: exported.fileName.slice(0, -ARCHIVE_EXTENSION.length) + ZIP_ARCHIVE_EXTENSION,
    checksum: exported.checksum,
    at: at.toISOString(),
    held: held.sort(),
    missing: [...named.keys()].filter((sha256) => !heldHere.has(sha256)),
    heldBytes: held.reduce((n, sha256) => n + (named.get(sha256) ?? 0), 0),
  };
}

/**
 * Why a planned zip should not be written, or null: it must pass the limits this app reads zips
 * with (ZIP_LIMITS: files, records, everything inflated; and the file's size), since an export
 * it cannot import again is no backup.
 */
export function zipPlanProblem(plan: ZipExportPlan): string | null {
  const recordsBytes = new TextEncoder().encode(plan.text).length;
  const total = plan.heldBytes + recordsBytes;
  const fileSize = total + (plan.held.length + 1) * 200; // headers and directory, with room
  const gb = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GB`;
  const nothing =
    'Nothing was written: export the records alone (.engagement.json) and use backups for the files.';
  if (plan.held.length + 1 > ZIP_LIMITS.entries) {
    return `This engagement has ${plan.held.length.toLocaleString('en')} distinct files; a zip this app can import again holds at most ${(ZIP_LIMITS.entries - 1).toLocaleString('en')}. ${nothing}`;
  }
  if (recordsBytes > ZIP_LIMITS.recordsBytes) {
    return `This engagement's records alone take ${gb(recordsBytes)}, over what a zip this app can import again holds (${gb(ZIP_LIMITS.recordsBytes)}). ${nothing}`;
  }
  if (total > ZIP_LIMITS.totalBytes || fileSize > MAX_ZIP_FILE_BYTES) {
    return `This engagement's files add up to ${gb(total)}; a zip this app can import again holds at most ${gb(ZIP_LIMITS.totalBytes)}. ${nothing}`;
  }
  return null;
}

/**
 * Writes a planned zip to `sink`, reading one attachment at a time (an engagement's files may
 * add up to more than the window should hold). A file gone since the plan is left out and
 * counted. Resolves to the files written.
 */
export async function writeEngagementZip(
  db: WorkbenchDB,
  plan: ZipExportPlan,
  sink: ZipSink,
  onFile?: (bytes: number) => void,
): Promise<{ attachments: number; missing: string[] }> {
  const missing = [...plan.missing];
  let attachments = 0;
  await writeArchiveZipTo(
    sink,
    plan.text,
    plan.held,
    async (sha256) => {
      const bytes = (await readAttachmentArray(db, sha256)) ?? null;
      if (bytes === null) missing.push(sha256);
      else attachments += 1;
      onFile?.(bytes?.byteLength ?? 0);
      return bytes;
    },
    plan.at,
  );
  return { attachments, missing };
}

/** Exports an engagement's records and every attachment it names, each once, into memory. */
export async function exportEngagementZip(
  db: WorkbenchDB,
  engagementId: string,
  options: ExportArchiveOptions,
): Promise<ExportedZip> {
  const plan = await planEngagementZip(db, engagementId, options);
  const sink = memorySink();
  const written = await writeEngagementZip(db, plan, sink);
  const bytes = sink.bytes();
  return { bytes, fileName: plan.fileName, checksum: plan.checksum, ...written };
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
