/**
 * The central directory of a zipped archive, read from the file's tail before a byte is
 * inflated: how many entries, their names, methods and declared sizes, and where each lies.
 * Everything is checked against the limits here, so the stream that follows inflates each entry
 * only up to the size declared here (a bomb declared small is stopped at its declared size).
 * Refused: ZIP64 and multi-disk zips (this app never writes one), encrypted entries, entries
 * that overlap (many directory records sharing one piece of deflated data is the "overlapping"
 * zip bomb), and anything the app did not write.
 */
import { MAX_ATTACHMENT_BYTES } from '../attachments/limits';
import type { ArchiveErrorKind } from './errors';

/** What a zip may hold (the limits the directory and the stream are checked against). */
export interface ZipLimits {
  /** Entries (the records and the distinct files). */
  entries: number;
  /** The records' JSON, inflated. */
  recordsBytes: number;
  /** One attachment, inflated. */
  attachmentBytes: number;
  /** Everything, inflated. */
  totalBytes: number;
}

/** What a zip may hold. */
export const ZIP_LIMITS: ZipLimits = {
  /** Entries (the records and up to 20,000 distinct files). */
  entries: 20_001,
  /** The records' JSON, inflated. */
  recordsBytes: 512 * 1024 * 1024,
  /** One attachment, inflated. */
  attachmentBytes: MAX_ATTACHMENT_BYTES,
  /** Everything, inflated. */
  totalBytes: 2 * 1024 * 1024 * 1024,
};

/**
 * The largest zip main opens for import: everything inflated at its limit, stored, plus the
 * headers and directory of every entry.
 */
export const MAX_ZIP_FILE_BYTES = ZIP_LIMITS.totalBytes + 16 * 1024 * 1024;

/** One entry as the central directory declares it. */
export interface ZipDirectoryEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Bytes in the file. */
  compressedSize: number;
  /** Bytes once inflated. */
  size: number;
  /** Where its local header starts. */
  offset: number;
}

/** Throws an ArchiveError of that kind and message (the caller's). */
export type ZipFail = (kind: ArchiveErrorKind, message: string) => never;

/** The records' entry. */
export const ZIP_RECORDS_ENTRY = 'engagement.json';
/** The attachments' folder inside the zip. */
export const ZIP_ATTACHMENTS_DIR = 'attachments/';
/** How much of a zip's end holds its directory at most (20,001 entries, 64 KiB comment). */
export const ZIP_TAIL_BYTES = 4 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const EOCD_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;
const ENTRY_NAME = /^attachments\/[0-9a-f]{64}$/;

/** True when `name` is one this app writes into a zip. */
export const isArchiveEntryName = (name: string): boolean =>
  name === ZIP_RECORDS_ENTRY || ENTRY_NAME.test(name);

/** An entry's name as messages show it: a SHA-256 cut to 16 digits (it would not wrap). */
export const shownEntry = (name: string): string =>
  name.startsWith(ZIP_ATTACHMENTS_DIR) && name.length > 40 ? `${name.slice(0, 28)}…` : name;

/**
 * Reads the directory from `tail`, the last bytes of a zip of `fileSize` bytes starting at
 * `tailAt`. Returns the entries in the order they lie in the file; `fail` throws.
 */
export function readZipDirectory(
  tail: Uint8Array,
  tailAt: number,
  fileSize: number,
  limits: ZipLimits,
  fail: ZipFail,
): ZipDirectoryEntry[] {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const end = findEnd(view);
  if (end < 0) fail('truncated', 'the zip is damaged (its directory is missing: cut short?)');
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const count = u16(end + 10);
  const dirSize = u32(end + 12);
  const dirAt = u32(end + 16);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 8) !== count) {
    fail('not-an-archive', 'it is a zip split over several disks');
  }
  if (count === 0xffff || dirSize === 0xffffffff || dirAt === 0xffffffff) {
    fail('too-large', 'it is a ZIP64 file (over 4 GB or 65,535 files); this app never writes one');
  }
  if (count > limits.entries) fail('too-large', `it holds more than ${limits.entries} files`);
  if (dirAt < tailAt || dirAt + dirSize !== tailAt + end || tailAt + end > fileSize) {
    fail('truncated', 'the zip is damaged (its directory is not where its end says)');
  }
  const entries = readEntries(view, dirAt - tailAt, count, fail);
  checkEntries(entries, dirAt, limits, fail);
  return entries;
}

