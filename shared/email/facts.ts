import type { DkimCheck, EmailFacts } from '../model/attachment';
import type { ParsedEmail } from './types';

/** The DKIM check an Outlook .msg gets: it keeps no raw MIME to verify. */
export const MSG_DKIM: DkimCheck = {
  status: 'unverifiable',
  checkedAt: null,
  signatures: [],
  keyRecords: [],
  summary: 'An Outlook .msg keeps the headers only: its DKIM signature cannot be verified.',
};

/** A check that has not run yet (offline at import). */
export const PENDING_DKIM: DkimCheck = {
  status: 'pending',
  checkedAt: null,
  signatures: [],
  keyRecords: [],
  summary: 'Not checked yet.',
};

/** What the attachment record keeps of a parsed email, bounded to the schema's limits. */
export function emailFacts(email: ParsedEmail, dkim: DkimCheck): EmailFacts {
  return {
    format: email.format,
    subject: email.subject.slice(0, 2000),
    from: email.from?.address ?? '',
    to: [...email.to, ...email.cc].map((a) => a.address).slice(0, 500),
    sentAt: email.sentAt,
    messageId: email.messageId.slice(0, 1000),
    dkim: email.format === 'msg' ? MSG_DKIM : dkim,
  };
}
