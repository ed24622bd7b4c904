/**
 * The on-disk format of a sync folder (see DESIGN.md):
 *
 *     format.json                         written once: format version + minimum reader version
 *     keys.json                           optional, written once: the wrapped workspace key
 *     devices/<deviceId>/head.json        small, rewritten: what this device has published
 *     devices/<deviceId>/seg-00000001.jsonl   append-only segments of change lines
 *     devices/<deviceId>/snap-00000001.jsonl  snapshots (the changes that decide the state)
 *
 * A segment or snapshot line is `<8 hex checksum> <json>\n`. The first line of a segment is
 * its header (format, device, number, hash of the previous segment); the others are
 * `{"p": position, "c": change}`. From format 2 on, segment and snapshot files are gzipped
 * (compression.ts; hashes and checksums are of the plain text); format 1 folders stay plain.
 */

/** The newest format this build writes (a new folder is created with it when a device key is given). */
export const FORMAT_VERSION = 3;
/**
 * The newest format this build can read (1: plain lines; 2: gzipped segments and snapshots;
 * 3: every device file signed, a roster of approved device keys).
 */
export const READER_VERSION = 3;
/** The first format whose device files are signed and whose writers are approved (roster). */
export const SIGNED_FORMAT = 3;
/** Name of a device's self-signed identity file (format 3). */
export const DEVICE_FILE = 'device.json';
/** Name of a device's roster statements file (format 3). */
export const ROSTER_FILE = 'roster.json';
/** The first format whose segment and snapshot files are gzipped. */
export const COMPRESSED_FORMAT = 2;
/** Name of the format file. */
export const FORMAT_FILE = 'format.json';
/** Name of the keys file (encryption). */
export const KEYS_FILE = 'keys.json';
/** Folder of the per-device folders. */
export const DEVICES_DIR = 'devices';
/** Name of a device's head file. */
export const HEAD_FILE = 'head.json';
/** Identifies our folders in format.json. */
export const FORMAT_NAME = 'engagement-workbench-sync';

/** Contents of format.json. */
export interface FormatFile {
  /** Always FORMAT_NAME. */
  format: string;
  /** The format version the folder was created with. */
  version: number;
  /** The oldest reader version that can read this folder. */
  minReaderVersion: number;
  /** A random id of this sync folder (cursors are kept per folder id, so a moved folder keeps them). */
  folderId: string;
  /** When the folder was set up (UTC ISO). */
  createdAt: string;
  /** Format 3: the recovery key's public half (base64), pinned by every device on first sight. */
  recoveryKey?: string;
}

/** One segment as listed in a head file. */
export interface SegmentInfo {
  /** Segment number (1, 2, 3...). */
  n: number;
  /** Position of its first change line. */
  firstP: number;
  /** Position of its last change line. */
  lastP: number;
  /** This device's change seq range the segment covers (to regenerate it from the local log). */
  firstSeq: number;
  /** Last seq covered. */
  lastSeq: number;
  /** SHA-256 (hex) of the segment's plain bytes, once sealed (a later segment exists). */
  hash?: string;
  /** Approximate plain size in bytes (to decide when to seal it). */
  bytes?: number;
}

/** A snapshot as listed in a head file. */
export interface SnapshotInfo {
  /** Snapshot number. */
  n: number;
  /** Positions of every device (own included) the snapshot covers, by device id. */
  vector: Record<string, number>;
  /** When it was written (UTC ISO); compaction waits until it has been visible long enough. */
  writtenAt: string;
  /** Number of change lines. */
  lines: number;
}

/** Contents of a device's head.json. */
export interface HeadFile {
  /** Format version of this device's files. */
  format: number;
  /** Format 3: the folder (a head copied from another folder is refused). */
  folderId?: string;
  /** The device. */
  deviceId: string;
  /** Its name (settings.deviceName). */
  deviceName?: string;
  /** The consultant using it. */
  actor?: string;
  /** Position of the last change line published. */
  lastP: number;
  /** Position of the first line still in a segment (earlier ones were compacted into a snapshot). */
  firstP: number;
  /** Segments, oldest first. */
  segments: SegmentInfo[];
  /** The latest snapshot, if any. */
  snapshot?: SnapshotInfo;
  /** Random token of this write: a head with a token this device never wrote is another writer. */
  token: string;
  /** When written (UTC ISO, the writer's clock). */
  writtenAt: string;
  /** What this device has read of each peer (positions), so peers can see who lags. */
  cursors?: Record<string, number>;
}

/** Header line of a segment. */
export interface SegmentHeader {
  /** Always 'seg'. */
  t: 'seg';
  /** Format version of the lines. */
  format: number;
  /** The writing device. */
  device: string;
  /** Segment number. */
  n: number;
  /** SHA-256 (hex) of the previous segment's plain bytes; null for the first. */
  prev: string | null;
}

/** Header line of a snapshot. */
export interface SnapshotHeader {
  /** Always 'snap'. */
  t: 'snap';
  /** Format version. */
  format: number;
  /** The writing device. */
  device: string;
  /** Snapshot number. */
  n: number;
  /** Positions covered per device. */
  vector: Record<string, number>;
}

