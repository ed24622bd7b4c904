import type { Attachment, AttachmentTarget } from '@shared/model/attachment';
import { readAttachmentBytes } from '../attachmentBlobs';
import type { WorkbenchDB } from '../database';

/** The attachments of a record (deleted ones included: the panel shows them struck out), oldest first. */
export async function listAttachmentsFor(
  db: WorkbenchDB,
  target: AttachmentTarget,
): Promise<Attachment[]> {
  const rows = await db.attachments
    .where('[target.entity+target.id]')
    .equals([target.entity, target.id])
    .toArray();
  return rows.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
}

/** Whether the bytes of an attachment are on this device (they may not have synced yet). */
export async function hasAttachmentBytes(db: WorkbenchDB, sha256: string): Promise<boolean> {
  return (await readAttachmentBytes(db, sha256)) !== undefined;
}
