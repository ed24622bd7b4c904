/**
 * A peer's stream: its snapshot (when joining past compacted segments) and its segments, chain-checked.
 */
import type { FolderEntry } from '../folder';
import {
  type HeadFile,
  type SegmentHeader,
  type SegmentInfo,
  type SnapshotHeader,
  type SnapshotInfo,
  devicePath,
  segmentName,
  sha256Hex,
  snapshotName,
} from '../format';
import { FILE_LIMITS } from '../limits';
import { noneRefused } from '../lineFilter';
import { type EngineCtx, HASHES_KEPT, type PeerState } from './context';
import { deviceLabel, readLinesOf, skipFailing } from './peerFiles';
import { type PeerRead, type PeerTrust, accept, reportRefused } from './peerLines';
import type { SyncWarning } from './types';

/**
 * Joins a peer through its snapshot: only when whole, only the peer's own changes, and only
 * the peer's own position moves (what it signed about itself).
 */
export async function readSnapshot(
  ctx: EngineCtx,
  peer: string,
  state: PeerState,
  trust: PeerTrust,
  info: SnapshotInfo,
  entryOf: Map<string, FolderEntry>,
  out: PeerRead,
  warnings: SyncWarning[],
): Promise<void> {
  const name = snapshotName(info.n);
  const snapPath = devicePath(peer, name);
  const snap = await readLinesOf(ctx, snapPath, peer, warnings, {
    kind: 'snapshot',
    trust,
    entry: entryOf.get(name),
  });
  if (!snap) return;
  const header = snap.values[0] as Partial<SnapshotHeader> | undefined;
  // A snapshot is used only whole: a download cut at a line boundary looks complete.
  const whole = snap.values.length - 1 === info.lines && snap.badLines === 0;
  if (header?.t !== 'snap' || snap.incompleteTail || !whole) return;
  if (ctx.signed && header.device !== peer) return;
  const covered = header.vector?.[peer];
  if (typeof covered !== 'number' || !Number.isInteger(covered) || covered < 0) return;
  if (trust.upTo !== undefined && covered > trust.upTo) return;
  const refused = noneRefused();
  for (const line of snap.values.slice(1)) {
    const c = (line as { c?: unknown }).c;
    if (c !== undefined) accept(ctx, peer, null, c, trust, out, refused);
  }
  // Older builds put every device's deciding changes in a snapshot: in an unsigned folder
  // the others' are skipped quietly (each device's own stream carries them).
  reportRefused(ctx, peer, snapPath, refused, warnings, !ctx.signed);
  state.p = Math.max(state.p, covered);
}

/** One peer's segments being read this round: what every step below is handed. */
interface SegmentsRead {
  ctx: EngineCtx;
  peer: string;
  state: PeerState;
  trust: PeerTrust;
  head: HeadFile | null;
  /** The segment numbers in the folder, ascending. */
  segments: number[];
  /** The segments the head lists, by number. */
  listed: Map<number, SegmentInfo>;
  entryOf: Map<string, FolderEntry>;
  out: PeerRead;
  warnings: SyncWarning[];
}

type Lines = NonNullable<Awaited<ReturnType<typeof readLinesOf>>>;

/** Reads a peer's segments that hold positions not read yet. */
export async function readSegments(
  ctx: EngineCtx,
  peer: string,
  state: PeerState,
  trust: PeerTrust,
  head: HeadFile | null,
  segments: number[],
  listed: Map<number, SegmentInfo>,
  entryOf: Map<string, FolderEntry>,
  out: PeerRead,
  warnings: SyncWarning[],
): Promise<void> {
  const r: SegmentsRead = {
    ctx,
    peer,
    state,
    trust,
    head,
    segments,
    listed,
    entryOf,
    out,
    warnings,
  };
  reportMissingListed(r);
  // The segments not read yet; each one's folder read starts while the one before it is
  // decompressed and decoded (in the app a read is an IPC round trip to main and a disk or
  // network read: a new device's first sync spent 0.7 of its 1.8 s of reading waiting).
  const unread = unreadSegments(r);
  let next = startRead(r, unread[0]);
  for (const [i, n] of unread.entries()) {
    const started = next;
    next = startRead(r, unread[i + 1]);
    await readSegment(r, n, started);
  }
}

/** Segments the head lists that are not in the folder (yet): reported, read when there. */
function reportMissingListed({ peer, state, head, segments, listed, warnings }: SegmentsRead) {
  const present = new Set(segments);
  for (const info of listed.values()) {
    if (!present.has(info.n) && info.lastP > state.p) {
      warnings.push({
        code: 'unreadable-file',
        deviceId: peer,
        path: devicePath(peer, segmentName(info.n)),
        message: `${segmentName(info.n)} of ${head?.deviceName ?? peer} is listed but not in the folder yet (still arriving, or removed); its changes will be read when it is there.`,
      });
    }
  }
}

