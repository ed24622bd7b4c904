import { canonicalJson } from '../canonical/canonicalJson';
import type { FollowUp, RaisedIssue } from '../model/raisedIssue';
import { storedFollowUpsOf } from './followUps';

/**
 * Correcting and deleting a follow-up. Follow-ups live in the issue's `followUps` list and have
 * no id of their own: one is named by its stored value (the whole element). Every change is an
 * update of the issue, so the issue's history keeps the earlier list; a deletion keeps the
 * element with `deletedAt` (Undo restores it). In sync, the list merges element by element, so a
 * correction on one device and another device's new chaser both stay.
 */

/** What a correction of a chaser may change; a recorded silence only takes a note. */
export type FollowUpCorrection = Partial<
  Pick<FollowUp, 'at' | 'toIds' | 'channel' | 'outcome' | 'note'>
>;

/** The follow-up was changed or deleted elsewhere (another window, a synced device). */
export class FollowUpChangedError extends Error {
  override readonly name = 'FollowUpChangedError';
  constructor() {
    super('This follow-up was changed or deleted meanwhile. Reopen the issue and try again.');
  }
}

const same = (a: FollowUp, b: FollowUp) => canonicalJson(a) === canonicalJson(b);

/** The issue's list with `target` (matched by value) replaced by `replace(target)`. */
function replaced(
  issue: Pick<RaisedIssue, 'followUps'>,
  target: FollowUp,
  replace: (f: FollowUp) => FollowUp,
): Pick<RaisedIssue, 'followUps'> {
  const list = storedFollowUpsOf(issue);
  const index = list.findIndex((f) => same(f, target));
  if (index < 0) throw new FollowUpChangedError();
  list[index] = replace(list[index] as FollowUp);
  return { followUps: storedFollowUpsOf({ followUps: list }) };
}

/** The change that corrects a standing follow-up (a silence: its note only). */
export function correctFollowUpPatch(
  issue: Pick<RaisedIssue, 'followUps'>,
  target: FollowUp,
  correction: FollowUpCorrection,
): Pick<RaisedIssue, 'followUps'> {
  if (target.deletedAt !== undefined) throw new FollowUpChangedError();
  return replaced(issue, target, (f) => {
    const note = correction.note === undefined ? f.note : correction.note.trim();
    if (f.kind === 'silence') return { ...f, note };
    return {
      ...f,
      ...correction,
      toIds: [...new Set(correction.toIds ?? f.toIds)],
      note,
    };
  });
}

/** The change that deletes a follow-up (kept with `deletedAt: at`). */
export function deleteFollowUpPatch(
  issue: Pick<RaisedIssue, 'followUps'>,
  target: FollowUp,
  at: string,
): Pick<RaisedIssue, 'followUps'> {
  if (target.deletedAt !== undefined) throw new FollowUpChangedError();
  return replaced(issue, target, (f) => ({ ...f, deletedAt: at }));
}

/** The change that restores a deleted follow-up (Undo). */
export function restoreFollowUpPatch(
  issue: Pick<RaisedIssue, 'followUps'>,
  deleted: FollowUp,
): Pick<RaisedIssue, 'followUps'> {
  return replaced(issue, deleted, (f) => {
    const { deletedAt: _gone, ...standing } = f;
    return standing;
  });
}
