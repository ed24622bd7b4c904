import type { AcknowledgementResponse } from '../model/acknowledgement';
import type { Channel } from '../model/channel';
import type {
  FollowUpKind,
  FollowUpOutcome,
  RaisedIssueStatus,
  Severity,
} from '../model/raisedIssue';
import type { MemoExhibit } from './exhibits';
import type { MemoLogo } from './logo';

/**
 * The memo model: everything a memo prints, as plain data (strings, numbers, arrays), built from
 * the records by buildMemo and rendered by renderMemoMarkdown / renderMemoHtml. It holds no
 * export time, so its canonical JSON (and fingerprint) depends on the content only.
 */

/** A person as a memo names them. */
export interface MemoPerson {
  /** The stakeholder's record id. */
  id: string;
  /** Their name. */
  name: string;
  /** Their job title ('' when unknown). */
  title: string;
  /** Their department ('' when unknown). */
  orgUnit: string;
}

/** The memo's header block. */
export interface MemoHeader {
  /** Memo id, for example NWL-M-2026-004. */
  memoId: string;
  /** Version, 1 for the first issue. */
  version: number;
  /** The memo's date (YYYY-MM-DD), chosen by the consultant (not the export time). */
  date: string;
  /** Subject line. */
  subject: string;
  /** The client organisation. */
  client: string;
  /** The engagement's title. */
  engagementTitle: string;
  /** Decision makers the memo is addressed to. */
  to: MemoPerson[];
  /** People in copy. */
  cc: MemoPerson[];
  /** The consultant's name. */
  fromName: string;
  /** The consultant's firm. */
  fromFirm: string;
}

/** One line of the rating key. */
export interface RatingKeyRow {
  /** high, medium or low. */
  rating: Severity;
  /** What the rating means. */
  meaning: string;
  /** How soon action is expected. */
  timeToAct: string;
}

/** One acknowledgement as a memo prints it. */
export interface MemoAcknowledgement {
  /** The acknowledgement's record id. */
  id: string;
  /** Who answered. */
  by: MemoPerson;
  /** The addressee the answer was recorded as given for (a delegate answered), or null. */
  onBehalfOf: MemoPerson | null;
  /** When (ISO, UTC). */
  at: string;
  /** How they answered. */
  channel: Channel;
  /** What they answered. */
  response: AcknowledgementResponse;
  /** Their words, verbatim ('' when none recorded). */
  quote: string;
  /** Conditions they attached. */
  conditions: string;
  /** For a risk acceptance: when it lapses, or null. */
  expiresOn: string | null;
  /** The memo it acknowledged ("NWL-M-2026-004 v1 (fingerprint SHA-256 …)"), or ''. */
  memoRef: string;
  /** The item ref of the issue acknowledged (an earlier raise in the chain may differ). */
  issueTitle: string;
}

/** A chaser sent on a raise, or silence by its follow-up day, as a memo prints it. */
export interface MemoFollowUp {
  /** chaser or silence. */
  kind: FollowUpKind;
  /** When (ISO, UTC); for silence the end of the follow-up day. */
  at: string;
  /** Whom it went to, or who had not answered by the day. */
  to: MemoPerson[];
  /** How the chaser was sent. */
  channel: Channel;
  /** no_answer, answered or bounced. */
  outcome: FollowUpOutcome;
  /** For silence: the follow-up day (YYYY-MM-DD); else null. */
  day: string | null;
  /** The consultant's note ('' when none). */
  note: string;
}

/** One raise in an item's history (the item itself, or an issue in its escalation chain). */
export interface MemoRaise {
  /** The raised issue's record id. */
  id: string;
  /** Its title. */
  title: string;
  /** When it was raised (ISO, UTC). */
  at: string;
  /** To whom. */
  to: MemoPerson[];
  /** Through which channel. */
  channel: Channel;
  /** True for the item itself, false for an earlier or later raise in its chain. */
  isThisItem: boolean;
  /** Chasers and recorded silences on this raise, oldest first. */
  followUps: MemoFollowUp[];
}

/** One person the item's own raise went to, and whether they answered. */
export interface MemoAddressee {
  /** The person raised to. */
  person: MemoPerson;
  /** When they (or a delegate for them) first answered (ISO), or null: no answer yet. */
  answeredAt: string | null;
  /** Who answered on their behalf, or null when they answered themselves (or not at all). */
  delegate: MemoPerson | null;
}

/** A linked risk with its scores. */
export interface MemoRisk {
  /** The risk's record id. */
  id: string;
  /** Its title. */
  title: string;
  /** Likelihood times impact before controls (1-25). */
  inherentScore: number;
  /** The band of that score. */
  inherentBand: string;
  /** Score once controls are in place, or null when not assessed. */
  residualScore: number | null;
  /** The risk's status. */
  status: string;
  /** Its owner's name ('' when nobody owns it). */
  owner: string;
}

