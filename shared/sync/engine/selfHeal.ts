/**
 * This device's past (sealed) segments, checked against the hashes it published: one that
 * someone else overwrote, damaged or removed is written again from the local change log (its
 * content is deterministic) and reported. Readers refuse such a segment anyway (chain and
 * signature); this puts the right one back so they can read it.
 *
 * Cheap by design: each round lists this device's folder (one small read); a segment is read
 * and hashed only when its size or time differs from when it was last found right, at most
 * OWN_CHECKS_PER_ROUND of them per round (a device's first round reads its segments a few at a
 * time), and a missing one costs no read.
 */
import { deviceDir, devicePath, segmentName, sha256Hex, type SegmentInfo } from '../format';
import type { EngineCtx, OwnState } from './context';
import { readOwnPlain, writePlain } from './io';
import { prevHashOf, segmentBytes } from './publish';
import type { SyncWarning } from './types';

const MISSING = 'missing';

/** Own segments read and hashed per round at most. */
export const OWN_CHECKS_PER_ROUND = 2;

/** Checks own sealed segments; rewrites and reports those found wrong. True when one was. */
export async function healOwnSegments(
  ctx: EngineCtx,
  own: OwnState,
  warnings: SyncWarning[],
): Promise<boolean> {
  const listed = new Map(
    (await ctx.folder.list(deviceDir(ctx.me))).map((e) => [e.name, `${e.size}|${e.mtimeMs}`]),
  );
  let reads = 0;
  let healed = false;
  for (let i = 0; i < own.segments.length; i++) {
    const seg = own.segments[i] as SegmentInfo;
    if (seg.hash === undefined) continue;
    const path = devicePath(ctx.me, segmentName(seg.n));
    const version = listed.get(segmentName(seg.n));
    if (ctx.verifiedOwn.get(path) === (version ?? MISSING)) continue;
    if (version !== undefined) {
      if (reads >= OWN_CHECKS_PER_ROUND) continue;
      reads += 1;
      if (await holdsHash(ctx, path, seg.hash)) {
        ctx.verifiedOwn.set(path, version);
        continue;
      }
    }
    if (await rewriteSegment(ctx, own, i, path, version, warnings)) healed = true;
  }
  return healed;
}

/** True when the file at `path` is this device's, whole, with the plain bytes of `hash`. */
async function holdsHash(ctx: EngineCtx, path: string, hash: string): Promise<boolean> {
  try {
    const file = await readOwnPlain(ctx, path, 'segment');
    return (
      file !== null && !file.truncated && !file.damaged && (await sha256Hex(file.bytes)) === hash
    );
  } catch {
    return false; // bad signature, sealed with another key, too large...: not ours as written
  }
}

/** Writes own segment `index` again from the local log, when it regenerates to its hash. */
async function rewriteSegment(
  ctx: EngineCtx,
  own: OwnState,
  index: number,
  path: string,
  version: string | undefined,
  warnings: SyncWarning[],
): Promise<boolean> {
  const missing = version === undefined;
  const seg = own.segments[index] as SegmentInfo;
  const plain = await segmentBytes(ctx, seg, prevHashOf(own, index));
  if ((await sha256Hex(plain)) !== seg.hash) {
    warnings.push({
      code: 'chain-broken',
      deviceId: ctx.me,
      path,
      message: `${path}, a segment this device published, was ${missing ? 'removed' : 'overwritten'} in the sync folder, and this device's records no longer give the same bytes: it could not be written again. Restore it from the folder's version history.`,
    });
    // said once: found wrong again only when the file changes
    ctx.verifiedOwn.set(path, version ?? MISSING);
    return false;
  }
  await writePlain(ctx, path, plain);
  ctx.verifiedOwn.delete(path); // checked again (once) when its new size and time are listed
  warnings.push({
    code: 'own-files-restored',
    deviceId: ctx.me,
    path,
    message: `${path}, a segment this device published, was ${missing ? 'removed' : 'overwritten'} in the sync folder by someone else; it was written again from this device's records.`,
  });
  return true;
}
