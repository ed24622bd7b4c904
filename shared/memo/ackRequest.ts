import { UTC_ISO, formatMemoDay, type TimeDisplay } from '../time/display';
import { cleanText, joinLines } from './escape';
import type { Memo } from './types';

/** Who sends the request (the memo's from line is used when omitted). */
export interface AckRequestOptions {
  /** Content fingerprint of the memo. */
  fingerprint: string;
  /** The date style the memo was rendered with (its record's `display`); absent: ISO. */
  display?: TimeDisplay | undefined;
}

const ASK = 'accept / decline / accept the risk / defer';

/**
 * A short email asking the recipients to confirm receipt of a memo and give their decision on
 * each item; it cites the memo id, version and fingerprint, so the answer names exactly what was
 * acknowledged. Plain text: user-typed values are cleaned of control characters only.
 */
export function acknowledgementRequestText(memo: Memo, options: AckRequestOptions): string {
  const h = memo.header;
  const one = (s: string) => joinLines(cleanText(s));
  const names = h.to.map((p) => one(p.name)).join(', ');
  const lines = [
    `Subject: Please confirm receipt: memo ${h.memoId}, version ${h.version}`,
    '',
    `Dear ${names === '' ? 'all' : names},`,
    '',
    `Please confirm that you received memo ${h.memoId}, version ${h.version}, dated ${formatMemoDay(h.date, (options.display ?? UTC_ISO).dateStyle)} ("${one(h.subject)}"), content fingerprint SHA-256 ${options.fingerprint}.`,
    '',
  ];
  if (memo.items.length === 0) {
    lines.push('The memo lists no items.', '');
  } else {
    lines.push('And please give your decision on each item:', '');
    for (const item of memo.items) lines.push(`${item.ref}. ${one(item.title)}: ${ASK}`);
    lines.push('');
  }
  lines.push('A reply to this email is enough. Thank you.', '');
  const from = [h.fromName, h.fromFirm].map(one).filter((x) => x !== '');
  if (from.length > 0) lines.push('Kind regards,', ...from);
  return lines.join('\n').trimEnd() + '\n';
}
