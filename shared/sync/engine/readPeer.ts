/**
 * Reading a peer: its head, then what is new (snapshot, segments, conflicted copies), filtered line by line; nothing is applied here.
 */
import {
  HEAD_FILE,
  type HeadFile,
  type SegmentInfo,
  classifyFile,
  deviceDir,
  devicePath,
  segmentName,
  snapshotName,
} from '../format';
import type { FolderEntry } from '../folder';
import { BadSignatureError } from '../identity';
import { noneRefused } from '../lineFilter';
import type { EngineCtx, PeerState } from './context';
import { readJson } from './io';
import { deviceLabel, fileFailed, readLinesOf, skipFailing } from './peerFiles';
import { type PeerRead, type PeerTrust, accept, reportRefused } from './peerLines';
import { readSegments, readSnapshot } from './peerStream';
import type { SyncWarning } from './types';

/** Reads what is new from one peer (not applied yet). */
export async function readPeer(
  ctx: EngineCtx,
  peer: string,
  state: PeerState,
  trust: PeerTrust,
  folderId: string,
  warnings: SyncWarning[],
): Promise<PeerRead> {
  const out: PeerRead = { changes: [], positions: new Set(), read: false };
  const entries = await ctx.folder.list(deviceDir(peer));
  const entryOf = new Map(entries.map((e) => [e.name, e]));
  const head = await readHead(ctx, peer, folderId, trust, entryOf, warnings);
  if (head === 'failed') return out;
  if (head && typeof head.lastP === 'number') noteHead(state, head, peer, warnings);
  const copies = entries
    .map((e) => ({ e, kind: classifyFile(e.name) }))
    .filter((x) => (x.kind.kind === 'segment' || x.kind.kind === 'snapshot') && x.kind.copy)
    .filter((x) => !state.copies.includes(`${x.e.name}|${x.e.size}|${x.e.mtimeMs}`));
  const removedPast =
    trust.upTo !== undefined && head !== null && state.p >= trust.upTo && head.lastP > state.p;
  if (removedPast && head) {
    warnings.push({
      code: 'device-removed',
      deviceId: peer,
      path: devicePath(peer, HEAD_FILE),
      message: `${deviceLabel(ctx, peer)} was removed from this folder: the ${head.lastP - state.p} change(s) it published since are ignored.`,
    });
  }
  const upToDate =
    head !== null && typeof head.lastP === 'number' && (head.lastP <= state.p || removedPast);
  if (upToDate && copies.length === 0) return out;
  out.read = true;
  if (!upToDate) {
    // A gap before the first available segment (compacted): join through the snapshot.
    const firstAvailable = head?.firstP ?? 1;
    if (firstAvailable > state.p + 1 && head?.snapshot) {
      await readSnapshot(ctx, peer, state, trust, head.snapshot, entryOf, out, warnings);
    }
    const segments = segmentNumbers(entries);
    const listed = listedSegments(head);
    await readSegments(ctx, peer, state, trust, head, segments, listed, entryOf, out, warnings);
  }
  for (const { e, kind } of copies.slice(0, COPIES_PER_ROUND)) {
    await readCopy(ctx, peer, state, trust, e, kind, out, warnings);
  }
  reportManyCopies(ctx, peer, entries, warnings);
  return out;
}

/** Conflicted copies of one peer read per round at most (the rest on later rounds). */
export const COPIES_PER_ROUND = 8;
/** Conflicted copies of one peer remembered as read (more are read again now and then). */
export const COPIES_KEPT = 64;

/**
 * A peer folder holding more conflicted copies than are remembered is junk (a misbehaving
 * sync client, or someone filling the folder): reported once per peer while the app runs; the
 * work stays bounded (COPIES_PER_ROUND a round, failing files in back-off).
 */
function reportManyCopies(
  ctx: EngineCtx,
  peer: string,
  entries: FolderEntry[],
  warnings: SyncWarning[],
): void {
  const count = entries.filter((e) => {
    const kind = classifyFile(e.name);
    return (kind.kind === 'segment' || kind.kind === 'snapshot') && kind.copy;
  }).length;
  if (count <= COPIES_KEPT || ctx.manyCopiesReported.has(peer)) return;
  ctx.manyCopiesReported.add(peer);
  warnings.push({
    code: 'too-many-files',
    deviceId: peer,
    path: deviceDir(peer),
    message: `${deviceDir(peer)} holds ${count} conflicted copies (more than ${COPIES_KEPT}): a sync client misbehaving, or someone filling the folder. They are read ${COPIES_PER_ROUND} at a time; remove the copies you do not need.`,
  });
}

