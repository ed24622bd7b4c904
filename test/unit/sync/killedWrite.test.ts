import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'rolldown';
import { closeAll, engagement, makeDevice, tempDir } from './harness';

afterEach(closeAll);

/** Bundles the child writer (TypeScript) into one ES module Node can run. */
async function bundleChild(): Promise<string> {
  const out = join(await tempDir('ews-child-'), 'childWriter.mjs');
  await build({
    input: resolve(import.meta.dirname, 'fixtures/childWriter.ts'),
    platform: 'node',
    resolve: { alias: { '@shared': resolve(import.meta.dirname, '../../../shared') } },
    output: { file: out, format: 'esm' },
    logLevel: 'silent',
  });
  return out;
}

describe('a process killed in the middle of a write', () => {
  it('leaves only whole files and an ignored temp file; the other device reads what is complete', async () => {
    const staging = await tempDir();
    const a = await makeDevice(staging, { name: 'Laptop', tuning: { segmentMaxLines: 3 } });
    const e = await a.store.engagements.create(engagement);
    for (let i = 0; i < 5; i++) {
      await a.store.notes.create({
        engagementId: e.id,
        title: `Note ${i}`,
        date: '2026-03-02T09:00:00.000Z',
      });
    }
    await a.sync();
    const id = a.engine.deviceId();
    const seg1 = `devices/${id}/seg-00000001.jsonl`;
    const seg2 = `devices/${id}/seg-00000002.jsonl`;
    const root = await tempDir();
    const child = spawn(
      process.execPath,
      [
        await bundleChild(),
        staging,
        root,
        'format.json',
        `devices/${id}/device.json`,
        `devices/${id}/roster.json`,
        seg1,
        seg2,
        `devices/${id}/head.json`,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let renames = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_code, signal) => done(signal)),
    );
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => {
        renames += (d.toString().match(/^rename /gm) ?? []).length;
        if (renames === 5) {
          child.kill('SIGKILL'); // segment 2 is written to its temp name, not yet renamed
          done();
        }
      });
      child.on('exit', () => fail(new Error(`child ended early: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const files = await readdir(join(root, 'devices', id));
    expect(files).toContain('seg-00000001.jsonl');
    expect(files).not.toContain('seg-00000002.jsonl');
    expect(files).not.toContain('head.json');
    expect(files.some((f) => f.startsWith('.') && f.endsWith('.tmp'))).toBe(true);
    expect(await readFile(join(root, seg1))).toEqual(await readFile(join(staging, seg1)));

    const b = await makeDevice(root, { name: 'Desktop' });
    const r = await b.sync();
    expect(r.status).toBe('ok');
    expect(await b.db.engagements.count()).toBe(1);
    expect(await b.db.notes.count()).toBe(2); // segment 1: engagement + 2 notes
  });
});
