import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveSummary } from '../../../shared/archive/format';
import { createBackupStore, parseBackupId } from '../../../electron/main/backups/backupStore';
import { createFileTransfers } from '../../../electron/main/backups/transfers';

const ENGAGEMENT = '0195a000-0000-7000-8000-0000000000e1';
const summary: ArchiveSummary = {
  engagementId: ENGAGEMENT,
  client: 'Northwind Learning',
  title: 'Database operations review',
  archived: false,
  counts: { engagement: 1, risk: 3 },
  deleted: { engagement: 0, risk: 1 },
  changes: 9,
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backups-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A clock the test moves. */
function clock(start: string) {
  let t = Date.parse(start);
  return { now: () => new Date(t), advanceDays: (d: number) => (t += d * 86_400_000) };
}

describe('backup store (main process)', () => {
  it('writes a backup and its summary, lists it, and leaves no temporary files', async () => {
    const c = clock('2026-11-26T02:00:00.000Z');
    const store = createBackupStore({ dir, now: c.now });
    const { entry, pruned } = await store.write({
      engagementId: ENGAGEMENT,
      text: '{"format":"x"}',
      summary,
      appVersion: '0.1.0',
    });
    expect(pruned).toEqual([]);
    expect(entry).toMatchObject({
      id: `${ENGAGEMENT}/2026-11-26`,
      day: '2026-11-26',
      takenAt: '2026-11-26T02:00:00.000Z',
      size: 14,
      appVersion: '0.1.0',
      summary,
    });
    expect(await store.list()).toEqual([entry]);
    const files = await readdir(join(dir, ENGAGEMENT));
    expect(files.sort()).toEqual(['2026-11-26.engagement.json', '2026-11-26.summary.json']);
    expect(await readFile(store.pathOf(entry.id), 'utf8')).toBe('{"format":"x"}');
  });

  it('keeps a rolling set: 60 daily runs leave 7 daily + 4 weekly backups', async () => {
    const c = clock('2026-09-28T02:00:00.000Z');
    const store = createBackupStore({ dir, now: c.now });
    for (let i = 0; i < 60; i += 1) {
      await store.write({
        engagementId: ENGAGEMENT,
        text: `day ${i}`,
        summary,
        appVersion: '0.1.0',
      });
      c.advanceDays(1);
    }
    const list = await store.list();
    expect(list).toHaveLength(11);
    expect(list[0]?.day).toBe('2026-11-26');
    const files = await readdir(join(dir, ENGAGEMENT));
    expect(files).toHaveLength(22);
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('a failing rename leaves the previous backup of the day intact and no temp file', async () => {
    const c = clock('2026-11-26T02:00:00.000Z');
    const good = createBackupStore({ dir, now: c.now });
    await good.write({ engagementId: ENGAGEMENT, text: 'first', summary, appVersion: '0.1.0' });
    const failing = createBackupStore({
      dir,
      now: c.now,
      ops: {
        rename: async () => {
          throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
        },
      },
    });
    await expect(
      failing.write({ engagementId: ENGAGEMENT, text: 'second', summary, appVersion: '0.1.0' }),
    ).rejects.toThrow(/EIO/);
    expect(await readFile(good.pathOf(`${ENGAGEMENT}/2026-11-26`), 'utf8')).toBe('first');
    const files = await readdir(join(dir, ENGAGEMENT));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await good.list())[0]?.summary).toEqual(summary);
  });

  it('refuses ids that are not a UUID and a day (no path tricks)', () => {
    const store = createBackupStore({ dir });
    expect(parseBackupId(`${ENGAGEMENT}/2026-11-26`)).toEqual({
      engagementId: ENGAGEMENT,
      day: '2026-11-26',
    });
    for (const bad of [
      '../../etc/passwd',
      `${ENGAGEMENT}/../x`,
      `${ENGAGEMENT}/2026-11-26/x`,
      '',
    ]) {
      expect(parseBackupId(bad)).toBeNull();
      expect(() => store.pathOf(bad)).toThrow(RangeError);
    }
  });

  it('lists a backup whose summary file is missing, and ignores stray files', async () => {
    await mkdir(join(dir, ENGAGEMENT), { recursive: true });
    await writeFile(join(dir, ENGAGEMENT, '2026-11-20.engagement.json'), 'x');
    await writeFile(join(dir, ENGAGEMENT, '.2026-11-21.engagement.json.abc.tmp'), 'half');
    await writeFile(join(dir, 'notes.txt'), 'hello');
    const list = await createBackupStore({ dir }).list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ day: '2026-11-20', size: 1 });
    expect(list[0]?.summary).toBeUndefined();
  });
});

describe('file transfers (main process)', () => {
  it('reads a file in pieces without splitting characters', async () => {
    const path = join(dir, 'a.json');
    const text = 'é€😀'.repeat(3000);
    await writeFile(path, text);
    const transfers = createFileTransfers();
    const { token, size } = await transfers.openRead(path);
    expect(size).toBe(Buffer.byteLength(text));
    let out = '';
    for (;;) {
      const piece = await transfers.read(token, 1024 + 1); // odd sizes cut through characters
      out += piece.text;
      if (piece.done) break;
    }
    expect(out).toBe(text);
    expect(transfers.openCount).toBe(0);
    await expect(transfers.read(token)).rejects.toThrow(/no longer open/);
  });

  it('writes in pieces into a temp file and renames it into place on the last piece', async () => {
    const path = join(dir, 'out.engagement.json');
    await writeFile(path, 'old');
    const transfers = createFileTransfers();
    const { token } = await transfers.openWrite(path);
    await transfers.write(token, 'new ', false);
    expect(await readFile(path, 'utf8')).toBe('old');
    const done = await transfers.write(token, 'content', true);
    expect(done).toEqual({ bytesWritten: 11, done: true });
    expect(await readFile(path, 'utf8')).toBe('new content');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an abandoned or failed write leaves the old file and no temp file', async () => {
    const path = join(dir, 'out.csv');
    await writeFile(path, 'old');
    const transfers = createFileTransfers();
    const first = await transfers.openWrite(path);
    await transfers.write(first.token, 'half', false);
    expect(await transfers.close(first.token)).toBe(true);
    const failing = createFileTransfers({
      rename: async () => {
        throw new Error('disk full');
      },
    });
    const second = await failing.openWrite(path);
    await expect(failing.write(second.token, 'all', true)).rejects.toThrow(/could not be written/);
    expect(await readFile(path, 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['out.csv']);
  });
});
