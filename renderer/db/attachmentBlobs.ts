import type { WorkbenchDB } from './database';

/**
 * What this device holds of one attached file, keyed by its SHA-256 (migration 011). The bytes
 * are either in the row (`bytes`: files that arrived by sync, archive or backup, whose SHA-256 was
 * known before they were stored) or in `attachmentData` under `dataId` (files attached here:
 * stored while they were hashed; migration 012). Exactly one of the two is set.
 */
export interface AttachmentBlob {
  /** Lower-case hex SHA-256 of the bytes: the key. */
  sha256: string;
  /** Size in bytes. */
  size: number;
  /** The bytes, unaltered. */
  bytes?: Blob;
  /** The `attachmentData` row holding the bytes. */
  dataId?: string;
}

/** Bytes stored under an opaque id before their SHA-256 was known (migration 012). */
export interface AttachmentData {
  id: string;
  /** The bytes, unaltered. */
  bytes: Blob;
  /** When they were stored (ISO 8601): staged bytes no row names are swept after a while. */
  stagedAt: string;
}

/** The bytes a row holds or names, or undefined when the named bytes are gone. */
async function bytesOfRow(db: WorkbenchDB, row: AttachmentBlob): Promise<Blob | undefined> {
  if (row.bytes) return row.bytes;
  if (row.dataId === undefined) return undefined;
  return (await db.attachmentData.get(row.dataId))?.bytes;
}

/** The stored bytes of an attachment, or undefined when they have not arrived on this device. */
export async function readAttachmentBytes(
  db: WorkbenchDB,
  sha256: string,
): Promise<Blob | undefined> {
  const row = await db.attachmentBlobs.get(sha256);
  return row ? bytesOfRow(db, row) : undefined;
}

/** Like readAttachmentBytes, read into memory (sync, backups and archives send them on). */
export async function readAttachmentArray(
  db: WorkbenchDB,
  sha256: string,
): Promise<Uint8Array | undefined> {
  const blob = await readAttachmentBytes(db, sha256);
  return blob ? new Uint8Array(await blob.arrayBuffer()) : undefined;
}

/**
 * The SHA-256s whose bytes this device holds: rows with their bytes, and rows whose named bytes
 * exist. A row whose named bytes are gone (the browser lost them) is not held: sync fetches them
 * again and storeCheckedBytes replaces the row.
 */
export async function heldHashes(db: WorkbenchDB): Promise<Set<string>> {
  const all = (await db.attachmentBlobs.toCollection().primaryKeys()) as string[];
  const naming = await db.attachmentBlobs.where('dataId').above('').toArray();
  const staged = new Set((await db.attachmentData.toCollection().primaryKeys()) as string[]);
  const lost = new Set(
    naming.filter((row) => !staged.has(row.dataId as string)).map((row) => row.sha256),
  );
  return new Set(all.filter((sha256) => !lost.has(sha256)));
}

/**
 * Stores bytes whose SHA-256 the caller has checked (sync, archive, backup), unless this device
 * already holds that SHA-256 (a row whose named bytes are gone is replaced). Run it inside a
 * transaction that includes `attachmentBlobs` and `attachmentData`.
 */
export async function storeCheckedBytes(
  db: WorkbenchDB,
  sha256: string,
  size: number,
  bytes: Blob,
): Promise<boolean> {
  const row = await db.attachmentBlobs.get(sha256);
  if (row && (await bytesOfRow(db, row)) !== undefined) return false;
  await db.attachmentBlobs.put({ sha256, size, bytes });
  return true;
}

/**
 * Makes staged bytes (`attachmentData` row `dataId`) this SHA-256's, inside the attachment's
 * transaction: a row naming them, unless this device already holds the SHA-256 (then the staged
 * copy is deleted; a row whose bytes are lost is replaced). Throws when the staged bytes are gone
 * (swept while the attach waited): the transaction, and so the attachment, is then refused.
 */
export async function claimStagedBytes(
  db: WorkbenchDB,
  sha256: string,
  size: number,
  dataId: string,
): Promise<void> {
  const existing = await db.attachmentBlobs.get(sha256);
  if (existing?.dataId === dataId) return; // the same prepared file, attached again
  if (existing && (await bytesOfRow(db, existing)) !== undefined) {
    await db.attachmentData.delete(dataId);
    return;
  }
  if ((await db.attachmentData.where(':id').equals(dataId).count()) === 0) {
    throw new Error('The file’s bytes were not found where they were stored. Attach it again.');
  }
  await db.attachmentBlobs.put({ sha256, size, dataId });
}