/** One item (a raised issue) of the memo. */
export interface MemoItem {
  /** Short reference used across the memo: "1", "2", ... in summary order. */
  ref: string;
  /** The raised issue's record id. */
  id: string;
  /** Title. */
  title: string;
  /** Rating (the issue's severity). */
  rating: Severity;
  /** Status. */
  status: RaisedIssueStatus;
  /** The five elements of the finding, in print order. */
  finding: {
    criteria: string;
    condition: string;
    cause: string;
    effect: string;
    recommendation: string;
  };
  /** When the item was first raised in its chain (ISO). */
  firstRaisedAt: string;
  /** The raises of the item and its escalation chain, oldest first. */
  raises: MemoRaise[];
  /** Acknowledgements of the item and its chain, oldest first. */
  acknowledgements: MemoAcknowledgement[];
  /** The people the item's own (latest) raise went to, each with their answer or none. */
  addressees: MemoAddressee[];
  /** Who owns the fix, or null. */
  owner: MemoPerson | null;
  /** When the fix is due, or null. */
  targetDate: string | null;
  /** Linked risks. */
  risks: MemoRisk[];
  /** Earlier memos that carried the item ("NWL-M-2026-001 v1"). */
  earlierMemos: string[];
}

/** One row of the summary table. */
export interface SummaryRow {
  /** The item's ref. */
  ref: string;
  /** Title. */
  title: string;
  /** Rating. */
  rating: Severity;
  /** Owner's name, or ''. */
  owner: string;
  /** Day first raised (YYYY-MM-DD). */
  raisedOn: string;
  /**
   * Per person the item's own raise went to: "Name, YYYY-MM-DD" when they (or a delegate for
   * them) answered, "Name: no answer" when not; then answers from people not addressed.
   */
  acknowledged: string;
  /** Status. */
  status: RaisedIssueStatus;
}

/** An item mentioned in one of the call-out lists. */
export interface ItemMention {
  /** The item's ref in this memo, or '' when the issue is not an item of this memo. */
  ref: string;
  /** Title. */
  title: string;
  /** Extra words (for example "raised 2026-03-01 to Ana Ruiz, 96 days ago"). */
  detail: string;
}

/** One entry of the chronology. */
export interface ChronologyEntry {
  /** When (ISO, UTC). */
  at: string;
  /** raise, follow-up (a chaser or a recorded silence) or acknowledgement. */
  kind: 'raise' | 'follow-up' | 'acknowledgement';
  /** True when only the day is known (a follow-up day that passed): print `at`'s day only. */
  dayOnly: boolean;
  /** The item ref ('' for an issue of the chain that is not an item). */
  ref: string;
  /** What happened, in words. */
  text: string;
}

/** A stakeholder of the appendix, with their chain of command. */
export interface AppendixPerson {
  /** The person. */
  person: MemoPerson;
  /** Names up the chain of command, nearest first ("(vacant) Head of Operations", ...). */
  chain: string[];
  /** Their role in the memo: recipient, cc, raised to, acknowledged, owner. */
  roles: string[];
}

/** An ownership gap bearing on the memo's items. */
export interface AppendixGap {
  /** The ownership area's record id. */
  id: string;
  /** The area's name. */
  area: string;
  /** system or process. */
  kind: string;
  /** The gaps, in words. */
  gaps: string[];
  /** Refs of the items the gap bears on. */
  itemRefs: string[];
}

/** The whole memo. */
export interface Memo {
  /** The format version of this model (bumped when the structure changes). */
  format: 1;
  /** Header. */
  header: MemoHeader;
  /** Purpose and scope paragraph. */
  purpose: string;
  /** The limits of the scope. */
  limits: string;
  /** The responsibility paragraph. */
  responsibility: string;
  /** Restricted distribution paragraph. */
  distribution: string;
  /** The rating key. */
  ratingKey: RatingKeyRow[];
  /**
   * The firm's letterhead (name, address: the engagement's `memoLetterhead`), printed above the
   * memo. Absent when the engagement has none, so older memos keep their content and fingerprint.
   */
  letterhead?: string;
  /**
   * The letterhead's logo: its type, SHA-256 and size (the image itself travels beside the
   * model, `RenderOptions.logo`). Absent without a logo, so older memos keep their fingerprint.
   */
  logo?: MemoLogo;
  /** The signature block printed after the chronology (the engagement's `memoSignature`). */
  signature?: string;
  /** Summary table rows. */
  summary: SummaryRow[];
  /** One section per item. */
  items: MemoItem[];
  /** Items whose own raise some addressee has not answered (nobody answered for them). */
  unacknowledged: ItemMention[];
  /** Items from earlier memos still open. */
  earlierStillOpen: ItemMention[];
  /** Items from earlier memos resolved since. */
  earlierResolved: ItemMention[];
  /** Every raise and acknowledgement of the items, in date order. */
  chronology: ChronologyEntry[];
  /** Appendix: stakeholders involved. */
  stakeholders: AppendixPerson[];
  /** Appendix: ownership gaps bearing on the items. */
  gaps: AppendixGap[];
  /**
   * Appendix: the files the items cite (absent, not empty, when there are none, so memos
   * without attachments keep their canonical JSON and fingerprint).
   */
  exhibits?: MemoExhibit[];
}

/** The records a memo cites, by kind (record ids, sorted). */
export interface CitedRecords {
  /** Raised issues (the items and their chains). */
  raisedIssueIds: string[];
  /** Acknowledgements. */
  acknowledgementIds: string[];
  /** Stakeholders. */
  stakeholderIds: string[];
  /** Risks. */
  riskIds: string[];
  /** Ownership areas. */
  ownershipAreaIds: string[];
}
