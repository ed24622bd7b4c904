import type { WorkbenchClient } from '@shared/ipc/client';
import { base64ToBytes, bytesToBase64 } from '@shared/encoding/base64';
import { sha256Hex } from '@shared/canonical/sha256';
import {
  heldHashes,
  readAttachmentArray,
  readAttachmentBytes,
  storeCheckedBytes,
} from '../attachmentBlobs';
import type { WorkbenchDB } from '../database';

/** The distinct SHA-256s of an engagement's attachments whose bytes this device holds. */
export async function heldAttachmentHashes(
  db: WorkbenchDB,
  engagementId: string,
): Promise<string[]> {
  const named = new Set(
    (await db.attachments.where('engagementId').equals(engagementId).toArray()).map(
      (a) => a.sha256,
    ),
  );
  const held = await heldHashes(db);
  return [...named].filter((sha256) => held.has(sha256)).sort();
}

/**
 * Puts into the backups folder the bytes it does not hold yet (main keeps each SHA-256 once,
 * for every engagement and day). Resolves to how many were sent.
 */
export async function backUpAttachmentBytes(
  client: WorkbenchClient,
  db: WorkbenchDB,
  hashes: readonly string[],
): Promise<number> {
  if (hashes.length === 0) return 0;
  const { missing = [] } = await client.call('backup.blob', {
    op: 'missing',
    sha256s: [...hashes],
  });
  let sent = 0;
  for (const sha256 of missing) {
    const bytes = await readAttachmentArray(db, sha256);
    if (!bytes) continue;
    const data = bytesToBase64(bytes);
    await client.call('backup.blob', { op: 'put', sha256, data });
    sent += 1;
  }
  return sent;
}

/**
 * After a backup is restored: fetches from the backups folder the bytes of the engagement's
 * attachments this device lacks, each checked against its record (SHA-256 and size) before it
 * is stored. Resolves to how many were stored.
 */
/** What a restore brought back: files stored, and those whose backup copy did not match. */
export interface RestoredBytes {
  stored: number;
  /** SHA-256 of each file whose copy in the backups folder is not the recorded one. */
  refused: string[];
}

export async function restoreAttachmentBytes(
  client: WorkbenchClient,
  db: WorkbenchDB,
  engagementId: string,
): Promise<RestoredBytes> {
  const records = await db.attachments.where('engagementId').equals(engagementId).toArray();
  let stored = 0;
  const refused: string[] = [];
  for (const { sha256, size } of new Map(records.map((r) => [r.sha256, r])).values()) {
    if (await readAttachmentBytes(db, sha256)) continue;
    const { data, damaged } = await client.call('backup.blob', { op: 'get', sha256 });
    if (damaged) refused.push(sha256);
    if (typeof data !== 'string') continue;
    const bytes = base64ToBytes(data);
    if (bytes.byteLength !== size || (await sha256Hex(bytes)) !== sha256) {
      refused.push(sha256);
      continue;
    }
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
    await db.transaction('rw', db.attachmentBlobs, db.attachmentData, () =>
      storeCheckedBytes(db, sha256, size, blob),
    );
    stored += 1;
  }
  return { stored, refused };
}