/** The peer's head (null when missing or in back-off); 'failed' (reported) when not usable. */
async function readHead(
  ctx: EngineCtx,
  peer: string,
  folderId: string,
  trust: PeerTrust,
  entryOf: Map<string, FolderEntry>,
  warnings: SyncWarning[],
): Promise<HeadFile | null | 'failed'> {
  const headPath = devicePath(peer, HEAD_FILE);
  const headEntry = entryOf.get(HEAD_FILE);
  if (!headEntry || skipFailing(ctx, headPath, headEntry)) return null;
  try {
    const head = await readJson<HeadFile>(ctx, headPath, 'head', trust.key, headEntry.size);
    if (head && ctx.signed && (head.deviceId !== peer || head.folderId !== folderId)) {
      throw new BadSignatureError(headPath, 'head of another device or folder');
    }
    return head;
  } catch (error) {
    if (!fileFailed(ctx, error, peer, headPath, headEntry, warnings)) throw error;
    return 'failed';
  }
}

/** What the head says of its device (shown on the Sync tab); a roll-back is reported. */
function noteHead(state: PeerState, head: HeadFile, peer: string, warnings: SyncWarning[]): void {
  state.deviceName = typeof head.deviceName === 'string' ? head.deviceName : undefined;
  state.actor = typeof head.actor === 'string' ? head.actor : undefined;
  state.published = head.lastP;
  state.writtenAt = head.writtenAt;
  if (head.lastP < state.p) {
    warnings.push({
      code: 'peer-rolled-back',
      deviceId: peer,
      message: `${head.deviceName ?? peer} published less than before (folder restored from an older copy?). Nothing was deleted here.`,
    });
  }
}

/** The numbers of the segments in the folder (conflicted copies aside), ascending. */
function segmentNumbers(entries: FolderEntry[]): number[] {
  return entries
    .map((e) => classifyFile(e.name))
    .filter(
      (k): k is { kind: 'segment'; n: number; copy: boolean } => k.kind === 'segment' && !k.copy,
    )
    .map((k) => k.n)
    .sort((a, b) => a - b);
}

/** The segments the head lists, by number. */
function listedSegments(head: HeadFile | null): Map<number, SegmentInfo> {
  const listed = new Map<number, SegmentInfo>();
  for (const seg of Array.isArray(head?.segments) ? (head?.segments ?? []) : []) {
    listed.set(seg.n, seg);
  }
  return listed;
}

/** A conflicted copy of one of the peer's files: its changes recovered (idempotence dedupes). */
async function readCopy(
  ctx: EngineCtx,
  peer: string,
  state: PeerState,
  trust: PeerTrust,
  e: FolderEntry,
  kind: ReturnType<typeof classifyFile>,
  out: PeerRead,
  warnings: SyncWarning[],
): Promise<void> {
  if (kind.kind !== 'segment' && kind.kind !== 'snapshot') return;
  const proper = devicePath(
    peer,
    kind.kind === 'segment' ? segmentName(kind.n) : snapshotName(kind.n),
  );
  const path = devicePath(peer, e.name);
  const file = await readLinesOf(ctx, path, peer, warnings, {
    kind: kind.kind,
    trust,
    proper,
    entry: e,
  });
  if (file) {
    const refused = noneRefused();
    const copyOut: PeerRead = { changes: [], positions: new Set(), read: true };
    for (const line of file.values) {
      const { p, c } = line as { p?: unknown; c?: unknown };
      if (c === undefined) continue;
      accept(ctx, peer, typeof p === 'number' ? p : null, c, trust, copyOut, refused);
    }
    out.changes.push(...copyOut.changes);
    reportRefused(ctx, peer, path, refused, warnings, !ctx.signed && kind.kind === 'snapshot');
  }
  state.copies = [...state.copies, `${e.name}|${e.size}|${e.mtimeMs}`].slice(-COPIES_KEPT);
}
