/**
 * gzip of segment and snapshot files (folder format 2; see DESIGN.md "Compression"). Change
 * lines are repetitive JSON, so a 1 MiB segment shrinks about five-fold: the folder holds less,
 * the cloud client uploads less, and a device reads its peers' files several times faster.
 *
 * fflate rather than the platform's CompressionStream: a file still arriving is cut short, and
 * the reader must keep the lines that decompressed before the cut (the rest is read next round),
 * as it does for a plain segment's incomplete tail; a DecompressionStream that fails at its end
 * drops the data it had queued. fflate's streaming inflater hands out what it decoded so far.
 */
import { Gunzip, gzipSync } from 'fflate';
import { concatBytes } from '../encoding/concatBytes';

/** True for gzip data (its two magic bytes; plain lines start with a hex checksum). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** gzip of the bytes; the header's time is zero, so the same text always gives the same file. */
export function gzipBytes(plain: Uint8Array): Uint8Array {
  return gzipSync(plain, { level: 6, mtime: 0 });
}

/** What {@link gunzipPrefix} recovered of a gzip file. */
export interface Gunzipped {
  /** The decompressed bytes: all of them, or those before the cut or the damage. */
  bytes: Uint8Array;
  /** The data ends before the compressed stream does (a download still arriving). */
  truncated: boolean;
  /** Bytes that are not gzip follow the data, the stream is damaged, or it inflates too far. */
  damaged: boolean;
}

/** More than any segment or snapshot inflates to (a 1 MiB segment; a snapshot of 100 MB). */
export const MAX_INFLATED_BYTES = 512 * 1024 * 1024;

/** gzip's header and trailer: 10 + 8 bytes around the deflate data. */
const GZIP_OVERHEAD = 18;

/**
 * Decompresses as much as can be; never throws. A file is whole only when its trailer's size
 * (the last four bytes, little-endian) is the inflated length: a cut that happens to end a deflate
 * block, or falls inside the header, is still reported as truncated.
 */
export function gunzipPrefix(data: Uint8Array, maxBytes = MAX_INFLATED_BYTES): Gunzipped {
  const parts: Uint8Array[] = [];
  let size = 0;
  let damaged = false;
  const inflater = new Gunzip((chunk) => {
    if (size + chunk.length > maxBytes) throw new RangeError('inflates past the limit');
    parts.push(chunk);
    size += chunk.length;
  });
  try {
    inflater.push(data, false);
  } catch {
    damaged = true;
  }
  let truncated = false;
  if (!damaged) {
    const n = data.length;
    const isize =
      n >= GZIP_OVERHEAD
        ? ((data[n - 4] as number) |
            ((data[n - 3] as number) << 8) |
            ((data[n - 2] as number) << 16) |
            ((data[n - 1] as number) << 24)) >>>
          0
        : -1;
    truncated = isize !== size % 2 ** 32;
    if (!truncated) {
      try {
        inflater.push(new Uint8Array(0), true);
      } catch {
        truncated = true;
      }
    }
  }
  const bytes = parts.length === 1 ? (parts[0] as Uint8Array) : concatBytes(parts);
  return { bytes, truncated, damaged };
}
