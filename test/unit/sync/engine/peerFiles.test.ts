import { afterEach, describe, expect, it } from 'vitest';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TamperedFileError } from '../../../../shared/sync/crypto';
import { UnsealedFileError } from '../../../../shared/sync/fileReader';
import { FolderError } from '../../../../shared/sync/folder';
import { encodeLine, toBytes } from '../../../../shared/sync/format';
import { BadSignatureError } from '../../../../shared/sync/identity';
import { FileTooLargeError } from '../../../../shared/sync/limits';
import { fileFailed, readLinesOf } from '../../../../shared/sync/engine/peerFiles';
import type { SyncWarning } from '../../../../shared/sync/engine';
import { gzipBytes } from '../../../../shared/sync/compression';
import { closeCtxs, testCtx } from './ctx';

afterEach(closeCtxs);

const PEER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const entry = (size: number) => ({ name: 'x', kind: 'file' as const, size, mtimeMs: 1 });

describe('fileFailed', () => {
  it('names each kind of bad file, once while it stays the same; other errors are not its fault', async () => {
    const { ctx } = await testCtx();
    const path = `devices/${PEER}/seg-00000001.jsonl`;
    const cases: [unknown, SyncWarning['code']][] = [
      [new BadSignatureError(path, 'bad signature'), 'bad-signature'],
      [new UnsealedFileError(path), 'unsealed-file'],
      [new FileTooLargeError(path, 10, 5), 'too-large'],
      [new FolderError('TOOBIG', 'too big'), 'too-large'],
      [new TamperedFileError(path), 'tampered-file'],
      [new FolderError('OUTSIDE', 'link'), 'fs-error'],
    ];
    for (const [i, [error, code]] of cases.entries()) {
      const warnings: SyncWarning[] = [];
      const p = `${path}.${i}`;
      expect(fileFailed(ctx, error, PEER, p, entry(3), warnings)).toBe(true);
      expect(warnings).toEqual([expect.objectContaining({ code, deviceId: PEER, path: p })]);
      expect(fileFailed(ctx, error, PEER, p, entry(3), warnings)).toBe(true);
      expect(warnings).toHaveLength(1); // reported once
    }
    const warnings: SyncWarning[] = [];
    expect(fileFailed(ctx, new FolderError('EBUSY', 'busy'), PEER, path, entry(3), warnings)).toBe(
      false,
    );
    expect(fileFailed(ctx, new Error('boom'), PEER, path, entry(3), warnings)).toBe(false);
    expect(warnings).toEqual([]);
  });
});

describe('readLinesOf', () => {
  it('reads whole lines; damaged data and lines reported; a damaged file then waits 64 rounds', async () => {
    const { ctx, root } = await testCtx();
    const dir = join(root, 'devices', PEER);
    await mkdir(dir, { recursive: true });
    const text = encodeLine({ t: 'seg', n: 1 }) + encodeLine({ p: 1, c: {} }) + 'junk line\n';
    const gz = gzipBytes(toBytes(text));
    const damaged = new Uint8Array([...gz, ...toBytes('junk after the gzip data')]);
    await writeFile(join(dir, 'seg-00000001.jsonl'), damaged);
    const path = `devices/${PEER}/seg-00000001.jsonl`;
    const warnings: SyncWarning[] = [];
    const how = { kind: 'segment' as const, trust: { key: null }, entry: entry(damaged.length) };
    const lines = await readLinesOf(ctx, path, PEER, warnings, how);
    expect(lines?.values).toHaveLength(2);
    expect(warnings.map((w) => w.code)).toEqual(['bad-lines', 'bad-lines']);
    expect(warnings[1]?.message).toMatch(/1 damaged line/);
    ctx.roundNo += 63;
    expect(await readLinesOf(ctx, path, PEER, [], how)).toBeNull(); // in back-off
    ctx.roundNo += 1;
    expect(await readLinesOf(ctx, path, PEER, [], how)).not.toBeNull();
    expect(await readLinesOf(ctx, `devices/${PEER}/seg-00000002.jsonl`, PEER, [], how)).toBeNull();
  });
});