const pad = (n: number): string => String(n).padStart(8, '0');
/** The file name of segment n. */
export const segmentName = (n: number): string => `seg-${pad(n)}.jsonl`;
/** The file name of snapshot n. */
export const snapshotName = (n: number): string => `snap-${pad(n)}.jsonl`;
/** A device's folder. */
export const deviceDir = (deviceId: string): string => `${DEVICES_DIR}/${deviceId}`;
/** A file of a device. */
export const devicePath = (deviceId: string, name: string): string =>
  `${deviceDir(deviceId)}/${name}`;

/** What a file name in a device folder is. */
export type FileKind =
  | { kind: 'segment'; n: number; copy: boolean }
  | { kind: 'snapshot'; n: number; copy: boolean }
  | { kind: 'head'; copy: boolean }
  | { kind: 'ignore' };

/**
 * Conflicted-copy suffixes of the cloud clients, matched on the part of the name before the
 * extension: Dropbox "name (Dana's conflicted copy 2026-03-02)", OneDrive "name-LAPTOP-1",
 * Google Drive "name (1)", Syncthing "name.sync-conflict-20260302-091500-ABCDEFG".
 */
const COPY_SUFFIX =
  /^(?<base>seg-\d{8}|snap-\d{8}|head)(?: \([^)]*conflicted copy[^)]*\)| \(\d+\)|-[\w-]{1,40}|\.sync-conflict-[0-9A-Za-z-]+)$/;

/**
 * Classifies a file name of a device folder. Temporary files (ours are hidden: `.<name>.<hex>.tmp`), hidden
 * files, Office lock files (`~$`), desktop.ini, Thumbs.db, .DS_Store and anything unknown are
 * ignored. Conflicted copies of our files are recognised (copy: true): their changes are read
 * like any other (idempotence keeps them from being applied twice).
 */
export function classifyFile(name: string): FileKind {
  if (name.startsWith('.') || name.startsWith('~$')) return { kind: 'ignore' };
  const lower = name.toLowerCase();
  if (lower === 'desktop.ini' || lower === 'thumbs.db') return { kind: 'ignore' };
  const ext = name.endsWith('.jsonl') ? '.jsonl' : name.endsWith('.json') ? '.json' : null;
  if (ext === null) return { kind: 'ignore' };
  const stem = name.slice(0, -ext.length);
  let base = stem;
  let copy = false;
  if (!/^(?:seg-\d{8}|snap-\d{8}|head)$/.test(stem)) {
    const match = COPY_SUFFIX.exec(stem);
    if (!match?.groups?.base) return { kind: 'ignore' };
    base = match.groups.base;
    copy = true;
  }
  if (base === 'head') return ext === '.json' ? { kind: 'head', copy } : { kind: 'ignore' };
  if (ext !== '.jsonl') return { kind: 'ignore' };
  const n = Number(base.slice(base.indexOf('-') + 1));
  return base.startsWith('seg-') ? { kind: 'segment', n, copy } : { kind: 'snapshot', n, copy };
}

/** FNV-1a 32-bit checksum of a string's UTF-16 code units, as 8 hex digits. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** One line of a segment or snapshot: checksum, space, JSON, newline. */
export function encodeLine(value: unknown): string {
  const json = JSON.stringify(value);
  return `${checksum(json)} ${json}\n`;
}

/** Outcome of reading the lines of a file. */
export interface DecodedLines {
  /** The values of the good lines, in order. */
  values: unknown[];
  /** Lines with a bad checksum or bad JSON (skipped). */
  badLines: number;
  /** True when the last line has no newline yet (still being written or downloaded). */
  incompleteTail: boolean;
}

/**
 * Reads checksummed lines. A line whose checksum or JSON is wrong is skipped (and counted); an
 * unterminated last line is the incomplete tail of a file still arriving: ignored, read later.
 */
export function decodeLines(text: string): DecodedLines {
  const values: unknown[] = [];
  let badLines = 0;
  let start = 0;
  let incompleteTail = false;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end < 0) {
      incompleteTail = true;
      break;
    }
    const line = text.slice(start, end);
    start = end + 1;
    if (line.length === 0) continue;
    const sum = line.slice(0, 8);
    const json = line.slice(9);
    if (line[8] !== ' ' || checksum(json) !== sum) {
      badLines += 1;
      continue;
    }
    try {
      values.push(JSON.parse(json));
    } catch {
      badLines += 1;
    }
  }
  return { values, badLines, incompleteTail };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });
/** UTF-8 bytes of a string. */
export const toBytes = (text: string): Uint8Array => encoder.encode(text);
/** A string from UTF-8 bytes (invalid sequences become U+FFFD, caught by the checksums). */
export const fromBytes = (bytes: Uint8Array): string => decoder.decode(bytes);

/** SHA-256 of bytes, as hex (WebCrypto: available in browsers and Node 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-256',
    bytes as Parameters<typeof globalThis.crypto.subtle.digest>[1],
  );
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A random token (hex), for head tokens and ids. */
export function randomToken(bytes = 12): string {
  const data = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  return [...data].map((b) => b.toString(16).padStart(2, '0')).join('');
}
