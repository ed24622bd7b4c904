import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadOwn } from '../../../../shared/sync/engine/state';
import { prevHashOf, publish, segmentBytes } from '../../../../shared/sync/engine/publish';
import { decodeLines, sha256Hex } from '../../../../shared/sync/format';
import { ENVELOPE_BYTES } from '../../../../shared/sync/identity';
import { gunzipPrefix } from '../../../../shared/sync/compression';
import { engagement } from '../harness';
import { closeCtxs, testCtx } from './ctx';

afterEach(closeCtxs);

describe('publish', () => {
  it('fills segments up to their size, seals full ones with the hash of their bytes, chained', async () => {
    const { ctx, root, store } = await testCtx({ segmentMaxLines: 2 });
    ctx.signed = true;
    ctx.compressFiles = true;
    const e = await store.engagements.create(engagement);
    for (let i = 1; i <= 4; i++) await store.engagements.rename(e.id, `Title ${i}`);
    const own = await loadOwn(ctx, 'folder');
    expect(await publish(ctx, own, false, () => {})).toBe(5);
    expect(own.segments.map((s) => [s.n, s.firstP, s.lastP, s.hash !== undefined])).toEqual([
      [1, 1, 2, true],
      [2, 3, 4, true],
      [3, 5, 5, false],
    ]);
    expect(own.lastP).toBe(5);
    expect(own.writtenSeq).toBe(5);
    for (const [i, seg] of own.segments.entries()) {
      const bytes = await segmentBytes(ctx, seg, prevHashOf(own, i));
      if (seg.hash) expect(await sha256Hex(bytes)).toBe(seg.hash);
      const stored = new Uint8Array(
        await readFile(join(root, 'devices', ctx.me, `seg-0000000${seg.n}.jsonl`)),
      );
      const plain = gunzipPrefix(stored.subarray(ENVELOPE_BYTES)).bytes;
      expect(plain).toEqual(bytes);
      const header = decodeLines(new TextDecoder().decode(plain)).values[0] as { prev: unknown };
      expect(header.prev).toBe(i === 0 ? null : own.segments[i - 1]?.hash);
    }
    // nothing new: nothing written; one more change goes into the open segment, which seals
    expect(await publish(ctx, own, false, () => {})).toBe(0);
    await store.engagements.rename(e.id, 'Title 5');
    expect(await publish(ctx, own, false, () => {})).toBe(1);
    expect(own.segments.map((s) => [s.n, s.lastP, s.hash !== undefined])).toEqual([
      [1, 2, true],
      [2, 4, true],
      [3, 6, true],
    ]);
  });

  it('a rebuild writes every segment again, the same bytes', async () => {
    const { ctx, root, store } = await testCtx({ segmentMaxLines: 2 });
    const e = await store.engagements.create(engagement);
    await store.engagements.rename(e.id, 'Second');
    await store.engagements.rename(e.id, 'Third');
    const own = await loadOwn(ctx, 'folder');
    await publish(ctx, own, false, () => {});
    const path = join(root, 'devices', ctx.me, 'seg-00000001.jsonl');
    const before = await readFile(path);
    const { rm } = await import('node:fs/promises');
    await rm(path);
    expect(await publish(ctx, own, true, () => {})).toBe(0);
    expect(await readFile(path)).toEqual(before);
  });
});
