import MsgReader from '@kenjiuno/msgreader';
import { normaliseAddress } from './addresses';
import { htmlToText } from './htmlText';
import { EmailRefusedError, type EmailAddress, type ParsedEmail } from './types';

/** The compound-file signature every .msg starts with (D0 CF 11 E0 A1 B1 1A E1). */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function toIso(date: string | undefined): string | null {
  if (!date) return null;
  const t = Date.parse(date);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function mailbox(name: string | undefined, address: string | undefined): EmailAddress | null {
  const a = normaliseAddress(address ?? '');
  return a.includes('@') ? { name: name ?? '', address: a } : null;
}

/** PR_MESSAGE_FLAGS' MSGFLAG_UNSENT (MS-OXCMSG 2.2.1.6): a draft, never sent. */
const MSGFLAG_UNSENT = 0x8;

/**
 * When the message was sent: PR_CLIENT_SUBMIT_TIME, else the delivery time of a received one.
 * A draft's delivery time is when it was saved, so an unsent message has no sending time.
 */
function sentTime(data: {
  messageFlags?: number;
  clientSubmitTime?: string;
  messageDeliveryTime?: string;
}): string | null {
  if (((data.messageFlags ?? 0) & MSGFLAG_UNSENT) !== 0) return null;
  return toIso(data.clientSubmitTime ?? data.messageDeliveryTime);
}

const MALFORMED = 'This Outlook message (.msg) is damaged or not a .msg file; it was not imported.';

/**
 * Parses an Outlook .msg with @kenjiuno/msgreader. A .msg keeps no raw MIME (at most a copy of
 * the transport headers), so its DKIM cannot be verified: the proposal says so. Throws
 * EmailRefusedError for a file that is not a .msg or is damaged.
 */
export function parseMsg(bytes: Uint8Array): ParsedEmail {
  if (bytes.length < 512 || CFB_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new EmailRefusedError(MALFORMED);
  }
  let data;
  try {
    const copy = bytes.slice().buffer;
    data = new MsgReader(copy).getFileData();
  } catch {
    throw new EmailRefusedError(MALFORMED);
  }
  if (data.error) throw new EmailRefusedError(MALFORMED);
  const from = mailbox(data.senderName, data.senderSmtpAddress || data.senderEmail);
  if (!from && !data.subject) throw new EmailRefusedError(MALFORMED);
  const to: EmailAddress[] = [];
  const cc: EmailAddress[] = [];
  for (const r of data.recipients ?? []) {
    const m = mailbox(r.name, r.smtpAddress || r.email);
    if (!m) continue;
    if (r.recipType === 'cc') cc.push(m);
    else if (r.recipType !== 'bcc') to.push(m);
  }
  const text = data.body?.trim() ? data.body : data.bodyHtml ? htmlToText(data.bodyHtml) : '';
  return {
    format: 'msg',
    subject: data.subject ?? '',
    from,
    to,
    cc,
    sentAt: sentTime(data),
    messageId: '',
    inReplyTo: '',
    text,
    attachmentNames: (data.attachments ?? []).map((a) => a.fileName ?? '').filter((n) => n),
    hasDkimSignature: false,
  };
}
