/**
 * Publishing this device's changes: segments (sealed once full, chained by hash) and the head that lists them.
 */
import type { ChangeRecord } from '../../model/change';
import {
  HEAD_FILE,
  type HeadFile,
  type SegmentHeader,
  type SegmentInfo,
  devicePath,
  encodeLine,
  randomToken,
  segmentName,
  sha256Hex,
  toBytes,
} from '../format';
import { type EngineCtx, OWN_TOKENS_KEPT, type OwnState } from './context';
import { writePlain } from './io';
import { inScope, ownKey } from './state';
import type { SyncProgress } from './types';

/** The plain bytes of one own segment, regenerated from the local log (deterministic). */
export async function segmentBytes(
  ctx: EngineCtx,
  seg: SegmentInfo,
  prev: string | null,
): Promise<Uint8Array> {
  const header: SegmentHeader = {
    t: 'seg',
    format: ctx.folderFormat,
    device: ctx.me,
    n: seg.n,
    prev,
  };
  const changes = (await ctx.db.ownChanges(ctx.me, seg.firstSeq - 1, seg.lastSeq)).filter((c) =>
    inScope(ctx, c),
  );
  let text = encodeLine(header);
  changes.forEach((c, i) => {
    text += encodeLine({ p: seg.firstP + i, c });
  });
  return toBytes(text);
}

export function prevHashOf(own: OwnState, index: number): string | null {
  return index > 0 ? (own.segments[index - 1]?.hash ?? null) : null;
}

/** Publishes new own changes; resolves to the number of change lines written. */
export async function publish(
  ctx: EngineCtx,
  own: OwnState,
  rebuild: boolean,
  progress: (p: SyncProgress) => void,
): Promise<number> {
  const outbox = (await ctx.db.ownChanges(ctx.me, own.writtenSeq)).filter((c) => inScope(ctx, c));
  const lastSeq = await ctx.db.lastOwnSeq(ctx.me);
  if (outbox.length === 0 && !rebuild) {
    own.writtenSeq = Math.max(own.writtenSeq, lastSeq);
    return 0;
  }
  const dirty = new Set<number>();
  const built = new Map<number, Uint8Array>(); // sealed this round: hashed bytes, written as is
  if (rebuild) for (const seg of own.segments) dirty.add(seg.n);
  let done = 0;
  while (done < outbox.length) {
    done = await fillSegment(ctx, own, outbox, done, dirty, built);
    progress({ phase: 'writing', done, total: outbox.length });
  }
  for (let i = 0; i < own.segments.length; i++) {
    const seg = own.segments[i] as SegmentInfo;
    if (!dirty.has(seg.n)) continue;
    const plain = built.get(seg.n) ?? (await segmentBytes(ctx, seg, prevHashOf(own, i)));
    await writePlain(ctx, devicePath(ctx.me, segmentName(seg.n)), plain);
  }
  own.writtenSeq = Math.max(lastSeq, outbox[outbox.length - 1]?.seq ?? 0);
  return outbox.length;
}

/**
 * Adds outbox changes from `done` on to the open segment (a new one after a sealed one) until
 * it is full; a full segment is sealed: its bytes built and hashed now (the next one names
 * its hash). Resolves to the new `done`.
 */
async function fillSegment(
  ctx: EngineCtx,
  own: OwnState,
  outbox: ChangeRecord[],
  done: number,
  dirty: Set<number>,
  built: Map<number, Uint8Array>,
): Promise<number> {
  let last = own.segments[own.segments.length - 1];
  if (!last || last.hash !== undefined) {
    const first = outbox[done] as ChangeRecord;
    last = {
      n: own.nextSegment,
      firstP: own.lastP + 1,
      lastP: own.lastP,
      firstSeq: first.seq,
      lastSeq: first.seq - 1,
      bytes: 0,
    };
    own.nextSegment += 1;
    own.segments.push(last);
  }
  let size = last.bytes ?? 0;
  let lines = last.lastP - last.firstP + 1;
  while (done < outbox.length && lines < ctx.segmentMaxLines && size < ctx.segmentMaxBytes) {
    const change = outbox[done] as ChangeRecord;
    size += JSON.stringify(change).length + 24;
    lines += 1;
    last.lastP += 1;
    last.lastSeq = change.seq;
    done += 1;
  }
  last.bytes = size;
  own.lastP = last.lastP;
  dirty.add(last.n);
  if (lines >= ctx.segmentMaxLines || size >= ctx.segmentMaxBytes) {
    const index = own.segments.length - 1;
    const bytes = await segmentBytes(ctx, last, prevHashOf(own, index));
    built.set(last.n, bytes);
    last.hash = await sha256Hex(bytes);
  }
  return done;
}

export async function writeHead(
  ctx: EngineCtx,
  own: OwnState,
  cursors: Record<string, number>,
  folderId: string,
): Promise<void> {
  const token = randomToken();
  // Remember the token BEFORE writing: a head with a token we never remember is another writer.
  own.tokens = [...own.tokens, token].slice(-OWN_TOKENS_KEPT);
  await ctx.db.setState(ownKey(ctx, folderId), own);
  const head: HeadFile = {
    format: ctx.folderFormat,
    ...(ctx.signed ? { folderId } : {}),
    deviceId: ctx.me,
    ...(ctx.options.deviceName ? { deviceName: ctx.options.deviceName } : {}),
    ...(ctx.options.actor ? { actor: ctx.options.actor } : {}),
    lastP: own.lastP,
    firstP: own.segments[0]?.firstP ?? own.lastP + 1,
    segments: own.segments,
    ...(own.snapshot ? { snapshot: own.snapshot } : {}),
    token,
    writtenAt: ctx.now().toISOString(),
    cursors,
  };
  await writePlain(ctx, devicePath(ctx.me, HEAD_FILE), toBytes(`${JSON.stringify(head)}\n`));
}
