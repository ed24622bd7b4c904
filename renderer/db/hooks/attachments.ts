import { useLiveQuery } from 'dexie-react-hooks';
import type { Attachment, AttachmentTarget } from '@shared/model/attachment';
import type { WorkbenchDB } from '../database';
import { listAttachmentsFor } from '../queries/attachments';

/** The live attachments of a record (undefined while loading). */
export function useAttachmentsFor(
  db: WorkbenchDB,
  target: AttachmentTarget,
): Attachment[] | undefined {
  return useLiveQuery(() => listAttachmentsFor(db, target), [db, target.entity, target.id]);
}
