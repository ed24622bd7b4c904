// Attachment bytes in the backups folder, content-addressed: <dir>/blobs/<sha256>, one file per
// distinct SHA-256 whatever the number of engagements and days that name it. Main checks every
// file's SHA-256 itself, when it is put and when it is read back, and removes a file once no
// kept backup's summary names it.
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '@shared/attachments/limits';
import { realFileOps, writeFileAtomically, type AtomicFileOps } from './atomicFile';
import { readExactly } from './readExactly';

const SHA256 = /^[0-9a-f]{64}$/;

/** The attachment bytes of the backups folder. */
export interface BackupBlobs {
  /** Of these SHA-256s, those whose bytes the folder does not hold yet. */
  missing(sha256s: readonly string[]): Promise<string[]>;
  /** Stores bytes under their SHA-256 (checked here); 'present' when already held. */
  put(sha256: string, bytes: Uint8Array): Promise<'stored' | 'present'>;
  /** The bytes of a SHA-256, checked again. */
  /** The bytes; null when not held; 'damaged' when the file held is not what its name says. */
  get(sha256: string): Promise<Uint8Array | 'damaged' | null>;
  /** Removes every file not in `keep`; resolves to how many were removed. */
  collect(keep: ReadonlySet<string>): Promise<number>;
}

/** A SHA-256 main refuses (RangeError): not 64 lower-case hex digits. */
function checked(sha256: string): string {
  if (!SHA256.test(sha256)) throw new RangeError('not a SHA-256');
  return sha256;
}

const digest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The store over `<dir>/blobs`. */
export function createBackupBlobs(dir: string, ops: AtomicFileOps = realFileOps): BackupBlobs {
  const root = join(dir, 'blobs');
  const pathOf = (sha256: string): string => join(root, checked(sha256));
  const held = async (sha256: string): Promise<boolean> => {
    try {
      return (await stat(pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  };
  return {
    async missing(sha256s) {
      const out: string[] = [];
      for (const sha256 of new Set(sha256s)) if (!(await held(sha256))) out.push(sha256);
      return out;
    },
    async put(sha256, bytes) {
      const path = pathOf(sha256);
      if (bytes.byteLength === 0 || bytes.byteLength > MAX_ATTACHMENT_BYTES) {
        throw new RangeError('not an attachment’s size');
      }
      if (digest(bytes) !== sha256) throw new RangeError('the bytes do not hash to their name');
      if (await held(sha256)) return 'present';
      await mkdir(root, { recursive: true });
      await writeFileAtomically(path, bytes, ops);
      return 'stored';
    },
    async get(sha256) {
      let handle;
      try {
        handle = await open(pathOf(sha256), 'r');
        const info = await handle.stat();
        if (!info.isFile() || info.nlink > 1 || info.size > MAX_ATTACHMENT_BYTES) return 'damaged';
        const bytes = await readExactly(handle, info.size);
        return digest(bytes) === sha256 ? bytes : 'damaged';
      } catch {
        return null;
      } finally {
        await handle?.close().catch(() => {});
      }
    },
    async collect(keep) {
      let names: string[];
      try {
        names = await readdir(root);
      } catch {
        return 0;
      }
      let removed = 0;
      for (const name of names) {
        if (!SHA256.test(name) || keep.has(name)) continue;
        await unlink(join(root, name)).catch(() => {});
        removed += 1;
      }
      return removed;
    },
  };
}
