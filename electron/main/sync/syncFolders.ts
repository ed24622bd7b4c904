// Which sync folder each engagement uses, remembered in sync-folders.json in the app's data folder.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically as writeFileAtomic } from '../backups/atomicFile';

/** Name of the file in userData. */
export const SYNC_FOLDERS_FILE = 'sync-folders.json';
/** Key of the folder used by every engagement without its own. */
export const ALL_ENGAGEMENTS = '*';

const fileSchema = z.object({
  /** Engagement id (or "*" for all) -> absolute folder path. */
  folders: z.record(z.string(), z.string()).default({}),
});

/**
 * Refused: the folder already syncs another engagement (or all of them). Two engagements in one
 * folder would write two different streams under one device id; use "one folder for all".
 */
export class FolderInUseError extends Error {
  constructor(path: string) {
    super(
      `${path} already syncs another engagement; choose another folder, or use one folder for all engagements.`,
    );
    this.name = 'FolderInUseError';
  }
}

/** The remembered folders. */
export interface SyncFolders {
  /** The folder of an engagement: its own, else the one for all; null when none. */
  get(engagementId: string): Promise<{ path: string; scope: 'engagement' | 'all' } | null>;
  /** Remembers a folder for an engagement, or for all. */
  set(engagementId: string, scope: 'engagement' | 'all', path: string): Promise<void>;
  /** Forgets one; resolves true when one was remembered. */
  forget(engagementId: string, scope: 'engagement' | 'all'): Promise<boolean>;
  /** Every remembered folder, once each. */
  list(): Promise<string[]>;
}

/** Creates the store over `<dir>/sync-folders.json` (atomic writes; unreadable file = none). */
export function createSyncFolders(dir: string): SyncFolders {
  const file = join(dir, SYNC_FOLDERS_FILE);
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(op: () => Promise<T>): Promise<T> => {
    const result = queue.then(op, op);
    queue = result.catch(() => {});
    return result;
  };
  async function load(): Promise<Record<string, string>> {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      return parsed.success ? parsed.data.folders : {};
    } catch {
      return {};
    }
  }
  async function save(folders: Record<string, string>): Promise<void> {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(file, `${JSON.stringify({ folders }, null, 2)}\n`);
  }
  const keyOf = (engagementId: string, scope: 'engagement' | 'all') =>
    scope === 'all' ? ALL_ENGAGEMENTS : engagementId;
  return {
    get: (engagementId) =>
      serialised(async () => {
        const folders = await load();
        const own = folders[engagementId];
        if (own) return { path: own, scope: 'engagement' as const };
        const all = folders[ALL_ENGAGEMENTS];
        return all ? { path: all, scope: 'all' as const } : null;
      }),
    set: (engagementId, scope, path) =>
      serialised(async () => {
        const folders = await load();
        const key = keyOf(engagementId, scope);
        const clash = Object.entries(folders).find(([k, p]) => k !== key && p === path);
        if (clash) throw new FolderInUseError(path);
        folders[key] = path;
        await save(folders);
      }),
    forget: (engagementId, scope) =>
      serialised(async () => {
        const folders = await load();
        const key = keyOf(engagementId, scope);
        if (!(key in folders)) return false;
        delete folders[key];
        await save(folders);
        return true;
      }),
    list: () => serialised(async () => [...new Set(Object.values(await load()))]),
  };
}

/**
 * The same store, calling `onChange` with every remembered folder after each successful set or
 * forget (main re-aims its folder watcher). A failing listener never fails the change.
 */
export function notifyingSyncFolders(
  folders: SyncFolders,
  onChange: (paths: string[]) => void,
): SyncFolders {
  const notify = async (): Promise<void> => {
    try {
      onChange(await folders.list());
    } catch {
      // a hint only: the folder was remembered all the same
    }
  };
  return {
    get: (engagementId) => folders.get(engagementId),
    list: () => folders.list(),
    set: async (engagementId, scope, path) => {
      await folders.set(engagementId, scope, path);
      await notify();
    },
    forget: async (engagementId, scope) => {
      const forgotten = await folders.forget(engagementId, scope);
      if (forgotten) await notify();
      return forgotten;
    },
  };
}
