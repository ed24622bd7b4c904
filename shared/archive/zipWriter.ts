/**
 * Writes a zip entry by entry to a sink, holding one entry at a time (an engagement's
 * attachments can add up to more than a window should hold at once). Every size and CRC is in
 * the entry's local header (no data descriptors: a streaming reader never has to guess where a
 * stored file ends), no extra fields, no ZIP64: what `zipDirectory.ts` accepts and any unzip
 * tool reads. Times are the export time in UTC, so the same data exported at the same instant
 * gives the same bytes on every machine.
 */
import { deflateSync } from 'fflate';
import { concatBytes } from '../encoding/concatBytes';
import { crc32InSteps } from './crc32';

/** Where the zip's bytes go, in order; awaited before the next entry is written. */
export interface ZipSink {
  write(chunk: Uint8Array): Promise<void>;
}

/** A zip being written. */
export interface ZipWriter {
  /** Adds one entry: deflated (text) or stored as is (files that are mostly compressed). */
  add(name: string, data: Uint8Array, how: 'deflate' | 'store'): Promise<void>;
  /** Writes the directory; resolves to the zip's size. */
  end(): Promise<number>;
}

/** The largest zip written without ZIP64 (offsets and sizes are 32-bit). */
export const MAX_PLAIN_ZIP_BYTES = 0xffffffff;
const MAX_ENTRIES = 0xfffe;
const UTF8_NAMES = 0x0800;

interface Written {
  name: Uint8Array;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** The MS-DOS time and date of `at` in UTC (2-second steps; 1980 at the earliest). */
function dosTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

/** The fields local and central headers share, from "version needed" to the name's length. */
function common(view: DataView, at: number, e: Written, when: { time: number; date: number }) {
  view.setUint16(at, 20, true); // version needed: 2.0 (deflate)
  view.setUint16(at + 2, UTF8_NAMES, true);
  view.setUint16(at + 4, e.method, true);
  view.setUint16(at + 6, when.time, true);
  view.setUint16(at + 8, when.date, true);
  view.setUint32(at + 10, e.crc, true);
  view.setUint32(at + 14, e.compressedSize, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, e.name.length, true);
  view.setUint16(at + 24, 0, true); // no extra field
}

function localHeader(e: Written, when: { time: number; date: number }): Uint8Array {
  const out = new Uint8Array(30 + e.name.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x04034b50, true);
  common(view, 4, e, when);
  out.set(e.name, 30);
  return out;
}

function directory(entries: readonly Written[], when: { time: number; date: number }, at: number) {
  const size = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(size + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  for (const e of entries) {
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true); // made by: 2.0, MS-DOS attributes
    common(view, p + 6, e, when);
    // comment length, disk, internal and external attributes: 0
    view.setUint32(p + 42, e.offset, true);
    out.set(e.name, p + 46);
    p += 46 + e.name.length;
  }
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, size, true);
  view.setUint32(p + 16, at, true);
  return out;
}

/** Starts a zip written to `sink`; every entry carries `mtime`. */
export function createZipWriter(sink: ZipSink, mtime: Date): ZipWriter {
  const when = dosTime(mtime);
  const entries: Written[] = [];
  const names = new Set<string>();
  let offset = 0;
  let ended = false;
  const emit = async (chunk: Uint8Array) => {
    // 0xFFFFFFFF itself means "see ZIP64" to readers: stay below it
    if (offset + chunk.length >= MAX_PLAIN_ZIP_BYTES) {
      throw new RangeError('The zip would pass 4 GB, which needs ZIP64: export less at once.');
    }
    await sink.write(chunk);
    offset += chunk.length;
  };
  return {
    async add(name, data, how) {
      if (ended) throw new Error('The zip is already finished.');
      if (names.has(name)) throw new Error(`The zip already holds ${name}.`);
      if (entries.length >= MAX_ENTRIES) throw new RangeError('Too many files for one zip.');
      const body = how === 'deflate' ? deflateSync(data, { level: 6 }) : data;
      const entry: Written = {
        name: new TextEncoder().encode(name),
        method: how === 'deflate' ? 8 : 0,
        crc: await crc32InSteps(data),
        compressedSize: body.length,
        size: data.length,
        offset,
      };
      names.add(name);
      await emit(localHeader(entry, when));
      await emit(body);
      entries.push(entry);
    },
    async end() {
      if (ended) throw new Error('The zip is already finished.');
      ended = true;
      await emit(directory(entries, when, offset));
      return offset;
    },
  };
}

/** A sink that keeps the zip in memory (tests, small exports); `bytes()` joins what it got. */
export function memorySink(): ZipSink & { bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  return {
    write: async (chunk) => void chunks.push(chunk),
    bytes: () => concatBytes(chunks),
  };
}
