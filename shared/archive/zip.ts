/**
 * A whole engagement as one zip (issue 16): `engagement.json` (the `.engagement.json` archive,
 * byte for byte, its checksum included) and `attachments/<sha256>`, the bytes of every
 * attachment its records name, each distinct file once. Readable without the app: any unzip
 * tool, then `sha256sum attachments/*` against the names and the records.
 *
 * Reading (`zipDirectory.ts`, then `zipStream.ts`): the central directory first, from the
 * file's tail: at most {@link ZIP_LIMITS}.entries entries, names of the two kinds only, each
 * declared size within its limit (an attachment at 100 MB, the records at 512 MiB) and all of
 * them within the archive's total, no overlapping entries. Then the entries as the bytes arrive,
 * each matching its directory record, inflated in small steps and stopped as soon as it passes
 * its declared size, whatever the zip's headers claim; every attachment's SHA-256 must equal its
 * name. Nothing is returned half: any failure throws an ArchiveError.
 */
import { ArchiveError } from './errors';
import {
  ZIP_ATTACHMENTS_DIR,
  ZIP_LIMITS,
  ZIP_RECORDS_ENTRY,
  ZIP_TAIL_BYTES,
  type ZipLimits,
} from './zipDirectory';
import { openZipArchive } from './zipStream';
import { createZipWriter, memorySink, type ZipSink } from './zipWriter';

export {
  MAX_ZIP_FILE_BYTES,
  ZIP_ATTACHMENTS_DIR,
  ZIP_LIMITS,
  ZIP_RECORDS_ENTRY,
  ZIP_TAIL_BYTES,
  type ZipLimits,
} from './zipDirectory';
export { openZipArchive, type ZipArchiveStream, type ZipSource } from './zipStream';
export { memorySink, type ZipSink } from './zipWriter';

/** The file name ending of a zipped archive. */
export const ZIP_ARCHIVE_EXTENSION = '.engagement.zip';

/** Bytes pushed at a time when the whole zip is at hand. */
const PIECE = 4 * 1024 * 1024;

/** True when the bytes start like a zip (a local file header). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
  );
}

/**
 * Writes the zip to `sink`: the archive's text (deflated) first, then each attachment once, by
 * SHA-256 (stored: most are already compressed, and a stored file can be checked with any tool),
 * read one at a time through `read` (null: not on this device, left out). `exportedAt` is every
 * entry's time, so the same data exported at the same instant gives the same bytes. Resolves to
 * the zip's size.
 */
export async function writeArchiveZipTo(
  sink: ZipSink,
  archiveText: string,
  hashes: readonly string[],
  read: (sha256: string) => Promise<Uint8Array | null>,
  exportedAt: string,
): Promise<number> {
  const zip = createZipWriter(sink, new Date(exportedAt));
  await zip.add(ZIP_RECORDS_ENTRY, new TextEncoder().encode(archiveText), 'deflate');
  for (const sha256 of [...new Set(hashes)].sort()) {
    const data = await read(sha256);
    if (data !== null) await zip.add(`${ZIP_ATTACHMENTS_DIR}${sha256}`, data, 'store');
  }
  return zip.end();
}

/** writeArchiveZipTo, into memory (tests, small engagements). */
export async function writeArchiveZip(
  archiveText: string,
  attachments: ReadonlyMap<string, Uint8Array>,
  exportedAt: string,
): Promise<Uint8Array> {
  const sink = memorySink();
  await writeArchiveZipTo(
    sink,
    archiveText,
    [...attachments.keys()],
    async (sha256) => attachments.get(sha256) ?? null,
    exportedAt,
  );
  return sink.bytes();
}

/** A zip as read: the archive's text and the attachments by SHA-256 (each checked). */
export interface ReadZip {
  text: string;
  attachments: Map<string, Uint8Array>;
}

/**
 * Reads and checks a zipped archive held whole (tests, small files): its directory from the
 * tail, then the entries through the same stream a large file goes through. Throws ArchiveError
 * (nothing is returned half).
 */
export async function readArchiveZip(
  bytes: Uint8Array,
  fileName: string,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<ReadZip> {
  if (!isZip(bytes)) {
    throw new ArchiveError(fileName, 'not-an-archive', [
      { where: '', message: 'it is not a zip file' },
    ]);
  }
  const tailAt = Math.max(0, bytes.length - ZIP_TAIL_BYTES);
  const attachments = new Map<string, Uint8Array>();
  const stream = openZipArchive(
    { fileName, size: bytes.length, tail: bytes.subarray(tailAt), tailAt },
    limits,
    (sha256, data) => void attachments.set(sha256, data),
  );
  for (let at = 0; at < bytes.length; at += PIECE) {
    await stream.push(bytes.subarray(at, Math.min(at + PIECE, bytes.length)));
  }
  return { text: await stream.end(), attachments };
}
