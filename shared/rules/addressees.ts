import type { Acknowledgement } from '../model/acknowledgement';
import type { RaisedIssue } from '../model/raisedIssue';
import { instant } from './dates';

/**
 * Acknowledgement per addressee. An issue raised to several people is answered person by
 * person: an answer covers the person who gave it, or the addressee it is recorded as given on
 * behalf of (a delegate). An answer from anyone else is theirs and covers nobody the issue was
 * raised to. Old records without `onBehalfOfId` read as the answerer's own answer only.
 */

/** The person an acknowledgement answers for: the addressee it was given for, else the answerer. */
export function answeredFor(ack: Pick<Acknowledgement, 'byId' | 'onBehalfOfId'>): string {
  return ack.onBehalfOfId ?? ack.byId;
}

/** Where one addressee of an issue stands. */
export interface AddresseeState {
  /** The stakeholder the issue was raised to. */
  addresseeId: string;
  /** Their first answer (their own, or given on their behalf), or null while none. */
  answer: Acknowledgement | null;
  /** True when that answer was given on their behalf by someone else (a delegate). */
  byDelegate: boolean;
  /** Since when they are awaited: the raise (ISO instant). */
  awaitedSince: string;
}

/** Live acknowledgements of the issue, oldest first. */
function liveAcksOf(issue: Pick<RaisedIssue, 'id'>, acks: readonly Acknowledgement[]) {
  return acks
    .filter((a) => a.deletedAt === null && a.raisedIssueId === issue.id)
    .sort((a, b) => instant(a.at) - instant(b.at) || (a.id < b.id ? -1 : 1));
}

/**
 * Per addressee of `issue` (in raisedToIds order): their first answer, and whether a delegate
 * gave it. Acknowledgements of other issues and deleted ones are ignored.
 */
export function addresseeStates(
  issue: Pick<RaisedIssue, 'id' | 'raisedToIds' | 'raisedAt'>,
  acknowledgements: readonly Acknowledgement[],
): AddresseeState[] {
  const acks = liveAcksOf(issue, acknowledgements);
  return issue.raisedToIds.map((addresseeId) => {
    const answer = acks.find((a) => answeredFor(a) === addresseeId) ?? null;
    return {
      addresseeId,
      answer,
      byDelegate: answer !== null && answer.byId !== addresseeId,
      awaitedSince: issue.raisedAt,
    };
  });
}

/** The addressees of `issue` nobody has answered for yet, in raisedToIds order. */
export function unansweredAddressees(
  issue: Pick<RaisedIssue, 'id' | 'raisedToIds' | 'raisedAt'>,
  acknowledgements: readonly Acknowledgement[],
): string[] {
  return addresseeStates(issue, acknowledgements)
    .filter((s) => s.answer === null)
    .map((s) => s.addresseeId);
}

/** True only when every addressee of the issue answered (or a delegate answered for them). */
export function isFullyAcknowledged(
  issue: Pick<RaisedIssue, 'id' | 'raisedToIds' | 'raisedAt'>,
  acknowledgements: readonly Acknowledgement[],
): boolean {
  return unansweredAddressees(issue, acknowledgements).length === 0;
}

/** Live answers to the issue from people it was not raised to and not given for an addressee. */
export function answersFromOthers(
  issue: Pick<RaisedIssue, 'id' | 'raisedToIds'>,
  acknowledgements: readonly Acknowledgement[],
): Acknowledgement[] {
  const addressees = new Set(issue.raisedToIds);
  return liveAcksOf(issue, acknowledgements).filter((a) => !addressees.has(answeredFor(a)));
}
