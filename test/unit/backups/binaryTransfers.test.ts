import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileTransfers } from '../../../electron/main/backups/transfers';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'binary-transfers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('binary file transfers (a zipped archive)', () => {
  it('reads and writes bytes that are not UTF-8, piece by piece, unchanged', async () => {
    const bytes = new Uint8Array(10_000).map((_, i) => (i * 131 + 7) % 256);
    const source = join(dir, 'in.engagement.zip');
    await writeFile(source, bytes);
    const transfers = createFileTransfers();
    const { token } = await transfers.openRead(source);
    const parts: Buffer[] = [];
    for (;;) {
      const piece = await transfers.read(token, 1024 + 1, 'base64');
      parts.push(Buffer.from(piece.text, 'base64'));
      if (piece.done) break;
    }
    expect(new Uint8Array(Buffer.concat(parts))).toEqual(bytes);

    const target = join(dir, 'out.engagement.zip');
    const w = await transfers.openWrite(target);
    await transfers.write(
      w.token,
      Buffer.from(bytes.subarray(0, 3000)).toString('base64'),
      false,
      'base64',
    );
    await transfers.write(
      w.token,
      Buffer.from(bytes.subarray(3000)).toString('base64'),
      true,
      'base64',
    );
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(transfers.openCount).toBe(0);
  });

  it('reads a piece at a position (a zip’s directory) without moving the transfer on', async () => {
    const bytes = new Uint8Array(5000).map((_, i) => (i * 31 + 3) % 256);
    const source = join(dir, 'in.engagement.zip');
    await writeFile(source, bytes);
    const transfers = createFileTransfers();
    const { token } = await transfers.openRead(source);
    const tail = await transfers.read(token, 2048, 'base64', 4000);
    expect(new Uint8Array(Buffer.from(tail.text, 'base64'))).toEqual(bytes.subarray(4000));
    expect(tail).toMatchObject({ bytesRead: 0, size: 5000, done: false });
    await expect(transfers.read(token, 2048, 'utf8', 0)).rejects.toThrow(/base64 only/);
    await expect(transfers.read(token, 2048, 'base64', 5001)).rejects.toThrow(/base64 only/);
    const first = await transfers.read(token, 4096, 'base64');
    expect(new Uint8Array(Buffer.from(first.text, 'base64'))).toEqual(bytes.subarray(0, 4096));
    await transfers.close(token);
    expect(transfers.openCount).toBe(0);
  });
});
