import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createFolderWatcher,
  isInterestingChange,
  type WatchFolder,
} from '../../../electron/main/sync/folderWatcher';
import { watchFolder } from '../../../electron/main/sync/watchFolder';
import { createSyncFolders, notifyingSyncFolders } from '../../../electron/main/sync/syncFolders';

/** A scripted WatchFolder: tests fire events and errors by folder. */
function fakeWatch() {
  const live = new Map<
    string,
    { onEvent: (path: string | null) => void; onError: (error: unknown) => void }
  >();
  const closed: string[] = [];
  const watch: WatchFolder = (folder, onEvent, onError) => {
    live.set(folder, { onEvent, onError });
    return {
      close: () => {
        closed.push(folder);
        live.delete(folder);
      },
    };
  };
  return { watch, live, closed };
}

describe('isInterestingChange', () => {
  it('ignores our temp files and the files cloud clients and systems drop', () => {
    for (const name of [
      'devices/a/.tmp-abc123-seg-000001.jsonl',
      '.DS_Store',
      'devices\\b\\desktop.ini',
      'Thumbs.db',
      '~$memo.docx',
    ]) {
      expect(isInterestingChange(name), name).toBe(false);
    }
  });

  it('treats segments, heads and unknown events as news', () => {
    expect(isInterestingChange('devices/a/seg-000002.jsonl')).toBe(true);
    expect(isInterestingChange('devices/a/head.json')).toBe(true);
    expect(isInterestingChange(null)).toBe(true);
  });
});

describe('createFolderWatcher', () => {
  afterEach(() => vi.useRealTimers());

  it('hints once per burst of changes, after a quiet period', () => {
    vi.useFakeTimers();
    const fake = fakeWatch();
    const onHint = vi.fn();
    const watcher = createFolderWatcher({ watch: fake.watch, onHint, debounceMs: 200 });
    watcher.setFolders(['/cloud/work']);
    const events = fake.live.get('/cloud/work');
    events?.onEvent('devices/b/seg-000001.jsonl');
    vi.advanceTimersByTime(100);
    events?.onEvent('devices/b/head.json');
    vi.advanceTimersByTime(199);
    expect(onHint).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onHint).toHaveBeenCalledTimes(1);
  });

  it('hints within the longest wait even while events keep coming', () => {
    vi.useFakeTimers();
    const fake = fakeWatch();
    const onHint = vi.fn();
    const watcher = createFolderWatcher({
      watch: fake.watch,
      onHint,
      debounceMs: 200,
      maxWaitMs: 500,
    });
    watcher.setFolders(['/cloud/work']);
    for (let t = 0; t < 600; t += 100) {
      fake.live.get('/cloud/work')?.onEvent(`devices/b/seg-${t}.jsonl`);
      vi.advanceTimersByTime(100);
    }
    expect(onHint).toHaveBeenCalledTimes(1);
  });

  it('does not hint for ignored files', () => {
    vi.useFakeTimers();
    const fake = fakeWatch();
    const onHint = vi.fn();
    const watcher = createFolderWatcher({ watch: fake.watch, onHint });
    watcher.setFolders(['/cloud/work']);
    fake.live.get('/cloud/work')?.onEvent('devices/a/.tmp-1-seg.jsonl');
    fake.live.get('/cloud/work')?.onEvent('.DS_Store');
    vi.advanceTimersByTime(5_000);
    expect(onHint).not.toHaveBeenCalled();
  });

  it('follows the chosen folders: starts new ones, stops forgotten ones', () => {
    const fake = fakeWatch();
    const watcher = createFolderWatcher({ watch: fake.watch, onHint: () => {} });
    watcher.setFolders(['/a', '/b', '/a']);
    expect(watcher.watched().sort()).toEqual(['/a', '/b']);
    watcher.setFolders(['/b', '/c']);
    expect(watcher.watched().sort()).toEqual(['/b', '/c']);
    expect(fake.closed).toEqual(['/a']);
    watcher.close();
    expect(watcher.watched()).toEqual([]);
    expect(fake.closed.sort()).toEqual(['/a', '/b', '/c']);
  });

  it('survives a folder that vanishes or cannot be watched, and tries again later', () => {
    vi.useFakeTimers();
    const fake = fakeWatch();
    let refuse = true;
    const watch: WatchFolder = (folder, onEvent, onError) => {
      if (refuse && folder === '/offline') throw new Error('ENOENT: no such file or directory');
      return fake.watch(folder, onEvent, onError);
    };
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const watcher = createFolderWatcher({ watch, onHint: () => {}, log, retryMs: 1_000 });
    watcher.setFolders(['/offline', '/share']);
    expect(watcher.watched()).toEqual(['/share']);
    expect(log.warn).toHaveBeenCalledWith(
      'Sync folder cannot be watched; the periodic check continues',
      expect.objectContaining({ folder: '/offline' }),
    );
    // The share drops: its watch errors and stops, without throwing.
    fake.live.get('/share')?.onError(new Error('EPERM'));
    expect(watcher.watched()).toEqual([]);
    refuse = false;
    vi.advanceTimersByTime(1_000);
    expect(watcher.watched().sort()).toEqual(['/offline', '/share']);
    // A retry for a folder no longer chosen does nothing.
    fake.live.get('/share')?.onError(new Error('EPERM'));
    watcher.setFolders(['/offline']);
    vi.advanceTimersByTime(1_000);
    expect(watcher.watched()).toEqual(['/offline']);
  });

  it('keeps going when the hint itself throws', () => {
    vi.useFakeTimers();
    const fake = fakeWatch();
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const onHint = vi.fn(() => {
      throw new Error('window closed');
    });
    const watcher = createFolderWatcher({ watch: fake.watch, onHint, log, debounceMs: 10 });
    watcher.setFolders(['/a']);
    fake.live.get('/a')?.onEvent('x.jsonl');
    vi.advanceTimersByTime(10);
    fake.live.get('/a')?.onEvent('y.jsonl');
    vi.advanceTimersByTime(10);
    expect(onHint).toHaveBeenCalledTimes(2);
    expect(log.warn).toHaveBeenCalledTimes(2);
  });
});

describe('watchFolder on a real folder', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reports a file written in a subfolder', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ew-watch-'));
    await mkdir(join(dir, 'devices', 'peer'), { recursive: true });
    const hinted = new Promise<void>((resolve) => {
      const watcher = createFolderWatcher({
        watch: watchFolder,
        onHint: () => {
          watcher.close();
          resolve();
        },
        debounceMs: 20,
      });
      watcher.setFolders([dir]);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeFile(join(dir, 'devices', 'peer', 'seg-000001.jsonl'), '{}\n');
    await hinted;
  });
});

describe('notifyingSyncFolders', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reports every remembered folder after each set and forget', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ew-folders-'));
    const seen: string[][] = [];
    const folders = notifyingSyncFolders(createSyncFolders(dir), (paths) =>
      seen.push([...paths].sort()),
    );
    await folders.set('e1', 'engagement', '/cloud/one');
    await folders.set('e2', 'all', '/cloud/all');
    expect(await folders.forget('e1', 'engagement')).toBe(true);
    expect(await folders.forget('e1', 'engagement')).toBe(false);
    expect(seen).toEqual([['/cloud/one'], ['/cloud/all', '/cloud/one'], ['/cloud/all']]);
    await expect(folders.set('e3', 'engagement', '/cloud/all')).rejects.toThrow(/already syncs/);
    expect(seen).toHaveLength(3);
  });
});
