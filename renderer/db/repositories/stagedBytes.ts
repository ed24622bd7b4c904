import { newId } from '@shared/ids';
import type { WorkbenchDB } from '../database';
import { isQuotaError } from '../errors';

/**
 * Bytes of a file being attached, stored under an opaque id WHILE the hash worker digests them
 * (migration 012): the SHA-256, the key of `attachmentBlobs`, is not known before, and IndexedDB
 * cannot re-key a Blob without writing it again. Staged bytes are not evidence yet: no record
 * names them until the attachment's transaction writes an `attachmentBlobs` row with their id.
 * Bytes that never get there (the hash failed, the write was refused, the app was closed) are
 * deleted at once where possible, and by sweepStagedBytes() at the next start otherwise.
 */

/** The device's storage is full: nothing of the attachment was stored. */
export class AttachmentStorageFullError extends Error {
  override readonly name = 'AttachmentStorageFullError';
  constructor() {
    super(
      'There is not enough disk space to store this file. Nothing was attached: free some space and try again.',
    );
  }
}

/** Stores the bytes under a new id, in their own transaction; resolves to the id. */
export async function stageBytes(db: WorkbenchDB, bytes: Blob, now: Date): Promise<string> {
  const id = newId();
  try {
    await db.attachmentData.add({ id, bytes, stagedAt: now.toISOString() });
  } catch (error) {
    if (isQuotaError(error)) throw new AttachmentStorageFullError();
    throw error;
  }
  return id;
}

/** Deletes staged bytes unless an `attachmentBlobs` row names them (best effort). */
export async function discardStagedBytes(db: WorkbenchDB, id: string): Promise<void> {
  try {
    await db.transaction('rw', db.attachmentBlobs, db.attachmentData, async () => {
      if ((await db.attachmentBlobs.where('dataId').equals(id).count()) > 0) return;
      await db.attachmentData.delete(id);
    });
  } catch {
    // Left for sweepStagedBytes(): staged bytes are never evidence until a row names them.
  }
}

/** How long staged bytes may wait for their record before a sweep deletes them. */
export const STAGED_BYTES_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes staged bytes that no `attachmentBlobs` row names and that were staged more than
 * `maxAgeMs` before `now` (an attach in progress elsewhere is younger). Resolves to how many.
 */
export async function sweepStagedBytes(
  db: WorkbenchDB,
  now: Date,
  maxAgeMs: number = STAGED_BYTES_MAX_AGE_MS,
): Promise<number> {
  const cutoff = new Date(now.getTime() - maxAgeMs).toISOString();
  return db.transaction('rw', db.attachmentBlobs, db.attachmentData, async () => {
    const named = new Set((await db.attachmentBlobs.orderBy('dataId').keys()) as string[]);
    const stale: string[] = [];
    // Reads each staged row's date without its bytes being read (a Blob is a handle).
    await db.attachmentData.each((row) => {
      if (!named.has(row.id) && row.stagedAt < cutoff) stale.push(row.id);
    });
    await db.attachmentData.bulkDelete(stale);
    return stale.length;
  });
}
