import { describe, expect, it } from 'vitest';
import type { FollowUp } from '../../../shared/model/raisedIssue';
import { raisedIssueSchema } from '../../../shared/model/raisedIssue';
import {
  FollowUpChangedError,
  correctFollowUpPatch,
  deleteFollowUpPatch,
  restoreFollowUpPatch,
} from '../../../shared/rules/followUpEdits';
import { followUpsOf, pendingSilence, storedFollowUpsOf } from '../../../shared/rules/followUps';
import { statusAfterAnswersChanged } from '../../../shared/rules/issueStatus';
import { ack, issue, uid } from './fixtures';

const CTO = uid(1);
const CEO = uid(2);

const chaser = (at: string, over: Partial<FollowUp> = {}): FollowUp => ({
  kind: 'chaser',
  at,
  toIds: [CTO],
  channel: 'email',
  outcome: 'no_answer',
  day: null,
  note: '',
  ...over,
});

describe('correcting and deleting follow-ups', () => {
  const first = chaser('2026-03-05T09:00:00.000Z');
  const second = chaser('2026-03-10T09:00:00.000Z', { channel: 'call' });
  const base = issue(100, { raisedToIds: [CTO, CEO], followUps: [second, first] });

  it('a correction replaces the one follow-up, in time order, others untouched', () => {
    const patch = correctFollowUpPatch(base, first, {
      at: '2026-03-11T09:00:00.000Z',
      toIds: [CTO, CEO, CTO],
      note: '  called twice ',
    });
    expect(patch.followUps).toEqual([
      second,
      { ...first, at: '2026-03-11T09:00:00.000Z', toIds: [CTO, CEO], note: 'called twice' },
    ]);
    // the corrected issue is still a valid record
    expect(raisedIssueSchema.safeParse({ ...base, ...patch }).success).toBe(true);
  });

  it('a recorded silence takes a note only', () => {
    const silence: FollowUp = {
      ...chaser('2026-03-07T23:59:59.999Z'),
      kind: 'silence',
      day: '2026-03-07',
    };
    const withSilence = { ...base, followUps: [first, silence] };
    const patch = correctFollowUpPatch(withSilence, silence, {
      at: '2026-01-01T00:00:00.000Z',
      toIds: [CEO],
      note: 'out of office',
    });
    expect(patch.followUps[1]).toEqual({ ...silence, note: 'out of office' });
  });

  it('delete keeps the follow-up with deletedAt; readers skip it; undo restores it exactly', () => {
    const at = '2026-03-12T10:00:00.000Z';
    const deleted = deleteFollowUpPatch(base, second, at);
    const afterDelete = { ...base, ...deleted };
    expect(storedFollowUpsOf(afterDelete)).toEqual([first, { ...second, deletedAt: at }]);
    expect(followUpsOf(afterDelete)).toEqual([first]);
    expect(raisedIssueSchema.safeParse(afterDelete).success).toBe(true);
    const restored = restoreFollowUpPatch(afterDelete, { ...second, deletedAt: at });
    expect(restored.followUps).toEqual([first, second]);
    expect('deletedAt' in (restored.followUps[1] as object)).toBe(false);
  });

  it('refuses a follow-up changed meanwhile, and a deleted one cannot be corrected', () => {
    expect(() =>
      correctFollowUpPatch(base, { ...first, note: 'not what is stored' }, { note: 'x' }),
    ).toThrow(FollowUpChangedError);
    const gone = { ...second, deletedAt: '2026-03-12T10:00:00.000Z' };
    const afterDelete = { ...base, followUps: [first, gone] };
    expect(() => correctFollowUpPatch(afterDelete, gone, { note: 'x' })).toThrow(
      FollowUpChangedError,
    );
    expect(() => deleteFollowUpPatch(afterDelete, gone, gone.deletedAt)).toThrow(
      FollowUpChangedError,
    );
  });

  it('the status still follows the answers after follow-ups change', () => {
    const answered = { ...base, status: 'acknowledged' as const };
    const acks = [ack(200, { byId: CTO }), ack(201, { byId: CEO })];
    for (const patch of [
      deleteFollowUpPatch(answered, first, '2026-03-12T10:00:00.000Z'),
      correctFollowUpPatch(answered, second, { outcome: 'answered' }),
    ]) {
      const after = { ...answered, ...patch };
      expect(statusAfterAnswersChanged(after, acks)).toBe('acknowledged');
      expect(statusAfterAnswersChanged(after, acks.slice(0, 1))).toBe('raised');
    }
  });

  it('a deleted silence is not proposed again for the same day', () => {
    const due = { ...base, followUpDue: '2026-03-07', followUps: [] as FollowUp[] };
    const silence = pendingSilence(due, [], '2026-03-09');
    if (!silence) throw new Error('expected a silence');
    const recorded = { ...due, followUps: [silence] };
    const gone = {
      ...recorded,
      ...deleteFollowUpPatch(recorded, silence, '2026-03-09T10:00:00.000Z'),
    };
    expect(pendingSilence(gone, [], '2026-03-09')).toBeNull();
  });
});
