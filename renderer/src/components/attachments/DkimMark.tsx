import type { DkimCheck } from '@shared/model/attachment';
import { formatDateTime } from '../../lib/formatDate';

/**
 * What the DKIM check of an email says, in one line, never more than the check showed. When it
 * ran is shown in this device's locale and time zone (a memo prints it in the engagement's).
 */
export function dkimLine(dkim: DkimCheck): string {
  const on = dkim.checkedAt ? ` on ${formatDateTime(dkim.checkedAt)}` : '';
  switch (dkim.status) {
    case 'pass': {
      const domain = dkim.signatures.find((s) => s.result === 'pass' && s.alignedWithFrom)?.domain;
      return `Signed by ${domain ?? 'the sender'}'s mail server, verified${on}.`;
    }
    case 'unaligned':
      return `${dkim.summary} Not proof of the sender (checked${on}).`;
    case 'fail':
      return `DKIM check failed${on}: ${dkim.summary}`;
    case 'none':
      return 'Not signed (no DKIM signature): the email cannot be verified.';
    case 'pending':
      return 'Not verified yet: the check runs when the laptop is online.';
    case 'unverifiable':
      return 'Outlook .msg: headers only, cannot be verified.';
    default:
      return `The check could not run: ${dkim.summary}`;
  }
}

/** A badge and the sentence of a DKIM check. */
export function DkimMark({ dkim }: { dkim: DkimCheck }) {
  const tone =
    dkim.status === 'pass'
      ? 'verified'
      : dkim.status === 'fail' || dkim.status === 'unaligned'
        ? 'failed'
        : 'unverified';
  const word = tone === 'verified' ? 'Verified' : tone === 'failed' ? 'Not verified' : 'Unverified';
  return (
    <span className={`dkim-mark dkim-${tone}`}>
      <span className="badge">{word}</span> {dkimLine(dkim)}
    </span>
  );
}
