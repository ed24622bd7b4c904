import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomically } from '../../../electron/main/backups/atomicFile';
import { nodeMemoFileSystem } from '../../../electron/main/handlers/memo.handler';

describe('the one atomic write of main', () => {
  it('writes text or bytes readable by this user only, replacing a file made readable by all', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ews-atomic-'));
    const target = join(dir, 'memo.md');
    await writeFile(target, 'old', { mode: 0o644 });
    expect(await writeFileAtomically(target, new TextEncoder().encode('new bytes'))).toBe(9);
    expect(await readFile(target, 'utf8')).toBe('new bytes');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    await writeFileAtomically(target, 'text');
    expect(await readFile(target, 'utf8')).toBe('text');
    expect(await readdir(dir)).toEqual(['memo.md']); // no temporary file left
  });

  it('exported memos are written readable by the user only (0600)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ews-memo-'));
    const target = join(dir, 'Escalation memo.pdf');
    await nodeMemoFileSystem.writeFile(target, new Uint8Array([37, 80, 68, 70]));
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });
});
