import { mkdtemp, open, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileChangedError, readExactly } from '../../../electron/main/backups/readExactly';

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

async function fileWith(bytes: Uint8Array): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'ews-read-exactly-'));
  const path = join(dir, 'f.bin');
  await writeFile(path, bytes);
  return path;
}

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31) & 0xff);

describe('readExactly', () => {
  it('reads the whole file, of the size checked on the open handle', async () => {
    const want = bytes(3 * 65_536 + 17);
    const handle = await open(await fileWith(want), 'r');
    try {
      expect(await readExactly(handle, (await handle.stat()).size)).toEqual(want);
    } finally {
      await handle.close();
    }
  });

  it('reads an empty file', async () => {
    const handle = await open(await fileWith(new Uint8Array(0)), 'r');
    try {
      expect((await readExactly(handle, 0)).byteLength).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it('refuses a file that grew after its size was checked (a writer appending: never unbounded)', async () => {
    const path = await fileWith(bytes(1000));
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      await writeFile(path, bytes(5000)); // the writer grows it in place
      await expect(readExactly(handle, size)).rejects.toBeInstanceOf(FileChangedError);
    } finally {
      await handle.close();
    }
  });

  it('refuses a file that shrank after its size was checked', async () => {
    const path = await fileWith(bytes(1000));
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      await truncate(path, 10);
      await expect(readExactly(handle, size)).rejects.toBeInstanceOf(FileChangedError);
    } finally {
      await handle.close();
    }
  });
});
