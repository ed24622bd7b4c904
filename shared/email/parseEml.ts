import PostalMime, { type Address } from 'postal-mime';
import { htmlToText } from './htmlText';
import { normaliseAddress } from './addresses';
import { EmailRefusedError, type EmailAddress, type ParsedEmail } from './types';

/**
 * Limits handed to postal-mime, which enforces them while it parses (counting every part and
 * every nested message): an email needing more is refused, never half-read.
 */
export const EML_LIMITS = {
  /** MIME parts in the whole message (10,000 is an attack, not an email). */
  maxPartCount: 1_000,
  /** Header bytes over all parts (a 50 MB header is refused). */
  maxHeadersSize: 1_048_576,
  /** MIME nesting depth. */
  maxNestingDepth: 50,
  /** Nested forwarded messages parsed inline. */
  maxRfc822NestingDepth: 5,
  /** Addresses rendered from forwarded messages. */
  maxForwardedAddresses: 2_000,
} as const;

const REFUSALS: Record<string, string> = {
  EMAXPARTCOUNT: `This email has more than ${EML_LIMITS.maxPartCount.toLocaleString('en-GB')} MIME parts; it was not imported.`,
  EMAXHEADERSIZE: 'The headers of this email are larger than 1 MB; it was not imported.',
  EMAXNESTINGDEPTH: `The parts of this email are nested more than ${EML_LIMITS.maxNestingDepth} deep; it was not imported.`,
  EMAXFORWARDEDADDRESSES: 'This email forwards too many addresses; it was not imported.',
};

/** Mailboxes of an address list, groups flattened, addresses in lower case. */
function mailboxes(list: readonly Address[] | undefined): EmailAddress[] {
  const out: EmailAddress[] = [];
  for (const entry of list ?? []) {
    const members = 'group' in entry && Array.isArray(entry.group) ? entry.group : [entry];
    for (const m of members) {
      if ('address' in m && typeof m.address === 'string' && m.address !== '') {
        out.push({ name: m.name ?? '', address: normaliseAddress(m.address) });
      }
    }
  }
  return out;
}

function toIso(date: string | undefined): string | null {
  if (!date) return null;
  const t = Date.parse(date);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Whether the first bytes look like a header line ("Name: value"), as an email starts. */
function startsWithHeader(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length && i < 80) {
    const b = bytes[i] ?? 0;
    if (b === 0x3a) return i > 0;
    // printable US-ASCII other than ':' and space (RFC 5322 field names)
    if (b <= 0x20 || b >= 0x7f) return false;
    i += 1;
  }
  return false;
}

/**
 * Parses an .eml (RFC 5322 / MIME) file within {@link EML_LIMITS}. Throws EmailRefusedError with
 * a sentence for the user when the file is not an email (no header, no From) or is too large in
 * parts or headers.
 */
export async function parseEml(bytes: Uint8Array): Promise<ParsedEmail> {
  if (!startsWithHeader(bytes)) {
    throw new EmailRefusedError(
      'This file is not an email: it does not start with email headers (a text file renamed .eml?).',
    );
  }
  let email;
  try {
    email = await PostalMime.parse(bytes, { ...EML_LIMITS, attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const refusal = typeof code === 'string' ? REFUSALS[code] : undefined;
    if (refusal) throw new EmailRefusedError(refusal);
    throw new EmailRefusedError('This email could not be read; it was not imported.');
  }
  const from = mailboxes(email.from ? [email.from] : []);
  if (from.length === 0) {
    throw new EmailRefusedError(
      'This file is not an email: it names no sender (From). A text file renamed .eml?',
    );
  }
  const text = email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : '';
  return {
    format: 'eml',
    subject: email.subject ?? '',
    from: from[0] ?? null,
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    sentAt: toIso(email.date),
    messageId: email.messageId ?? '',
    inReplyTo: email.inReplyTo ?? '',
    text,
    attachmentNames: email.attachments.map((a) => a.filename ?? '').filter((n) => n !== ''),
    hasDkimSignature: email.headers.some((h) => h.key === 'dkim-signature'),
  };
}
