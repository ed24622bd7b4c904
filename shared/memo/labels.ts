import {
  UTC_ISO,
  formatMemoDay,
  formatMemoInstant,
  memoInstantDay,
  type TimeDisplay,
} from '../time/display';
import type { AcknowledgementResponse } from '../model/acknowledgement';
import type { Channel } from '../model/channel';
import type { FollowUpOutcome, RaisedIssueStatus, Severity } from '../model/raisedIssue';
import type { OwnershipGap } from '../rules/ownership';
import type { MemoFollowUp, MemoItem } from './types';

/** Status words as a memo prints them. */
export const STATUS_LABEL: Record<RaisedIssueStatus, string> = {
  raised: 'Raised, awaiting answer',
  acknowledged: 'Acknowledged',
  actioned: 'Being actioned',
  declined: 'Declined',
  risk_accepted: 'Risk accepted',
  resolved: 'Resolved',
};

/** Rating words. */
export const RATING_LABEL: Record<Severity, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** Response words. */
export const RESPONSE_LABEL: Record<AcknowledgementResponse, string> = {
  received: 'Receipt confirmed',
  accepted: 'Recommendation accepted',
  declined: 'Recommendation declined',
  risk_accepted: 'Risk accepted',
  deferred: 'Decision deferred',
};

/** Channel words. */
export const CHANNEL_LABEL: Record<Channel, string> = {
  email: 'email',
  meeting: 'meeting',
  call: 'call',
  chat: 'chat',
  ticket: 'ticket',
  memo: 'memo',
};

/** Ownership gap words. */
export const GAP_LABEL: Record<OwnershipGap, string> = {
  'no-accountable': 'Nobody is accountable',
  'accountable-departed': 'The accountable person has left',
  'accountable-vacant': 'The accountable seat is vacant',
  'accountable-no-authority': 'The accountable person cannot decide',
  'nobody-responsible': 'Nobody present is responsible',
};

/** The five finding elements' headings. */
export const FINDING_LABEL = {
  criteria: 'Criteria (what should be)',
  condition: 'Condition (what is)',
  cause: 'Cause',
  effect: 'Effect',
  recommendation: 'Recommendation',
} as const;

/**
 * The label of an enumeration value; a value outside the enumeration (a forged or damaged
 * record) is returned as its own text, for the renderer to escape like any user text.
 */
export function labelOf(labels: Readonly<Record<string, string>>, value: unknown): string {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(labels, value)
    ? (labels[value] as string)
    : String(value);
}

/**
 * An ISO instant as the memo prints it: local to the display's zone with its abbreviation
 * ("2026-11-23 10:30 CET"); without a display "YYYY-MM-DD HH:MM UTC", as before zones existed.
 */
export function formatInstant(iso: string, display: TimeDisplay = UTC_ISO): string {
  return formatMemoInstant(iso, display);
}

/** The day of an ISO instant (UTC). */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * Per person an item's own raise went to, in words: "Ana Ruiz answered 2026-03-24; Ben Ode has
 * not answered"; a delegate's answer names the delegate. Days local to the display's zone. `inline` escapes a name for the format.
 */
export function addresseeLine(
  item: Pick<MemoItem, 'addressees'>,
  inline: (text: string) => string,
  display: TimeDisplay = UTC_ISO,
): string {
  return item.addressees
    .map((a) => {
      const name = inline(a.person.name);
      if (a.answeredAt === null) return `${name} has not answered`;
      const by = a.delegate ? ` (by ${inline(a.delegate.name)} on their behalf)` : '';
      const on = formatMemoDay(memoInstantDay(a.answeredAt, display.timeZone), display.dateStyle);
      return `${name} answered ${inline(on)}${by}`;
    })
    .join('; ');
}

/** Outcome words of a chaser. */
export const OUTCOME_LABEL: Record<FollowUpOutcome, string> = {
  no_answer: 'no answer',
  answered: 'answered',
  bounced: 'bounced (did not reach them)',
};

/**
 * A chaser or a recorded silence in words, without its time: "followed up with Victor Hale by
 * email: no answer" or "no answer by the follow-up day 2026-03-05 from Victor Hale".
 */
export function followUpText(
  f: MemoFollowUp,
  inline: (text: string) => string,
  display: TimeDisplay = UTC_ISO,
): string {
  const names = f.to.map((p) => inline(p.name)).join(', ');
  const note = f.note.trim() === '' ? '' : ` (${inline(f.note)})`;
  // every value through `inline`, enumerations too: a forged record may hold anything there
  if (f.kind === 'silence')
    return `no answer by the follow-up day ${inline(formatMemoDay(String(f.day ?? ''), display.dateStyle))} from ${names}${note}`;
  return `followed up with ${names} by ${inline(labelOf(CHANNEL_LABEL, f.channel))}: ${inline(labelOf(OUTCOME_LABEL, f.outcome))}${note}`;
}

/** When a dated entry happened: its day alone when only the day is known, else its instant. */
export function formatWhen(at: string, dayOnly: boolean, display: TimeDisplay = UTC_ISO): string {
  return dayOnly ? formatMemoDay(dayOf(at), display.dateStyle) : formatInstant(at, display);
}
