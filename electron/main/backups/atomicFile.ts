import { randomBytes } from 'node:crypto';
import { open, rename as fsRename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system calls an atomic write makes that tests may replace (to make one fail). */
export interface AtomicFileOps {
  /** Moves the finished temporary file over the target (fs.rename). */
  rename: (from: string, to: string) => Promise<void>;
}

/** The real file system. */
export const realFileOps: AtomicFileOps = { rename: fsRename };

/** The temporary file an atomic write uses next to its target (a dot file ending in .tmp). */
export function tempPathFor(filePath: string): string {
  return join(dirname(filePath), `.${basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** True for a temporary file of an atomic write. */
export const isTempFile = (name: string): boolean => name.startsWith('.') && name.endsWith('.tmp');

/** Flushes a folder's entries so a rename survives a crash (not possible on Windows). */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on folders; the rename itself is still atomic.
  } finally {
    await handle?.close();
  }
}

/**
 * Writes a file so readers see the old or the new content, never a torn one: a temporary file
 * in the same folder, fsync, rename over the target, fsync the folder. On any failure the
 * temporary file is removed and the previous file (if any) is left as it was. The file is
 * readable and writable by this user only (0600): settings, backups, exported memos, sync files
 * and the device key all go through here. The one atomic write of the main process.
 */
export async function writeFileAtomically(
  filePath: string,
  content: string | Uint8Array,
  ops: AtomicFileOps = realFileOps,
): Promise<number> {
  const tempPath = tempPathFor(filePath);
  let bytes = 0;
  try {
    const handle = await open(tempPath, 'wx', 0o600);
    try {
      const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      bytes = buffer.byteLength;
      await handle.writeFile(buffer);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await ops.rename(tempPath, filePath);
  } catch (error) {
    await unlink(tempPath).catch(() => {});
    throw error;
  }
  await syncDirectory(dirname(filePath));
  return bytes;
}
