import { displayFileName } from '../attachments/fileName';
import type { Attachment, DkimCheck } from '../model/attachment';

/** A file a memo's item cites, listed as an exhibit. */
export interface MemoExhibit {
  /** E1, E2... in item order. */
  ref: string;
  /** The attachment record's id. */
  attachmentId: string;
  /** The item it belongs to ("1", "2"...). */
  itemRef: string;
  /** The file name as shown (cleaned). */
  name: string;
  /** When it was attached (ISO, UTC). */
  addedAt: string;
  /** Its size in bytes. */
  size: number;
  /** SHA-256 of the bytes. */
  sha256: string;
  /**
   * What can be said about its origin, never more than was checked. A check's day is the UTC day
   * of `checkedAt` here; renderers print it in the engagement's zone (`localExhibitVerification`).
   */
  verification: string;
  /** When the email's DKIM check that `verification` dates ran (ISO, UTC); absent otherwise. */
  checkedAt?: string;
}

/** The verification words of an exhibit: only an email's DKIM check verifies anything. */
export function exhibitVerification(dkim: DkimCheck | null): string {
  if (dkim === null) return 'Not verified (a file, fingerprinted when attached)';
  const on = dkim.checkedAt ? ` on ${dkim.checkedAt.slice(0, 10)}` : '';
  switch (dkim.status) {
    case 'pass': {
      const d = dkim.signatures.find((s) => s.result === 'pass' && s.alignedWithFrom)?.domain;
      return `Verified: signed by ${d ?? "the sender's domain"}'s mail server${on}`;
    }
    case 'unaligned':
      return `Not verified: signed by another domain than the sender's${on}`;
    case 'fail':
      return `Not verified: the DKIM signature failed${on}`;
    case 'none':
      return 'Not verified: the email carries no DKIM signature';
    case 'unverifiable':
      return 'Not verified: Outlook .msg, headers only';
    case 'pending':
      return 'Not verified yet (DKIM check pending)';
    default:
      return 'Not verified: the check could not run';
  }
}

/**
 * The exhibits of a memo: the live attachments of its items' raised issues and of the
 * acknowledgements it cites, in item order, then by the time they were attached.
 */
export function memoExhibits(
  attachments: readonly Attachment[],
  issueRefs: ReadonlyMap<string, string>,
  acknowledgementRefs: ReadonlyMap<string, string>,
): MemoExhibit[] {
  const rows: Array<Omit<MemoExhibit, 'ref'>> = [];
  for (const a of attachments) {
    if (a.deletedAt !== null) continue;
    const itemRef =
      a.target.entity === 'raisedIssue'
        ? issueRefs.get(a.target.id)
        : a.target.entity === 'acknowledgement'
          ? acknowledgementRefs.get(a.target.id)
          : undefined;
    if (itemRef === undefined) continue;
    const dkim = a.email?.dkim ?? null;
    const verification = exhibitVerification(dkim);
    const checkedAt = dkim?.checkedAt ?? null;
    const dated = checkedAt !== null && verification.endsWith(` on ${checkedAt.slice(0, 10)}`);
    rows.push({
      attachmentId: a.id,
      itemRef,
      name: displayFileName(a.fileName),
      addedAt: a.addedAt,
      size: a.size,
      sha256: a.sha256,
      verification,
      // Only where the words carry the check's day, so a memo without one stays as before.
      ...(dated ? { checkedAt } : {}),
    });
  }
  rows.sort(
    (x, y) =>
      Number(x.itemRef) - Number(y.itemRef) ||
      (x.addedAt < y.addedAt ? -1 : x.addedAt > y.addedAt ? 1 : 0) ||
      (x.attachmentId < y.attachmentId ? -1 : 1),
  );
  return rows.map((r, i) => ({ ref: `E${i + 1}`, ...r }));
}
