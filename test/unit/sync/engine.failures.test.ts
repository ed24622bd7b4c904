import { afterEach, describe, expect, it } from 'vitest';
import {
  appendFile,
  copyFile,
  mkdir,
  readFile,
  readdir,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { ENVELOPE_BYTES, isSigned, signFile } from '../../../shared/sync/identity';
import { gunzipPrefix, gzipBytes, isGzip } from '../../../shared/sync/compression';
import type { SyncConflict } from '../../../shared/sync/conflict';
import { FolderError, type SyncFolder } from '../../../shared/sync/folder';
import { createNodeFolder } from '../../../electron/main/sync/nodeFolder';
import {
  closeAll,
  copyTree,
  dataOf,
  deletedCount,
  engagement,
  makeDevice,
  recordCount,
  tempDir,
  type Device,
} from './harness';
import { readAllChanges } from '../../../renderer/db/changeLog/reads';

afterEach(closeAll);

const segPath = (root: string, d: Device, n = 1) =>
  join(root, 'devices', d.engine.deviceId(), `seg-${String(n).padStart(8, '0')}.jsonl`);

/** Two devices that share one engagement with a note. */
/**
 * Edits a segment's text in place, keeping its form: gunzipped to edit and gzipped again when
 * the folder is format 2 (compressed), plain otherwise.
 */
async function rewriteSegment(
  path: string,
  by: Device,
  edit: (text: string) => string,
): Promise<void> {
  const stored = new Uint8Array(await readFile(path));
  const bytes = isSigned(stored) ? stored.subarray(ENVELOPE_BYTES) : stored;
  const gz = isGzip(bytes);
  const text = new TextDecoder().decode(gz ? gunzipPrefix(bytes).bytes : bytes);
  const edited = new TextEncoder().encode(edit(text));
  const inner = gz ? gzipBytes(edited) : edited;
  // signed again with the device's own key: what that device itself (a newer build) would write
  const proper = relative(dirname(dirname(dirname(path))), path)
    .split(sep)
    .join('/');
  await writeFile(
    path,
    isSigned(stored) && by.signer ? await signFile(by.signer, proper, inner) : inner,
  );
}

async function pair(root: string, tuning = {}) {
  const a = await makeDevice(root, { name: 'Laptop', tuning });
  const b = await makeDevice(root, { name: 'Desktop', start: '2026-03-02T09:00:00.500Z', tuning });
  const e = await a.store.engagements.create({
    ...engagement,
    scope: 'Review the database operations.',
  });
  const note = await a.store.notes.create({
    engagementId: e.id,
    title: 'Kick-off',
    date: '2026-03-02T09:00:00.000Z',
    body: 'First body',
  });
  await a.sync();
  await b.sync();
  return { a, b, e, note };
}

describe('sync failure cases', () => {
  it('concurrent offline edits of the same field: both devices converge, the loser is kept as a conflict', async () => {
    const root = await tempDir();
    const { a, b, note } = await pair(root);
    await a.store.notes.update(note.id, {
      body: 'Body written on the laptop',
      title: 'Laptop title',
    });
    b.clock.advance(5_000);
    await b.store.notes.update(note.id, {
      body: 'Body written on the desktop',
      title: 'Desktop title',
    });
    await a.sync();
    await b.sync();
    await a.sync();
    expect(await dataOf(a)).toEqual(await dataOf(b));
    expect((await a.db.notes.get(note.id))?.body).toBe('Body written on the desktop');
    expect((await a.db.notes.get(note.id))?.title).toBe('Desktop title');
    for (const d of [a, b]) {
      const conflicts = await d.db.table<SyncConflict, string>('syncConflicts').toArray();
      expect(conflicts.map((c) => c.loserValue)).toEqual(['Body written on the laptop']);
    }
  });

  it('edit after a remote delete: the record stays deleted on both, the edit is kept in it', async () => {
    const root = await tempDir();
    const { a, b, note } = await pair(root);
    await a.store.notes.softDelete(note.id);
    b.clock.advance(5_000);
    await b.store.notes.update(note.id, { body: 'Edited while it was being deleted' });
    await a.sync();
    await b.sync();
    await a.sync();
    expect(await dataOf(a)).toEqual(await dataOf(b));
    const onA = await a.db.notes.get(note.id);
    expect(onA?.deletedAt).not.toBeNull();
    expect(onA?.body).toBe('Edited while it was being deleted');
  });

  it('truncated, empty and garbage-tailed segments: good lines are read, the rest later', async () => {
    const root = await tempDir();
    // a folder of format 1: plain lines (format 2 gzips them: the next test)
    const a = await makeDevice(root, { name: 'Laptop', tuning: { newFolderFormat: 1 } });
    const e = await a.store.engagements.create(engagement);
    for (let i = 0; i < 5; i++) {
      await a.store.notes.create({
        engagementId: e.id,
        title: `Note ${i}`,
        date: '2026-03-02T09:00:00.000Z',
      });
    }
    await a.sync();
    const path = segPath(root, a);
    const full = await readFile(path);
    const b = await makeDevice(root, { name: 'Desktop' });

    // empty file (still downloading)
    await writeFile(path, '');
    expect((await b.sync()).status).toBe('ok');
    expect(await recordCount(b)).toBe(0);

    // truncated in the middle of the 4th change line
    const lines = full.toString('utf8').split('\n');
    const cut = lines.slice(0, 4).join('\n').length + 1 + 30;
    await writeFile(path, full.subarray(0, cut));
    await b.sync();
    expect(await recordCount(b)).toBe(3); // engagement + 2 notes (lines 2..4 complete)

    // complete file plus a garbage tail
    await writeFile(path, full);
    await appendFile(path, 'zzzz {"p":99,"c":garbage}\n\u0000\u0000\u0000');
    const r = await b.sync();
    expect(r.warnings.some((w) => w.code === 'bad-lines')).toBe(true);
    expect(await recordCount(b)).toBe(6);
    expect(await dataOf(a)).toEqual(await dataOf(b));
  });

  it('gzipped segments (format 2): smaller; a cut download gives its whole lines, junk after the data is reported', async () => {
    const root = await tempDir();
    const a = await makeDevice(root, { name: 'Laptop', tuning: { newFolderFormat: 2 } });
    const e = await a.store.engagements.create(engagement);
    for (let i = 0; i < 300; i++) {
      await a.store.notes.create({
        engagementId: e.id,
        title: `Note ${i}`,
        date: '2026-03-02T09:00:00.000Z',
        body: `Backups fill the shared disk; the weekly batch job ${i} fails without an owner.`,
      });
    }
    await a.sync();
    const format = JSON.parse(await readFile(join(root, 'format.json'), 'utf8'));
    expect(format).toMatchObject({ version: 2, minReaderVersion: 2 });
    const path = segPath(root, a);
    const full = new Uint8Array(await readFile(path));
    expect(isGzip(full)).toBe(true);
    const plain = gunzipPrefix(full);
    expect(plain.truncated || plain.damaged).toBe(false);
    expect(full.length).toBeLessThan(plain.bytes.length / 3);
    const b = await makeDevice(root, { name: 'Desktop' });

    // the first half of the download: the lines that decompressed whole are applied
    await writeFile(path, full.subarray(0, full.length >> 1));
    expect((await b.sync()).status).toBe('ok');
    const partial = await recordCount(b);
    expect(partial).toBeGreaterThan(1);
    expect(partial).toBeLessThan(301);

    // the whole file plus junk: every line, and a warning
    await writeFile(path, full);
    await appendFile(path, 'zzzz {"p":99,"c":garbage}\n');
    const r = await b.sync();
    expect(r.warnings.some((w) => w.code === 'bad-lines')).toBe(true);
    expect(await recordCount(b)).toBe(301);
    expect(await dataOf(a)).toEqual(await dataOf(b));
  }, 30_000);

  it('a folder of format 1 stays plain: written and read as plain lines by this version', async () => {
    const root = await tempDir();
    const a = await makeDevice(root, { name: 'Laptop', tuning: { newFolderFormat: 1 } });
    const e = await a.store.engagements.create(engagement);
    await a.sync();
    const b = await makeDevice(root, { name: 'Desktop' });
    await b.sync();
    await b.store.notes.create({
      engagementId: e.id,
      title: 'From the desktop',
      date: '2026-03-02T09:00:00.000Z',
    });
    await b.sync();
    await a.sync();
    expect(JSON.parse(await readFile(join(root, 'format.json'), 'utf8')).version).toBe(1);
    for (const d of [a, b]) {
      const text = await readFile(segPath(root, d), 'utf8');
      expect(text).toMatch(/^[0-9a-f]{8} \{/);
    }
    expect(await dataOf(a)).toEqual(await dataOf(b));
  });

  it('files out of order and with gaps: later segments apply, earlier ones fill in when they arrive', async () => {
    const root = await tempDir();
    const tuning = { segmentMaxLines: 2 };
    const a = await makeDevice(root, { name: 'Laptop', tuning });
    const e = await a.store.engagements.create(engagement);
    const n1 = await a.store.notes.create({
      engagementId: e.id,
      title: 'One',
      date: '2026-03-02T09:00:00.000Z',
    });
    await a.store.notes.update(n1.id, { title: 'One, renamed' });
    await a.store.notes.create({
      engagementId: e.id,
      title: 'Two',
      date: '2026-03-02T09:00:00.000Z',
    });
    await a.sync();
    const seg1 = segPath(root, a, 1);
    const aside = join(root, '..', `aside-${Date.now()}.jsonl`);
    await rename(seg1, aside); // segment 1 has not arrived yet
    const b = await makeDevice(root, { name: 'Desktop' });
    await b.sync();
    // segment 2 holds the rename of n1 and the create of "Two": "Two" exists, n1 waits for its create
    expect((await b.db.notes.toArray()).map((n) => n.title)).toEqual(['Two']);
    await rename(aside, seg1);
    await b.sync();
    expect((await b.db.notes.get(n1.id))?.title).toBe('One, renamed');
    expect(await dataOf(a)).toEqual(await dataOf(b));
  });

  it('Dropbox, OneDrive, Google Drive and Syncthing conflicted copies: their changes are recovered, not duplicated', async () => {
    const root = await tempDir();
    const { a, b, e } = await pair(root);
    const dir = join(root, 'devices', a.engine.deviceId());
    // A makes a change whose segment only survives as a conflicted copy of segment 1.
    const lost = await a.store.notes.create({
      engagementId: e.id,
      title: 'Only in the copy',
      date: '2026-03-02T09:00:00.000Z',
    });
    await a.sync();
    const seg1 = segPath(root, a, 1);
    await copyFile(seg1, join(dir, "seg-00000001 (Dana's conflicted copy 2026-03-02).jsonl"));
    await copyFile(seg1, join(dir, 'seg-00000001-LAPTOP-7.jsonl'));
    await copyFile(seg1, join(dir, 'seg-00000001 (1).jsonl'));
    await copyFile(seg1, join(dir, 'seg-00000001.sync-conflict-20260302-091500-ABCDEFG.jsonl'));
    await writeFile(join(dir, 'desktop.ini'), '[.ShellClassInfo]');
    await writeFile(join(dir, '.DS_Store'), 'x');
    await writeFile(join(dir, '~$notes.jsonl'), 'lock');
    // the real segment 1 lost the last change (the cloud kept the other version)
    const text = (await readFile(seg1, 'utf8')).split('\n').filter(Boolean);
    await writeFile(seg1, `${text.slice(0, -1).join('\n')}\n`);
    const r = await b.sync();
    expect(r.status).toBe('ok');
    expect((await b.db.notes.get(lost.id))?.title).toBe('Only in the copy');
    const ids = (await readAllChanges(b.db)).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe((await readAllChanges(a.db)).length);
  });

  it('folder missing, emptied, moved or rolled back: zero local deletions', async () => {
    const root = await tempDir();
    const { a, b, e } = await pair(root);
    for (let i = 0; i < 3; i++) {
      await a.store.notes.create({
        engagementId: e.id,
        title: `N${i}`,
        date: '2026-03-02T09:00:00.000Z',
      });
    }
    await a.sync();
    await b.sync();
    const backup = `${root}-backup`;
    await copyTree(root, backup);
    await b.store.notes.create({
      engagementId: e.id,
      title: 'After backup',
      date: '2026-03-02T09:00:00.000Z',
    });
    await b.sync();
    await a.sync();
    const count = await recordCount(a);
    expect(count).toBe(await recordCount(b));

    // missing
    await rm(root, { recursive: true, force: true });
    expect((await a.sync()).status).toBe('offline');
    // emptied: the folder is set up again as it was (the same format.json, so the same folder
    // id and recovery key), and this device's files are written again
    const formatBefore = await readFile(join(backup, 'format.json'), 'utf8');
    await mkdir(root);
    const emptied = await a.sync();
    expect(emptied.status).toBe('ok');
    expect(emptied.warnings.map((w) => w.code)).toContain('own-files-restored');
    expect(await readFile(join(root, 'format.json'), 'utf8')).toBe(formatBefore);
    expect(await readdir(join(root, 'devices', a.engine.deviceId()))).toContain(
      'seg-00000001.jsonl',
    );
    await b.sync();
    // rolled back to the older copy
    await rm(root, { recursive: true, force: true });
    await copyTree(backup, root);
    const rolled = await b.sync();
    expect(rolled.status).toBe('ok');
    await a.sync();
    await b.sync();
    // moved: the same folder under another path
    const moved = `${root}-moved`;
    await rename(root, moved);
    expect((await a.sync()).status).toBe('offline');
    const a2 = createNodeFolder(moved);
    expect(await a2.available()).toBe(true);

    for (const d of [a, b]) {
      expect(await recordCount(d)).toBe(count);
      expect(await deletedCount(d)).toBe(0);
    }
    expect(await dataOf(a)).toEqual(await dataOf(b));
    // after the rollback, A's and B's files were written again: a newcomer sees everything
    await rename(moved, root);
    const c = await makeDevice(root, { name: 'Newcomer' });
    await c.sync();
    expect(await dataOf(c)).toEqual(await dataOf(a));
  });

  it('EBUSY, EPERM and ENOSPC from the file system: the round fails, nothing is lost, the next one catches up', async () => {
    const root = await tempDir();
    const real = createNodeFolder(root);
    let failing: FolderError['code'] | null = null;
    const flaky: SyncFolder = {
      ...real,
      write: async (path, data) => {
        if (failing) throw new FolderError(failing, path);
        return real.write(path, data);
      },
      read: async (path) => {
        if (failing === 'EBUSY') throw new FolderError('EBUSY', path);
        return real.read(path);
      },
    };
    const a = await makeDevice(flaky, { name: 'Laptop' });
    const b = await makeDevice(root, { name: 'Desktop' });
    const e = await a.store.engagements.create(engagement);
    for (const code of ['EBUSY', 'EPERM', 'ENOSPC'] as const) {
      failing = code;
      await a.store.notes.create({
        engagementId: e.id,
        title: `During ${code}`,
        date: '2026-03-02T09:00:00.000Z',
      });
      const r = await a.sync();
      expect(r.status).toBe('failed');
      expect(r.message).toContain(code === 'ENOSPC' ? 'full' : code);
    }
    failing = null;
    expect((await a.sync()).status).toBe('ok');
    await b.sync();
    expect(await b.db.notes.count()).toBe(3);
    expect(await dataOf(a)).toEqual(await dataOf(b));
  });

  it('a segment read that fails while the next one is read ahead: reported, the rest applies, nothing lost', async () => {
    const root = await tempDir();
    const a = await makeDevice(root, { name: 'Laptop', tuning: { segmentMaxLines: 2 } });
    const e = await a.store.engagements.create(engagement);
    for (let i = 1; i <= 7; i += 1) {
      await a.store.notes.create({
        engagementId: e.id,
        title: `Note ${i}`,
        date: '2026-03-02T09:00:00.000Z',
      });
    }
    expect((await a.sync()).status).toBe('ok');
    const real = createNodeFolder(root);
    // Segment 2 fails once with EBUSY (a rejected read ahead), segment 3 once by throwing before
    // it returns a promise at all; both while the reads ahead of them are under way.
    const failures = new Map([
      ['seg-00000002', 'async'],
      ['seg-00000003', 'sync'],
    ]);
    const reads: string[] = [];
    const flaky: SyncFolder = {
      ...real,
      read: (path) => {
        reads.push(path);
        const hit = [...failures.keys()].find((name) => path.includes(name));
        const how = hit === undefined ? undefined : failures.get(hit);
        if (hit !== undefined) failures.delete(hit);
        if (how === 'sync') throw new FolderError('EPERM', path);
        if (how === 'async') return Promise.reject(new FolderError('EBUSY', path));
        return real.read(path);
      },
    };
    const b = await makeDevice(flaky, { name: 'Desktop' });
    const first = await b.sync();
    expect(first.status).toBe('ok');
    const failed = first.warnings.filter((w) => w.code === 'fs-error').map((w) => w.message);
    expect(failed).toHaveLength(2);
    expect(failed.join(' ')).toMatch(/EBUSY/);
    expect(failed.join(' ')).toMatch(/EPERM/);
    // Every segment was asked for once in this round: none twice, none skipped.
    const segmentReads = reads.filter((p) => /seg-\d+\.jsonl$/.test(p));
    expect(new Set(segmentReads).size).toBe(segmentReads.length);
    expect(segmentReads.length).toBeGreaterThanOrEqual(4);
    // The cursor stops before the first gap: the next round reads what failed and converges.
    expect((await b.sync()).status).toBe('ok');
    expect(await b.db.notes.count()).toBe(7);
    expect(await dataOf(a)).toEqual(await dataOf(b));
  });

  it('clock skew of an hour ahead and a day behind: converges, the late clock catches up, a far-ahead clock is flagged', async () => {
    const root = await tempDir();
    const normal = await makeDevice(root, { name: 'Normal', start: '2026-03-02T09:00:00.000Z' });
    const ahead = await makeDevice(root, { name: 'Ahead', start: '2026-03-02T09:59:00.000Z' });
    const behind = await makeDevice(root, { name: 'Behind', start: '2026-03-01T09:00:00.000Z' });
    const e = await normal.store.engagements.create(engagement);
    await normal.sync();
    await ahead.sync();
    await ahead.store.engagements.update(e.id, { status: 'paused' });
    await ahead.sync();
    // an hour ahead is within tolerance: Normal adopts its time, and Normal's later edit wins
    await normal.sync();
    await normal.store.engagements.update(e.id, { status: 'active' });
    await normal.sync();
    // the device a day behind sees two devices agreeing a day ahead: its own clock is wrong
    const late = await behind.sync();
    expect(
      late.warnings.some((w) => w.code === 'clock-skew' && w.deviceId === behind.engine.deviceId()),
    ).toBe(true);
    await behind.store.engagements.rename(e.id, 'Renamed by the late clock');
    await behind.sync();
    await normal.sync();
    await ahead.sync();
    for (const d of [normal, ahead, behind]) {
      const row = await d.db.engagements.get(e.id);
      expect(row?.title).toBe('Renamed by the late clock');
      expect(row?.status).toBe('active');
    }
    expect(await dataOf(normal)).toEqual(await dataOf(behind));
    expect(await dataOf(ahead)).toEqual(await dataOf(behind));

    // a device 3.5 hours ahead (alone) is flagged and its time is not adopted
    const far = await makeDevice(root, { name: 'Far', start: '2026-03-02T12:30:00.000Z' });
    await far.store.engagements.create({ ...engagement, title: 'From the far device' });
    await far.sync();
    const r = await normal.sync();
    expect(
      r.warnings.some((w) => w.code === 'clock-skew' && w.deviceId === far.engine.deviceId()),
    ).toBe(true);
    expect((await normal.store.clock.current())! < '2026-03-02T11:00').toBe(true);
    expect(await normal.db.engagements.count()).toBe(2);
  });

  it('a duplicated device id: the newer installation takes a fresh id and nothing is lost', async () => {
    const root = await tempDir();
    const a = await makeDevice(root, { name: 'Original' });
    const e = await a.store.engagements.create(engagement);
    await a.sync();
    // a copy of the profile: same device id, same data
    // (a copied profile carries the device key too)
    const copy = await makeDevice(root, {
      name: 'Copy',
      deviceId: a.engine.deviceId(),
      signer: a.signer,
    });
    await copy.db.engagements.bulkPut(await a.db.engagements.toArray());
    await copy.db.changes.bulkPut(await a.db.changes.toArray());
    await copy.db.changePacks.bulkPut(await a.db.changePacks.toArray());
    await copy.db.meta.bulkPut(await a.db.meta.toArray());
    await copy.db.table('syncState').bulkPut(await a.db.table('syncState').toArray());
    // both edit, the original publishes first
    await a.store.notes.create({
      engagementId: e.id,
      title: 'By the original',
      date: '2026-03-02T09:00:00.000Z',
    });
    await copy.store.notes.create({
      engagementId: e.id,
      title: 'By the copy',
      date: '2026-03-02T09:00:00.000Z',
    });
    await a.sync();
    const r = await copy.sync();
    expect(r.deviceIdChanged?.from).toBe(a.engine.deviceId());
    expect(copy.engine.deviceId()).not.toBe(a.engine.deviceId());
    copy.refreshStore();
    await copy.sync();
    await a.sync();
    expect(r.warnings.some((w) => w.code === 'duplicate-device-id')).toBe(true);
    expect((await a.db.notes.toArray()).map((n) => n.title).sort()).toEqual([
      'By the copy',
      'By the original',
    ]);
    expect(await dataOf(a)).toEqual(await dataOf(copy));
    // the original keeps its id and sees no clash
    const again = await a.sync();
    expect(again.deviceIdChanged).toBeUndefined();
  });

  it('compaction while a peer lags: the lagging peer and a newcomer catch up through the snapshot', async () => {
    const root = await tempDir();
    const tuning = { segmentMaxLines: 3, snapshotAfterSegments: 2, compactAfterMs: 24 * 3600_000 };
    const a = await makeDevice(root, { name: 'Busy', tuning });
    const lag = await makeDevice(root, { name: 'Lagging', tuning });
    const e = await a.store.engagements.create(engagement);
    await a.sync();
    await lag.sync();
    for (let i = 0; i < 12; i++) {
      const n = await a.store.notes.create({
        engagementId: e.id,
        title: `N${i}`,
        date: '2026-03-02T09:00:00.000Z',
      });
      if (i % 3 === 0) await a.store.notes.update(n.id, { title: `N${i} edited` });
      await a.sync();
    }
    a.clock.advance(2 * 24 * 3600_000);
    await a.store.notes.create({
      engagementId: e.id,
      title: 'Last',
      date: '2026-03-02T09:00:00.000Z',
    });
    await a.sync();
    const files = await readdir(join(root, 'devices', a.engine.deviceId()));
    expect(files).not.toContain('seg-00000001.jsonl'); // compacted
    expect(files.some((f) => f.startsWith('snap-'))).toBe(true);
    const r = await lag.sync();
    expect(r.status).toBe('ok');
    expect(await dataOf(lag)).toEqual(await dataOf(a));
    const newcomer = await makeDevice(root, { name: 'Newcomer', tuning });
    await newcomer.sync();
    expect(await dataOf(newcomer)).toEqual(await dataOf(a));
  });

  it('a newer format version: readable changes apply, unknown ones are parked; a too-new folder is left alone', async () => {
    const root = await tempDir();
    const { a, b, e } = await pair(root);
    const format = JSON.parse(await readFile(join(root, 'format.json'), 'utf8'));
    // newer, but still readable by this version (minReaderVersion unchanged)
    await writeFile(join(root, 'format.json'), JSON.stringify({ ...format, version: 4 }));
    // a newer app on A wrote a change of an entity this version does not know
    const n = await a.store.notes.create({
      engagementId: e.id,
      title: 'Known',
      date: '2026-03-02T09:00:00.000Z',
    });
    await a.sync();
    const { encodeLine } = await import('../../../shared/sync/format');
    await rewriteSegment(segPath(root, a), a, (text) => {
      const lines = text.split('\n').filter(Boolean);
      const last = JSON.parse(lines[lines.length - 1]!.slice(9));
      const future = {
        p: last.p + 1,
        c: {
          ...last.c,
          id: '0195a000-0000-7000-8000-00000000f00d',
          seq: last.c.seq + 1,
          entity: 'timesheet',
        },
      };
      return text + encodeLine(future);
    });
    const r = await b.sync();
    expect(r.status).toBe('ok');
    expect(r.parked).toBe(1);
    expect((await b.db.notes.get(n.id))?.title).toBe('Known');
    expect(await b.db.table('syncParked').count()).toBe(1);

    await writeFile(
      join(root, 'format.json'),
      JSON.stringify({ ...format, version: 4, minReaderVersion: 4 }),
    );
    await a.store.notes.update(n.id, { title: 'Not readable by old apps' });
    const blocked = await a.sync();
    expect(blocked.status).toBe('unsupported-format');
    expect(blocked.sent).toBe(0);
  });

  it('a wrong passphrase and tampered ciphertext: reported, nothing changed; overhead under 10 %', async () => {
    const root = await tempDir();
    const a = await makeDevice(root, { name: 'Laptop' });
    const e = await a.store.engagements.create({ ...engagement, client: 'Secret Client Ltd' });
    for (let i = 0; i < 50; i++) {
      await a.store.notes.create({
        engagementId: e.id,
        title: `Confidential ${i}`,
        date: '2026-03-02T09:00:00.000Z',
        body: 'x'.repeat(200),
      });
    }
    await a.sync();
    const plainSize = (await readFile(segPath(root, a))).length;
    const enabled = await a.engine.enableEncryption('correct horse battery staple');
    expect(enabled.status).toBe('ok');
    const sealed = await readFile(segPath(root, a));
    expect(sealed.toString('latin1')).not.toContain('Secret Client');
    expect((sealed.length - plainSize) / plainSize).toBeLessThan(0.1);

    const b = await makeDevice(root, { name: 'Desktop' });
    expect((await b.sync()).status).toBe('locked');
    b.engine.setPassphrase('wrong passphrase');
    const wrong = await b.sync();
    expect(wrong.status).toBe('wrong-passphrase');
    expect(wrong.message).toMatch(/Wrong passphrase/);
    expect(await recordCount(b)).toBe(0);
    expect(await b.db.table('syncState').count()).toBe(0);

    // tamper one byte of A's segment
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 40] = (tampered[tampered.length - 40] ?? 0) ^ 0xff;
    await writeFile(segPath(root, a), tampered);
    b.engine.setPassphrase('correct horse battery staple');
    const t = await b.sync();
    expect(t.status).toBe('ok');
    // the signature is checked first: the altered file is refused before it is decrypted
    expect(t.warnings.some((w) => w.code === 'bad-signature')).toBe(true);
    expect(await recordCount(b)).toBe(0);
    await writeFile(segPath(root, a), sealed);
    await b.sync();
    expect(await dataOf(b)).toEqual(await dataOf(a));
  });

  it('turning encryption on re-seals every own file, the snapshot included', async () => {
    const root = await tempDir();
    const tuning = { segmentMaxLines: 3, snapshotAfterSegments: 2 };
    const a = await makeDevice(root, { name: 'Laptop', tuning });
    const e = await a.store.engagements.create({ ...engagement, client: 'Secret Client Ltd' });
    for (let i = 0; i < 12; i++) {
      await a.store.notes.create({
        engagementId: e.id,
        title: `Confidential ${i}`,
        date: '2026-03-02T09:00:00.000Z',
      });
    }
    await a.sync();
    const ownDir = join(root, 'devices', a.engine.deviceId());
    const before = await readdir(ownDir);
    expect(before.some((f) => f.startsWith('snap-'))).toBe(true);

    expect((await a.engine.enableEncryption('correct horse battery staple')).status).toBe('ok');
    for (const file of await readdir(ownDir)) {
      const text = (await readFile(join(ownDir, file))).toString('latin1');
      expect(text, file).not.toContain('Secret Client');
      expect(text, file).not.toContain('Confidential');
    }

    const b = await makeDevice(root, { name: 'Desktop', tuning });
    b.engine.setPassphrase('correct horse battery staple');
    expect((await b.sync()).status).toBe('ok');
    expect(await dataOf(b)).toEqual(await dataOf(a));

    // The re-sealed snapshot alone brings a newcomer everything (its segments compacted away):
    // gzipped and sealed once, not gzipped twice.
    a.clock.advance(15 * 24 * 60 * 60 * 1000); // the snapshot has been visible long enough
    await a.sync();
    expect((await readdir(ownDir)).filter((f) => f.startsWith('seg-')).length).toBeLessThan(
      before.filter((f) => f.startsWith('seg-')).length,
    );
    const c = await makeDevice(root, { name: 'Tablet', tuning });
    c.engine.setPassphrase('correct horse battery staple');
    const joined = await c.sync();
    expect(joined.status).toBe('ok');
    expect(joined.warnings.filter((w) => w.code === 'bad-lines')).toEqual([]);
    expect(await dataOf(c)).toEqual(await dataOf(a));
  });

  it('duplicate delivery: the same changes delivered twice are applied once', async () => {
    const root = await tempDir();
    const { a, b, e } = await pair(root);
    await a.store.notes.create({
      engagementId: e.id,
      title: 'Once',
      date: '2026-03-02T09:00:00.000Z',
    });
    await a.sync();
    await b.sync();
    const before = (await readAllChanges(b.db)).length;
    // forget B's cursors: everything is delivered again
    await b.db.table('syncState').clear();
    const again = await b.sync();
    expect(again.received).toBe(0);
    expect(again.duplicates).toBeGreaterThan(0);
    expect((await readAllChanges(b.db)).length).toBe(before);
    expect(await dataOf(a)).toEqual(await dataOf(b));
  });
});

describe('segment chain', () => {
  it('a rewritten past segment is reported, not silently believed; a removed one is reported too', async () => {
    const root = await tempDir();
    const a = await makeDevice(root, { name: 'Laptop', tuning: { segmentMaxLines: 2 } });
    const b = await makeDevice(root, { name: 'Desktop' });
    const e = await a.store.engagements.create(engagement);
    await a.store.engagements.rename(e.id, 'Second');
    await a.sync(); // segment 1 sealed (2 lines)
    await b.sync();
    await a.store.engagements.rename(e.id, 'Third');
    await a.sync(); // segment 2 names segment 1's hash
    const path = segPath(root, a, 2);
    const { encodeLine, decodeLines } = await import('../../../shared/sync/format');
    await rewriteSegment(path, a, (text) => {
      const lines = decodeLines(text).values as Record<string, unknown>[];
      const forged = [{ ...lines[0], prev: 'f'.repeat(64) }, ...lines.slice(1)];
      return forged.map((l) => encodeLine(l)).join('');
    });
    const r = await b.sync();
    expect(r.warnings.some((w) => w.code === 'chain-broken')).toBe(true);
    expect((await b.db.engagements.get(e.id))?.title).toBe('Third'); // merged, nothing deleted

    await a.store.engagements.rename(e.id, 'Fourth');
    await a.store.engagements.rename(e.id, 'Fifth');
    await a.sync();
    await rm(segPath(root, a, 3));
    const missing = await b.sync();
    expect(missing.warnings.some((w) => w.code === 'unreadable-file')).toBe(true);
    expect(await b.db.engagements.count()).toBe(1);
  });
});
