// Watches the chosen sync folders and hints the renderer to sync now when a peer's file arrives.
// Watching is only a hint (cloud clients and network shares often raise no events): the periodic
// check in the renderer stays the rule, so every failure here is logged and otherwise ignored.
import { basename } from 'node:path';
import type { Logger } from '../log';

/** A running watch; close() stops it. */
export interface WatchHandle {
  close(): void;
}

/**
 * Starts watching a folder and its subfolders (Electron: fs.watch with recursive: true). Calls
 * `onEvent` with the changed file's path relative to the folder, when known, and `onError` when
 * the watch breaks (folder removed, out of inotify watches...).
 */
export type WatchFolder = (
  folder: string,
  onEvent: (relativePath: string | null) => void,
  onError: (error: unknown) => void,
) => WatchHandle;

/** Inputs of {@link createFolderWatcher}. */
export interface FolderWatcherDeps {
  watch: WatchFolder;
  /** Called (at most once per quiet period) when a watched folder changed. */
  onHint: () => void;
  /** Quiet period after the last event before the hint (a segment arrives in bursts). */
  debounceMs?: number;
  /** Longest wait for a hint while events keep coming. */
  maxWaitMs?: number;
  /** After a watch broke (folder gone, share offline), try again this much later. */
  retryMs?: number;
  log?: Logger;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  now?: () => number;
}

/** The watcher of every chosen sync folder. */
export interface FolderWatcher {
  /** Watches exactly these folders (duplicates ignored); stops watching the others. */
  setFolders(folders: readonly string[]): void;
  /** The folders being watched now. */
  watched(): string[];
  /** Stops every watch and any pending hint. */
  close(): void;
}

/**
 * Whether a changed file can carry news from a peer. Our own temporary files (`.<name>.<hex>.tmp`), hidden
 * files, Office lock files (`~$…`), desktop.ini, Thumbs.db and .DS_Store cannot: the same files
 * the sync readers ignore (shared/sync/format.ts).
 */
export function isInterestingChange(relativePath: string | null): boolean {
  if (relativePath === null) return true; // the platform did not say which file: assume news
  const name = basename(relativePath.replace(/\\/g, '/'));
  if (name === '') return true;
  const lower = name.toLowerCase();
  if (name.startsWith('.') || name.startsWith('~$')) return false;
  return lower !== 'desktop.ini' && lower !== 'thumbs.db';
}

/** Creates the watcher; it watches nothing until setFolders. */
export function createFolderWatcher(deps: FolderWatcherDeps): FolderWatcher {
  const debounceMs = deps.debounceMs ?? 250;
  const maxWaitMs = deps.maxWaitMs ?? 1_000;
  const setTimer = deps.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer =
    deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const now = deps.now ?? (() => Date.now());
  const retryMs = deps.retryMs ?? 30_000;
  const handles = new Map<string, WatchHandle>();
  const retries = new Map<string, unknown>();
  let wanted = new Set<string>();
  let timer: unknown = null;
  let firstEventAt: number | null = null;

  const fire = (): void => {
    timer = null;
    firstEventAt = null;
    try {
      deps.onHint();
    } catch (error) {
      deps.log?.warn('Sync folder hint failed', { error: String(error) });
    }
  };

  const schedule = (): void => {
    const at = now();
    firstEventAt ??= at;
    if (timer !== null) clearTimer(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstEventAt + maxWaitMs - at));
    timer = setTimer(fire, wait);
  };

  const stop = (folder: string): void => {
    const handle = handles.get(folder);
    handles.delete(folder);
    try {
      handle?.close();
    } catch {
      // already closed
    }
  };

  const start = (folder: string): void => {
    try {
      const handle = deps.watch(
        folder,
        (relativePath) => {
          if (handles.has(folder) && isInterestingChange(relativePath)) schedule();
        },
        (error) => {
          // The folder vanished or the system ran out of watches: the periodic check goes on.
          deps.log?.warn('Sync folder watch stopped; the periodic check continues', {
            folder,
            error: String(error),
          });
          stop(folder);
          retryLater(folder);
        },
      );
      handles.set(folder, handle);
    } catch (error) {
      deps.log?.warn('Sync folder cannot be watched; the periodic check continues', {
        folder,
        error: String(error),
      });
      retryLater(folder);
    }
  };

  const cancelRetry = (folder: string): void => {
    const pending = retries.get(folder);
    if (pending !== undefined) clearTimer(pending);
    retries.delete(folder);
  };

  function retryLater(folder: string): void {
    cancelRetry(folder);
    retries.set(
      folder,
      setTimer(() => {
        retries.delete(folder);
        if (wanted.has(folder) && !handles.has(folder)) start(folder);
      }, retryMs),
    );
  }

  return {
    setFolders(folders) {
      wanted = new Set(folders);
      for (const folder of [...retries.keys()]) if (!wanted.has(folder)) cancelRetry(folder);
      for (const folder of [...handles.keys()]) if (!wanted.has(folder)) stop(folder);
      for (const folder of wanted) if (!handles.has(folder) && !retries.has(folder)) start(folder);
    },
    watched: () => [...handles.keys()],
    close() {
      wanted = new Set();
      for (const folder of [...retries.keys()]) cancelRetry(folder);
      for (const folder of [...handles.keys()]) stop(folder);
      if (timer !== null) clearTimer(timer);
      timer = null;
      firstEventAt = null;
    },
  };
}
