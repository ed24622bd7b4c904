import type { BlobRef, SyncBlobStore } from '@shared/sync/blobs';
import { heldHashes, readAttachmentArray, storeCheckedBytes } from '../attachmentBlobs';
import type { WorkbenchDB } from '../database';

/**
 * The sync engine's view of attachment bytes (shared/sync/blobs.ts) over Dexie: the records
 * of `attachments` (synced, so signed by an approved device or made here) name what is wanted;
 * `attachmentBlobs` holds what this device has, one row per SHA-256.
 */
export function createDexieBlobStore(db: WorkbenchDB): SyncBlobStore {
  return {
    async referenced(engagementIds) {
      const rows = engagementIds
        ? await db.attachments
            .where('engagementId')
            .anyOf([...engagementIds])
            .toArray()
        : await db.attachments.toArray();
      const held = await heldHashes(db);
      const seen = new Set<string>();
      const out: (BlobRef & { held: boolean })[] = [];
      for (const row of rows) {
        const key = `${row.sha256}|${row.size}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ sha256: row.sha256, size: row.size, held: held.has(row.sha256) });
      }
      return out;
    },
    async read(sha256) {
      return (await readAttachmentArray(db, sha256)) ?? null;
    },
    async store(ref, bytes) {
      const size = bytes instanceof Blob ? bytes.size : bytes.byteLength;
      if (size !== ref.size) throw new Error('The bytes do not have the record’s size.');
      const blob = bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]);
      await db.transaction('rw', db.attachmentBlobs, db.attachmentData, () =>
        storeCheckedBytes(db, ref.sha256, ref.size, blob),
      );
    },
  };
}
