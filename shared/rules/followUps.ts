import type { Acknowledgement } from '../model/acknowledgement';
import type { Channel } from '../model/channel';
import type { FollowUp, FollowUpOutcome, RaisedIssue } from '../model/raisedIssue';
import { unansweredAddressees } from './addressees';
import { instant, toIsoDay, type IsoDay } from './dates';

/** A chaser to record: when, to whom, how, and what came of it. */
export interface ChaserInput {
  /** When it was sent (ISO instant). */
  at: string;
  /** Whom it went to (stakeholder ids, at least one). */
  toIds: string[];
  /** How it was sent. */
  channel: Channel;
  /** no_answer, answered or bounced. */
  outcome: FollowUpOutcome;
  /** The consultant's note. */
  note?: string;
}

/** Every follow-up stored on the issue, deleted ones too, oldest first (a copy). */
export function storedFollowUpsOf(issue: Pick<RaisedIssue, 'followUps'>): FollowUp[] {
  // Old records read before migration may lack the list.
  return [...(issue.followUps ?? [])].sort((a, b) => instant(a.at) - instant(b.at));
}

/** The issue's follow-ups that stand (not deleted), oldest first (a copy). */
export function followUpsOf(issue: Pick<RaisedIssue, 'followUps'>): FollowUp[] {
  return storedFollowUpsOf(issue).filter((f) => f.deletedAt === undefined);
}

/**
 * The change that records a chaser on the issue: the chaser joins its follow-ups (in time
 * order) and the follow-up day moves to `nextFollowUpDue` (null clears it).
 */
export function chaserPatch(
  issue: Pick<RaisedIssue, 'followUps'>,
  input: ChaserInput,
  nextFollowUpDue: IsoDay | null,
): Pick<RaisedIssue, 'followUps' | 'followUpDue'> {
  const chaser: FollowUp = {
    kind: 'chaser',
    at: input.at,
    toIds: [...new Set(input.toIds)],
    channel: input.channel,
    outcome: input.outcome,
    day: null,
    note: input.note?.trim() ?? '',
  };
  return {
    followUps: storedFollowUpsOf({ followUps: [...storedFollowUpsOf(issue), chaser] }),
    followUpDue: nextFollowUpDue,
  };
}

/**
 * The silence to record when the follow-up day has passed (before `today`) and some addressees
 * have not answered (nobody answered for them): "no answer by <day>" from those people. Null
 * when there is nothing to record: no follow-up day, not yet passed, everyone answered, or a
 * silence for that day is already on the issue.
 */
export function pendingSilence(
  issue: Pick<
    RaisedIssue,
    'id' | 'raisedToIds' | 'raisedAt' | 'followUpDue' | 'followUps' | 'channel'
  >,
  acknowledgements: readonly Acknowledgement[],
  today: IsoDay | Date,
): FollowUp | null {
  const day = issue.followUpDue;
  if (day === null || day >= toIsoDay(today)) return null;
  // a silence the consultant deleted is not proposed again
  if (storedFollowUpsOf(issue).some((f) => f.kind === 'silence' && f.day === day)) return null;
  const endOfDay = `${day}T23:59:59.999Z`;
  const byThen = acknowledgements.filter((a) => instant(a.at) <= instant(endOfDay));
  const silent = unansweredAddressees(issue, byThen);
  if (silent.length === 0) return null;
  return {
    kind: 'silence',
    at: endOfDay,
    toIds: silent,
    channel: issue.channel,
    outcome: 'no_answer',
    day,
    note: '',
  };
}

/** The change that records a silence on the issue (its follow-up day stays as it was). */
export function silencePatch(
  issue: Pick<RaisedIssue, 'followUps'>,
  silence: FollowUp,
): Pick<RaisedIssue, 'followUps'> {
  return { followUps: storedFollowUpsOf({ followUps: [...storedFollowUpsOf(issue), silence] }) };
}
