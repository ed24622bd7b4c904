import type { WorkbenchDB } from './database';

/** The bytes of one attached file, keyed by their SHA-256 (migration 011). */
export interface AttachmentBlob {
  /** Lower-case hex SHA-256 of the bytes: the key. */
  sha256: string;
  /** Size in bytes. */
  size: number;
  /** The bytes, unaltered. */
  bytes: Blob;
}

/** The stored bytes of an attachment, or undefined when they have not arrived on this device. */
export async function readAttachmentBytes(
  db: WorkbenchDB,
  sha256: string,
): Promise<Blob | undefined> {
  const row = await db.attachmentBlobs.get(sha256);
  return row?.bytes;
}
