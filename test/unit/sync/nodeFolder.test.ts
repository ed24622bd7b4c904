import { describe, expect, it } from 'vitest';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FolderError } from '../../../shared/sync/folder';
import { checkRelativePath, createNodeFolder } from '../../../electron/main/sync/nodeFolder';
import { tempDir } from './harness';

const bytes = (s: string) => new TextEncoder().encode(s);

async function refused(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(FolderError);
    return (error as FolderError).code;
  }
  throw new Error('expected a refusal');
}

describe('node sync folder: confinement to the chosen folder', () => {
  it('refuses ../, absolute paths, backslashes, NUL and .. inside names', async () => {
    for (const bad of [
      '../x',
      'devices/../../x',
      '/etc/passwd',
      'C:\\\\Windows',
      'devices\\\\x',
      'a\\u0000b',
      'x/..hidden',
      'na..me',
      '',
      'a//b',
      './a',
    ]) {
      expect(() => checkRelativePath(bad.replace('\\\\u0000', '\\u0000'))).toThrow(FolderError);
    }
    expect(() => checkRelativePath('a\u0000b')).toThrow(FolderError);
    expect(checkRelativePath("devices/x/seg-00000001 (Dana's conflicted copy).jsonl")).toHaveLength(
      3,
    );
    const root = await tempDir();
    const folder = createNodeFolder(root);
    expect(await refused(folder.write('../escape.txt', bytes('x')))).toBe('OUTSIDE');
    expect(await refused(folder.read('/etc/hostname'))).toBe('OUTSIDE');
    expect(await refused(folder.list('..'))).toBe('OUTSIDE');
    expect(await refused(folder.remove('a/../../b'))).toBe('OUTSIDE');
  });

  it('refuses symbolic links that lead out of the folder, as files or as folders', async () => {
    const root = await tempDir();
    const outside = await tempDir();
    await writeFile(join(outside, 'secret.txt'), 'secret');
    await symlink(outside, join(root, 'linkdir'));
    await symlink(join(outside, 'secret.txt'), join(root, 'link.txt'));
    const folder = createNodeFolder(root);
    expect(await refused(folder.read('linkdir/secret.txt'))).toBe('OUTSIDE');
    expect(await refused(folder.read('link.txt'))).toBe('OUTSIDE');
    expect(await refused(folder.write('linkdir/new.txt', bytes('x')))).toBe('OUTSIDE');
    expect(await refused(folder.write('link.txt', bytes('x')))).toBe('OUTSIDE');
    expect(await readdir(outside)).toEqual(['secret.txt']);
    // listing never reports links
    expect((await folder.list('')).map((e) => e.name)).toEqual([]);
  });

  it('writes atomically (no temp file left), reads, lists, stats and removes', async () => {
    const root = await tempDir();
    const folder = createNodeFolder(root);
    await folder.write('devices/d1/head.json', bytes('{"a":1}'));
    await folder.write('devices/d1/head.json', bytes('{"a":2}'));
    expect(new TextDecoder().decode((await folder.read('devices/d1/head.json'))!)).toBe('{"a":2}');
    expect(await readdir(join(root, 'devices', 'd1'))).toEqual(['head.json']);
    expect((await folder.list('devices')).map((e) => [e.name, e.kind])).toEqual([['d1', 'dir']]);
    expect((await folder.stat('devices/d1/head.json'))?.size).toBe(7);
    expect(await folder.read('devices/d1/missing.json')).toBeNull();
    expect(await folder.list('devices/none')).toEqual([]);
    await folder.remove('devices/d1/head.json');
    await folder.remove('devices/d1/head.json');
    expect(await folder.stat('devices/d1/head.json')).toBeNull();
    expect(await folder.available()).toBe(true);
    expect(await createNodeFolder(join(root, 'nope')).available()).toBe(false);
    await mkdir(join(root, 'x'));
  });
});
