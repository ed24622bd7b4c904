/**
 * This device's snapshot and the compaction of the segments it covers.
 */
import { type ReadPolicy, readFolderFile } from '../fileReader';
import {
  type SegmentInfo,
  type SnapshotHeader,
  type SnapshotInfo,
  devicePath,
  encodeLine,
  segmentName,
  snapshotName,
  toBytes,
} from '../format';
import { isSigned } from '../identity';
import { FILE_LIMITS } from '../limits';
import type { EngineCtx, OwnState } from './context';
import { readOwnPlain, writePlain } from './io';

/** Writes a snapshot when enough segments piled up, and compacts old own segments. */
export async function snapshotAndCompact(
  ctx: EngineCtx,
  own: OwnState,
  ownLastP: number,
): Promise<boolean> {
  const vector = { [ctx.me]: ownLastP };
  let changed = false;
  const age = (snap: SnapshotInfo): number => ctx.now().getTime() - Date.parse(snap.writtenAt);
  // 1. Compaction: own sealed segments covered by a snapshot visible for long enough.
  const snap = own.snapshot;
  if (snap && age(snap) >= ctx.compactAfterMs) {
    const covered = snap.vector[ctx.me] ?? 0;
    while (own.segments.length > 1) {
      const seg = own.segments[0] as SegmentInfo;
      if (seg.hash === undefined || seg.lastP > covered) break;
      await ctx.folder.remove(devicePath(ctx.me, segmentName(seg.n)));
      own.segments.shift();
      changed = true;
    }
  }
  // 2. A new snapshot once enough sealed segments are not covered by one, and the current one
  //    has done its job (old enough): so a busy device still compacts.
  const coveredOwn = own.snapshot?.vector[ctx.me] ?? 0;
  const uncovered = own.segments.filter((seg) => seg.hash !== undefined && seg.lastP > coveredOwn);
  if (uncovered.length >= ctx.snapshotAfterSegments && (!snap || age(snap) >= ctx.compactAfterMs)) {
    // Only this device's own changes (those that still decide a field, and its creates), and
    // only its own position: a snapshot speaks for its device alone (each device's stream is
    // its snapshot plus its later segments), so it can never move a reader past anyone else.
    const n = own.nextSnapshot;
    const lines = await writeSnapshot(ctx, n, vector);
    own.snapshot = { n, vector, writtenAt: ctx.now().toISOString(), lines };
    own.nextSnapshot = n + 1;
    if (snap) await ctx.folder.remove(devicePath(ctx.me, snapshotName(snap.n)));
    changed = true;
  }
  return changed;
}

/** Signs this device's snapshot written before the folder was signed (upgrade). */
export async function resignOwnSnapshot(ctx: EngineCtx, info: SnapshotInfo): Promise<void> {
  const path = devicePath(ctx.me, snapshotName(info.n));
  const raw = await ctx.folder.read(path, FILE_LIMITS.snapshot.stored).catch(() => null);
  if (raw === null || isSigned(raw)) return;
  const legacy: ReadPolicy = { ...ctx.policy, key: ctx.key, signed: false };
  const file = await readFolderFile(legacy, path, 'snapshot', {
    signer: null,
    started: Promise.resolve(raw),
  }).catch(() => null);
  if (file && !file.truncated && !file.damaged) await writePlain(ctx, path, file.bytes);
}

/**
 * Writes snapshot `n` covering `vector` from the local database: this device's own changes that
 * still decide a field, and its creates. Resolves to its number of change lines.
 */
async function writeSnapshot(
  ctx: EngineCtx,
  n: number,
  vector: Record<string, number>,
): Promise<number> {
  const changes = (await ctx.db.snapshotChanges(ctx.options.engagementIds)).filter(
    (c) => c.deviceId === ctx.me,
  );
  const header: SnapshotHeader = { t: 'snap', format: ctx.folderFormat, device: ctx.me, n, vector };
  let text = encodeLine(header);
  for (const c of changes) text += encodeLine({ c });
  await writePlain(ctx, devicePath(ctx.me, snapshotName(n)), toBytes(text));
  return changes.length;
}

/**
 * Writes this device's snapshot again the folder's current way (sealed, or plain once
 * encryption was turned off): read and written as is when it opens, else (sealed with a key
 * this device no longer has) made again from the local database, same number and vector (its
 * later changes may be in it too: applying them twice does nothing).
 */
export async function rewriteOwnSnapshot(ctx: EngineCtx, own: OwnState): Promise<void> {
  if (!own.snapshot) return;
  const path = devicePath(ctx.me, snapshotName(own.snapshot.n));
  const file = await readOwnPlain(ctx, path, 'snapshot').catch(() => null);
  if (file && !file.truncated && !file.damaged) {
    await writePlain(ctx, path, file.bytes);
    return;
  }
  const lines = await writeSnapshot(ctx, own.snapshot.n, own.snapshot.vector);
  own.snapshot = { ...own.snapshot, lines };
}