/** The segments holding positions not read yet, less those failing (in back-off). */
function unreadSegments({ ctx, peer, state, segments, listed, entryOf }: SegmentsRead): number[] {
  return segments.filter((n) => {
    const info = listed.get(n);
    if (info && info.lastP <= state.p) return false;
    const entry = entryOf.get(segmentName(n));
    return !(entry && skipFailing(ctx, devicePath(peer, segmentName(n)), entry));
  });
}

/** Starts the folder read of segment n (not of one too large to be read at all). */
function startRead(
  { ctx, peer, entryOf }: SegmentsRead,
  n: number | undefined,
): Promise<Uint8Array | null> | undefined {
  if (n === undefined) return undefined;
  const entry = entryOf.get(segmentName(n));
  if (entry && entry.size > FILE_LIMITS.segment.stored) return undefined;
  const path = devicePath(peer, segmentName(n));
  const pending = Promise.resolve().then(() => ctx.folder.read(path, FILE_LIMITS.segment.stored));
  pending.catch(() => undefined); // reported when awaited (readLinesOf), never unhandled
  return pending;
}

/** Reads segment n: its header checked, its new lines kept, its hash checked and remembered. */
async function readSegment(
  r: SegmentsRead,
  n: number,
  started: Promise<Uint8Array | null> | undefined,
): Promise<void> {
  const { ctx, peer, state, trust, out, warnings } = r;
  const path = devicePath(peer, segmentName(n));
  const file = await readLinesOf(ctx, path, peer, warnings, {
    kind: 'segment',
    trust,
    entry: r.entryOf.get(segmentName(n)),
    ...(started ? { started } : {}),
  });
  if (!file || !headerFits(r, n, path, file)) return;
  const refused = noneRefused();
  for (const line of file.values) {
    const { p, c } = line as { p?: unknown; c?: unknown };
    if (typeof p !== 'number' || !Number.isInteger(p) || c === undefined) continue;
    if (p <= state.p) continue;
    accept(ctx, peer, p, c, trust, out, refused);
  }
  reportRefused(ctx, peer, path, refused, warnings);
  await checkHash(r, n, path, file);
}

/**
 * False (reported) when a signed folder's segment does not name its device and number; a
 * warning when it does not follow the segment read before it (merged all the same).
 */
function headerFits(
  { ctx, peer, state, warnings }: SegmentsRead,
  n: number,
  path: string,
  file: Lines,
): boolean {
  const header = file.values[0] as Partial<SegmentHeader> | undefined;
  if (ctx.signed && (header?.t !== 'seg' || header.device !== peer || header.n !== n)) {
    warnings.push({
      code: 'foreign-change',
      deviceId: peer,
      path,
      message: `${path} does not say it is ${deviceLabel(ctx, peer)}'s segment ${n}: refused.`,
    });
    return false;
  }
  const known = state.hashes[String(n - 1)];
  if (header?.t === 'seg' && known && header.prev !== known) {
    warnings.push({
      code: 'chain-broken',
      deviceId: peer,
      path,
      message: `${path} does not follow the segment read before it: ${state.deviceName ?? peer}'s history was rewritten or replaced. Its changes were merged, nothing was deleted.`,
    });
  }
  return true;
}

/** A sealed segment read whole: its hash checked against the head's, and remembered. */
async function checkHash(
  { peer, state, segments, listed, warnings }: SegmentsRead,
  n: number,
  path: string,
  file: Lines,
): Promise<void> {
  const info = listed.get(n);
  const sealed = info?.hash !== undefined || n < (segments[segments.length - 1] ?? n);
  if (!sealed || file.incompleteTail || file.badLines > 0) return;
  const hash = await sha256Hex(file.bytes);
  if (info?.hash && info.hash !== hash) {
    warnings.push({
      code: 'chain-broken',
      deviceId: peer,
      path,
      message: `${path} differs from what its device published (altered or still arriving).`,
    });
  }
  // Only a hash confirmed by the device's head is remembered for the chain check (a
  // download cut at a line boundary looks complete but must not become the reference).
  if (info?.hash === hash) state.hashes[String(n)] = hash;
  const keep = Object.keys(state.hashes)
    .map(Number)
    .sort((a, b) => b - a)
    .slice(0, HASHES_KEPT);
  state.hashes = Object.fromEntries(
    keep.map((k) => [String(k), state.hashes[String(k)] as string]),
  );
}
