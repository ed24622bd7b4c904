/**
 * How big each kind of folder file may be: checked from the folder listing before a byte is
 * read (and again by main's reader), and as the limit of its decompression. A file over its
 * limit is refused and reported, never read whole. The limits are far above what this app
 * writes (a segment holds at most 2,000 changes or 1 MiB; a snapshot of the benchmark
 * engagement, 18,801 records, is 13 MB plain) and far below what would freeze the window.
 */
import { MAX_ATTACHMENT_BYTES } from '../attachments/limits';

export type FileKindName =
  'format' | 'keys' | 'device' | 'roster' | 'head' | 'segment' | 'snapshot';

/** Per kind: the largest file as stored, and the largest it may inflate to. */
export const FILE_LIMITS: Record<FileKindName, { stored: number; inflated: number }> = {
  format: { stored: 64 * 1024, inflated: 64 * 1024 },
  keys: { stored: 64 * 1024, inflated: 64 * 1024 },
  device: { stored: 64 * 1024, inflated: 64 * 1024 },
  roster: { stored: 1024 * 1024, inflated: 1024 * 1024 },
  head: { stored: 8 * 1024 * 1024, inflated: 8 * 1024 * 1024 },
  segment: { stored: 32 * 1024 * 1024, inflated: 64 * 1024 * 1024 },
  snapshot: { stored: 64 * 1024 * 1024, inflated: 512 * 1024 * 1024 },
};

/**
 * The largest file main's folder reader hands out at all: the largest limit above, or an
 * attachment's bytes (sealed) under `devices/<id>/blobs/` (main allows that size there only).
 */
export const MAX_READ_BYTES = Math.max(FILE_LIMITS.snapshot.stored, MAX_ATTACHMENT_BYTES + 32);

/** Thrown when a file is over its kind's limit (before it is read). */
export class FileTooLargeError extends Error {
  /** The file. */
  readonly path: string;
  constructor(path: string, size: number, limit: number) {
    super(
      `${path} is ${size.toLocaleString('en')} bytes, over the ${limit.toLocaleString('en')} allowed for it`,
    );
    this.name = 'FileTooLargeError';
    this.path = path;
  }
}
