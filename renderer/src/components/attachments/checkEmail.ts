import { bytesToBase64 } from '@shared/encoding/base64';
import { emailFacts, MSG_DKIM, PENDING_DKIM } from '@shared/email/facts';
import type { ParsedEmail } from '@shared/email/types';
import type { WorkbenchClient } from '@shared/ipc/client';
import type { Attachment, DkimCheck, EmailFacts } from '@shared/model/attachment';
import type { WorkbenchStore } from '../../../db';

/** The DKIM check of an .eml through main; pending when main cannot reach DNS or fails. */
export async function checkDkimNow(
  client: WorkbenchClient,
  bytes: Uint8Array,
  recheck?: Pick<DkimCheck, 'keyRecords' | 'checkedAt'>,
): Promise<DkimCheck> {
  try {
    return await client.call('email.checkDkim', {
      message: bytesToBase64(bytes),
      ...(recheck ? { keyRecords: recheck.keyRecords } : {}),
      ...(recheck?.checkedAt ? { at: recheck.checkedAt } : {}),
    });
  } catch {
    return PENDING_DKIM;
  }
}

/** The facts an email attachment keeps: a .msg is unverifiable, an .eml checked now. */
export async function emailFactsNow(
  client: WorkbenchClient,
  email: ParsedEmail,
  bytes: Uint8Array,
): Promise<EmailFacts> {
  const dkim = email.format === 'msg' ? MSG_DKIM : await checkDkimNow(client, bytes);
  return emailFacts(email, dkim);
}

/** Runs a pending check again and stores its result (the one change an attachment allows). */
export async function completePendingCheck(
  client: WorkbenchClient,
  store: WorkbenchStore,
  attachment: Attachment,
  bytes: Uint8Array,
): Promise<void> {
  const email = attachment.email;
  if (!email || email.dkim.status !== 'pending') return;
  const dkim = await checkDkimNow(client, bytes);
  if (dkim.status === 'pending') return;
  await store.attachments.update(attachment.id, { email: { ...email, dkim } });
}
