/**
 * Files that could not be used (bad signature, unsealed, too large, damaged or over-inflating):
 * reported once, then skipped while they stay the same (size and time), and retried after 2, 4,
 * 8... up to 64 rounds, so a hostile file costs no work round after round.
 */
import type { FolderEntry } from './folder';

/** Files remembered as failing at most (a folder filled with junk cannot grow it further). */
export const MAX_FAILURES = 10_000;

/** The failure log of one engine. */
export interface FailureLog {
  /** True when `path` failed before, is unchanged, and its back-off has not run out. */
  skip(path: string, entry: FolderEntry, round: number): boolean;
  /** Records a failure; true when it is the first for this version of the file (report it). */
  record(path: string, entry: FolderEntry | undefined, round: number, backoff?: number): boolean;
  /** Forgets every failure (the folder's policy changed: files refused before may be fine). */
  clear(): void;
}

const versionOf = (entry: FolderEntry | undefined): string =>
  entry ? `${entry.size}|${entry.mtimeMs}` : '';

/** Creates an empty log. */
export function createFailureLog(): FailureLog {
  const failing = new Map<string, { version: string; fails: number; retryAt: number }>();
  return {
    skip(path, entry, round) {
      const failed = failing.get(path);
      if (!failed) return false;
      if (failed.version !== versionOf(entry)) {
        failing.delete(path);
        return false;
      }
      return round < failed.retryAt;
    },
    record(path, entry, round, backoff) {
      const version = versionOf(entry);
      const before = failing.get(path);
      const fails = before && before.version === version ? before.fails + 1 : 1;
      // Bounded: the oldest entry goes first (that file is then simply tried again).
      failing.delete(path);
      if (failing.size >= MAX_FAILURES) failing.delete(failing.keys().next().value as string);
      failing.set(path, {
        version,
        fails,
        retryAt: round + (backoff ?? Math.min(2 ** fails, 64)),
      });
      return fails === 1;
    },
    clear() {
      failing.clear();
    },
  };
}
