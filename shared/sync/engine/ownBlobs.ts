/**
 * This device's own blob files as it wrote them (name → modification time), kept in sync state:
 * a file of its own that someone else replaced (same name, same size, other bytes: every reader
 * refuses it) no longer counts as offered, and is written again, as the engine does for its
 * other own files.
 */
import type { FolderEntry } from '../folder';
import type { EngineCtx } from './context';
import type { SyncWarning } from './types';

/** The own blob files' times, loaded once per pass. */
export interface OwnBlobTimes {
  /** Records the time of a file just written. */
  wrote(name: string, path: string): Promise<void>;
  /** Stores the times when they changed. */
  save(): Promise<void>;
}

const stateKey = (ctx: EngineCtx): string => `blobs-own:${ctx.pinStateKey}`;

/**
 * Compares the own listing with the times recorded: a file whose time moved is taken out of
 * `own` (so it is published again) and reported; a file never seen is recorded as it is.
 */
export async function checkOwnBlobs(
  ctx: EngineCtx,
  own: Map<string, FolderEntry>,
  ownPath: (name: string) => string,
  warnings: SyncWarning[],
): Promise<OwnBlobTimes> {
  const times = { ...((await ctx.db.getState<Record<string, number>>(stateKey(ctx))) ?? {}) };
  let changed = false;
  for (const [name, entry] of own) {
    const known = times[name];
    if (known === undefined) {
      times[name] = entry.mtimeMs;
      changed = true;
    } else if (known !== entry.mtimeMs) {
      own.delete(name);
      delete times[name];
      changed = true;
      warnings.push({
        code: 'own-files-restored',
        deviceId: ctx.me,
        path: ownPath(name),
        message: `${ownPath(name)}, this device's copy of an attached file, was changed in the sync folder by someone else; it is written again.`,
      });
    }
  }
  return {
    async wrote(name, path) {
      const stat = await ctx.folder.stat(path);
      if (stat) times[name] = stat.mtimeMs;
      changed = true;
    },
    async save() {
      if (changed) await ctx.db.setState(stateKey(ctx), times);
      changed = false;
    },
  };
}