/** The end-of-directory record's position in `view`, or -1 (its comment must end the file). */
function findEnd(view: DataView): number {
  const last = view.byteLength - EOCD_BYTES;
  for (let at = last; at >= 0 && at >= last - 0xffff; at -= 1) {
    if (
      view.getUint32(at, true) === EOCD &&
      at + EOCD_BYTES + view.getUint16(at + 20, true) === view.byteLength
    ) {
      return at;
    }
  }
  return -1;
}

/** The `count` directory records from `start`, each read within `view`. */
function readEntries(
  view: DataView,
  start: number,
  count: number,
  fail: ZipFail,
): ZipDirectoryEntry[] {
  const entries: ZipDirectoryEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i += 1) {
    if (at + CENTRAL_BYTES > view.byteLength || view.getUint32(at, true) !== CENTRAL) {
      fail('truncated', 'the zip is damaged (a record of its directory is broken)');
    }
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const next =
      at +
      CENTRAL_BYTES +
      nameLength +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
    if (next > view.byteLength) fail('truncated', 'the zip is damaged (its directory is cut)');
    const name = nameLength > 200 ? '' : latin1(view, at + CENTRAL_BYTES, nameLength);
    if (!isArchiveEntryName(name)) {
      const raw = latin1(view, at + CENTRAL_BYTES, Math.min(nameLength, 200));
      fail('not-an-archive', `it holds a file this app did not write: ${JSON.stringify(raw)}`);
    }
    if ((flags & 1) !== 0) fail('not-an-archive', `${shownEntry(name)} is encrypted`);
    entries.push({
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  return entries.sort((a, b) => a.offset - b.offset);
}

function latin1(view: DataView, at: number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += String.fromCharCode(view.getUint8(at + i));
  return out;
}

/** Names once, known methods, sizes within the limits, entries apart and before the directory. */
function checkEntries(
  entries: readonly ZipDirectoryEntry[],
  dirAt: number,
  limits: ZipLimits,
  fail: ZipFail,
): void {
  const seen = new Set<string>();
  let total = 0;
  let free = 0; // where the next entry may start
  for (const e of entries) {
    const name = shownEntry(e.name);
    if (seen.has(e.name)) fail('not-an-archive', `${name} appears twice`);
    seen.add(e.name);
    if (e.method !== 0 && e.method !== 8)
      fail('not-an-archive', `${name} uses an unknown compression`);
    if (e.method === 0 && e.compressedSize !== e.size) {
      fail('not-an-archive', `${name} is stored but its sizes differ`);
    }
    const cap = e.name === ZIP_RECORDS_ENTRY ? limits.recordsBytes : limits.attachmentBytes;
    if (e.size > cap) {
      fail('too-large', `${name} inflates to more than ${cap.toLocaleString('en')} bytes`);
    }
    total += e.size;
    if (total > limits.totalBytes) {
      fail(
        'too-large',
        `its files inflate to more than ${limits.totalBytes.toLocaleString('en')} bytes`,
      );
    }
    if (e.offset < free) fail('not-an-archive', `${name} overlaps another file in the zip`);
    free = e.offset + LOCAL_BYTES + e.name.length + e.compressedSize;
  }
  if (free > dirAt) fail('not-an-archive', 'a file of the zip overlaps its directory');
  if (!seen.has(ZIP_RECORDS_ENTRY)) fail('not-an-archive', `the zip holds no ${ZIP_RECORDS_ENTRY}`);
}
