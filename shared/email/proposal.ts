import { addressesIn, normaliseAddress } from './addresses';
import { findMemoCitation, type MemoCitation } from './memoCitation';
import { replyText } from './replyText';
import type { EmailAddress, ParsedEmail } from './types';

/** A stakeholder as the matcher needs it. */
export interface StakeholderContact {
  id: string;
  name: string;
  /** Free-text contact field; the addresses in it are matched. */
  contact: string;
}

/** An issued memo as the linker needs it. */
export interface IssuedMemoRef {
  /** The memo record's id. */
  id: string;
  memoId: string;
  version: number;
  fingerprint: string;
  /** The raised issues the memo's items are about. */
  itemIssueIds: readonly string[];
}

/** One address of the email and the stakeholder it belongs to, if known. */
export interface AddressMatch {
  address: string;
  /** The display name the email gives. */
  name: string;
  /** The stakeholder whose contact lists this address, or null. */
  stakeholderId: string | null;
  /** A stakeholder of the same name whose contact lacks this address: offer to add it. */
  suggestedStakeholderId: string | null;
}

/** How a cited memo was linked. */
export type MemoLink =
  | { status: 'none' }
  | { status: 'linked'; citation: MemoCitation; memoRecordId: string; fingerprintChecked: boolean }
  | { status: 'unknown'; citation: MemoCitation }
  | { status: 'mismatch'; citation: MemoCitation; memoRecordId: string };

/** What the app proposes to record from an email; the user confirms or changes it. */
export interface EmailProposal {
  /** acknowledgement: an answer from the sender; raise: the consultant raising to the recipients. */
  kind: 'acknowledgement' | 'raise';
  /** The email's sent time (UTC), or null when it has none. */
  at: string | null;
  subject: string;
  sender: AddressMatch | null;
  /** To and Cc, the sender excluded. */
  recipients: AddressMatch[];
  /** For an acknowledgement: the reply's own words, quoted history stripped. */
  quote: string;
  /** The whole body, for a raise's record of what was sent. */
  body: string;
  /** The memo the email cites, linked by id, version and fingerprint. */
  memo: MemoLink;
  /** The raised issues this is about: the one it was dropped on, else the cited memo's items. */
  raisedIssueIds: string[];
  /** Sentences the confirmation dialog shows (missing date, unknown sender, fingerprint...). */
  warnings: string[];
}

/** What the proposal is built from. */
export interface ProposalInput {
  email: ParsedEmail;
  stakeholders: readonly StakeholderContact[];
  /** Issued memos of the engagement (superseded ones included: a reply may cite an old one). */
  memos: readonly IssuedMemoRef[];
  /** The raised issue the email was dropped on, or null for the engagement. */
  raisedIssueId: string | null;
  /** The consultant's own addresses (an email from one of them is a raise). */
  ownAddresses?: readonly string[];
}

function matchAddress(
  a: EmailAddress,
  byAddress: ReadonlyMap<string, string>,
  stakeholders: readonly StakeholderContact[],
): AddressMatch {
  const stakeholderId = byAddress.get(a.address) ?? null;
  const name = a.name.trim().toLowerCase();
  const suggested =
    stakeholderId === null && name !== ''
      ? (stakeholders.find((s) => s.name.trim().toLowerCase() === name)?.id ?? null)
      : null;
  return { address: a.address, name: a.name, stakeholderId, suggestedStakeholderId: suggested };
}

function linkMemo(text: string, memos: readonly IssuedMemoRef[]): MemoLink {
  const citation = findMemoCitation(text);
  if (!citation) return { status: 'none' };
  const memo = memos.find((m) => m.memoId === citation.memoId && m.version === citation.version);
  if (!memo) return { status: 'unknown', citation };
  if (citation.fingerprint !== null && citation.fingerprint !== memo.fingerprint) {
    return { status: 'mismatch', citation, memoRecordId: memo.id };
  }
  return {
    status: 'linked',
    citation,
    memoRecordId: memo.id,
    fingerprintChecked: citation.fingerprint !== null,
  };
}

function memoWarning(link: MemoLink): string | null {
  if (link.status === 'unknown') {
    return `The email cites memo ${link.citation.memoId} version ${link.citation.version}, which was not issued in this engagement.`;
  }
  if (link.status === 'mismatch') {
    return `The email cites memo ${link.citation.memoId} version ${link.citation.version} with a fingerprint that does not match the issued memo: not linked.`;
  }
  if (link.status === 'linked' && !link.fingerprintChecked) {
    return `The email cites memo ${link.citation.memoId} version ${link.citation.version} without its fingerprint.`;
  }
  return null;
}

/**
 * Proposes what an email records. Pure: the same email and records always give the same
 * proposal. An email from one of the consultant's addresses, or from a sender who is no
 * stakeholder (not even by name) to known stakeholders, is a raise; otherwise it is an acknowledgement from its sender, quoting the
 * reply's own words.
 */
export function buildEmailProposal(input: ProposalInput): EmailProposal {
  const { email, stakeholders } = input;
  const byAddress = new Map<string, string>();
  for (const s of stakeholders) {
    for (const a of addressesIn(s.contact)) if (!byAddress.has(a)) byAddress.set(a, s.id);
  }
  const own = new Set((input.ownAddresses ?? []).map(normaliseAddress));
  const sender = email.from ? matchAddress(email.from, byAddress, stakeholders) : null;
  const seen = new Set(sender ? [sender.address] : []);
  const recipients: AddressMatch[] = [];
  for (const a of [...email.to, ...email.cc]) {
    if (seen.has(a.address) || own.has(a.address)) continue;
    seen.add(a.address);
    recipients.push(matchAddress(a, byAddress, stakeholders));
  }
  const fromOwn = sender !== null && own.has(sender.address);
  const toKnown = recipients.some((r) => r.stakeholderId !== null);
  const senderKnown = sender?.stakeholderId != null || sender?.suggestedStakeholderId != null;
  const kind = fromOwn || (!senderKnown && toKnown) ? 'raise' : 'acknowledgement';

  const memo = linkMemo(email.text, input.memos);
  const memoRef =
    memo.status === 'linked' ? input.memos.find((m) => m.id === memo.memoRecordId) : undefined;
  const raisedIssueIds =
    input.raisedIssueId !== null ? [input.raisedIssueId] : [...(memoRef?.itemIssueIds ?? [])];

  const warnings: string[] = [];
  if (email.sentAt === null)
    warnings.push('The email has no readable date: enter when it was sent.');
  if (kind === 'acknowledgement' && sender?.stakeholderId == null) {
    warnings.push(`The sender ${sender?.address ?? '(none)'} is not a known stakeholder.`);
  }
  if (kind === 'raise' && recipients.every((r) => r.stakeholderId === null)) {
    warnings.push('None of the recipients is a known stakeholder.');
  }
  const memoNote = memoWarning(memo);
  if (memoNote) warnings.push(memoNote);
  if (raisedIssueIds.length === 0) warnings.push('Choose the raised issue this email is about.');

  return {
    kind,
    at: email.sentAt,
    subject: email.subject,
    sender,
    recipients,
    quote: kind === 'acknowledgement' ? replyText(email.text) : '',
    body: email.text,
    memo,
    raisedIssueIds,
    warnings,
  };
}
