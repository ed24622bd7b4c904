// The sync folder over node:fs: used by main (behind the sync.* IPC channels) and by the tests.
import { lstat, mkdir, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { writeFileAtomically } from '../backups/atomicFile';
import { FileChangedError, readExactly } from '../backups/readExactly';
import {
  FolderError,
  folderErrorCode,
  type FolderEntry,
  type FolderStat,
  type SyncFolder,
} from '@shared/sync/folder';
import { MAX_READ_BYTES } from '@shared/sync/limits';

/**
 * Checks a folder-relative path and returns its segments. Refused (FolderError 'OUTSIDE'):
 * empty paths, absolute paths (`/x`, `C:\x`, `\\server`), backslashes, drive colons, NUL and
 * control characters, `.` and `..` segments and any `..` inside a name, empty segments.
 */
export function checkRelativePath(path: string): string[] {
  const refuse = (why: string): never => {
    throw new FolderError('OUTSIDE', path, `Refused path (${why}): ${JSON.stringify(path)}`);
  };
  if (typeof path !== 'string' || path.length === 0 || path.length > 1024) refuse('empty or long');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) refuse('control character');
  if (path.includes('\\') || path.includes(':')) refuse('backslash or colon');
  if (path.startsWith('/') || isAbsolute(path)) refuse('absolute');
  if (path.includes('..')) refuse('parent reference');
  const segments = path.split('/');
  if (segments.some((s) => s.length === 0 || s === '.')) refuse('empty segment');
  // hidden names: the atomic write's temporary files, .DS_Store, a cloud client's metadata
  if (segments.some((s) => s.startsWith('.'))) refuse('hidden name');
  return segments;
}

/** Maps a Node error to a FolderError (keeps its errno code when the engine knows it). */
function asFolderError(error: unknown, path: string): FolderError {
  if (error instanceof FolderError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new FolderError(folderErrorCode(error), path, message);
}

/** Options of {@link createNodeFolder}. */
export interface NodeFolderOptions {
  /** Called before every rename of a temp file into place (tests: crash injection). */
  beforeRename?: (tempPath: string, finalPath: string) => Promise<void> | void;
}

/**
 * A SyncFolder on a local (or cloud-synced, or network) folder. Every path is confined to
 * `root`: relative paths only, and a path whose real location (symbolic links resolved) leaves
 * the root is refused. Writes go to a temporary name in the same folder (`.<name>.<hex>.tmp`, which readers
 * ignore), are flushed with fsync, then renamed into place; the folder entry is flushed too.
 */
export function createNodeFolder(root: string, options: NodeFolderOptions = {}): SyncFolder {
  const rootAbs = resolve(root);

  async function realRoot(): Promise<string> {
    return realpath(rootAbs);
  }

  /** True when `candidate` (a real path) is the root or inside it. */
  function within(realRootPath: string, candidate: string): boolean {
    const rel = relative(realRootPath, candidate);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  }

  /**
   * The absolute path of `path`, after checking that its nearest existing ancestor (symbolic
   * links resolved) lies inside the root, and that the target itself is not a symbolic link.
   */
  async function confine(path: string): Promise<string> {
    const segments = checkRelativePath(path);
    const absolute = join(rootAbs, ...segments);
    if (!within(rootAbs, absolute)) throw new FolderError('OUTSIDE', path);
    const base = await realRoot();
    let probe = absolute;
    for (;;) {
      try {
        const info = await lstat(probe);
        if (probe === absolute && info.isSymbolicLink()) {
          throw new FolderError('OUTSIDE', path, `Refused symbolic link: ${path}`);
        }
        const real = await realpath(probe);
        if (!within(base, real))
          throw new FolderError('OUTSIDE', path, `Outside the folder: ${path}`);
        break;
      } catch (error) {
        if (error instanceof FolderError) throw error;
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw asFolderError(error, path);
        const parent = dirname(probe);
        if (parent === probe || !within(rootAbs, parent)) break;
        probe = parent;
      }
    }
    return absolute;
  }

  return {
    async available() {
      try {
        return (await stat(rootAbs)).isDirectory();
      } catch {
        return false;
      }
    },

    async list(dir) {
      const absolute = dir === '' || dir === '.' ? rootAbs : await confine(dir);
      let entries;
      try {
        entries = await readdir(absolute, { withFileTypes: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return [];
        throw asFolderError(error, dir);
      }
      const out: FolderEntry[] = [];
      for (const entry of entries) {
        if (entry.isSymbolicLink()) continue; // never followed
        if (!entry.isFile() && !entry.isDirectory()) continue;
        try {
          const info = await stat(join(absolute, entry.name));
          out.push({
            name: entry.name,
            kind: entry.isDirectory() ? 'dir' : 'file',
            size: entry.isDirectory() ? 0 : info.size,
            mtimeMs: info.mtimeMs,
          });
        } catch {
          // vanished between readdir and stat (a cloud client renaming): skip it this round
        }
      }
      return out;
    },

    async read(path, maxBytes = MAX_READ_BYTES) {
      const absolute = await confine(path);
      let handle;
      try {
        handle = await open(absolute, 'r');
        // Checked on the open file (no race with a swap): its size before a byte is read, and
        // its link count (a hard link could bring any file of the user's into the folder).
        const info = await handle.stat();
        if (!info.isFile()) return null;
        if (info.nlink > 1) throw new FolderError('OUTSIDE', path, `Refused hard link: ${path}`);
        if (info.size > Math.min(maxBytes, MAX_READ_BYTES)) {
          throw new FolderError('TOOBIG', path, `${path} is ${info.size} bytes, over the limit`);
        }
        return await readExactly(handle, info.size);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EISDIR') return null;
        if (error instanceof FileChangedError) {
          throw new FolderError(
            'EBUSY',
            path,
            `${path} changed while it was read (still arriving?)`,
          );
        }
        throw asFolderError(error, path);
      } finally {
        await handle?.close().catch(() => {});
      }
    },

    async write(path, data) {
      const absolute = await confine(path);
      try {
        await mkdir(dirname(absolute), { recursive: true });
        await confine(path); // the folders just created must still be inside the root
        await writeFileAtomically(absolute, data, {
          rename: async (from, to) => {
            await options.beforeRename?.(from, to);
            await rename(from, to);
          },
        });
      } catch (error) {
        throw asFolderError(error, path);
      }
    },

    async remove(path) {
      const absolute = await confine(path);
      try {
        await unlink(absolute);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw asFolderError(error, path);
      }
    },

    async stat(path): Promise<FolderStat | null> {
      const absolute = await confine(path);
      try {
        const info = await stat(absolute);
        return { size: info.size, mtimeMs: info.mtimeMs };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw asFolderError(error, path);
      }
    },
  };
}
