import { describe, expect, it } from 'vitest';
import { raisedIssueSchema } from '../../../shared/model';
import { chaserPatch, followUpsOf, pendingSilence, silencePatch } from '../../../shared/rules';
import { ack, issue, uid } from './fixtures';

const CTO = uid(1);
const ARCHITECT = uid(2);

describe('chasers and silence', () => {
  const toCto = issue(100, { raisedToIds: [CTO], followUpDue: '2026-03-05' });

  it('a chaser joins the follow-ups in time order and moves the follow-up day', () => {
    const first = chaserPatch(
      toCto,
      { at: '2026-03-06T09:00:00.000Z', toIds: [CTO, CTO], channel: 'email', outcome: 'no_answer' },
      '2026-03-12',
    );
    expect(first.followUpDue).toBe('2026-03-12');
    expect(first.followUps).toEqual([
      {
        kind: 'chaser',
        at: '2026-03-06T09:00:00.000Z',
        toIds: [CTO],
        channel: 'email',
        outcome: 'no_answer',
        day: null,
        note: '',
      },
    ]);
    const earlier = chaserPatch(
      { ...toCto, ...first },
      {
        at: '2026-03-05T09:00:00.000Z',
        toIds: [CTO],
        channel: 'call',
        outcome: 'bounced',
        note: ' voicemail full ',
      },
      null,
    );
    expect(earlier.followUps.map((f) => [f.channel, f.outcome, f.note])).toEqual([
      ['call', 'bounced', 'voicemail full'],
      ['email', 'no_answer', ''],
    ]);
    expect(earlier.followUpDue).toBeNull();
    // the stored issue accepts it; a chaser before the raise is refused
    expect(() => raisedIssueSchema.parse({ ...toCto, ...earlier })).not.toThrow();
    const tooEarly = chaserPatch(
      toCto,
      { at: '2026-03-01T09:00:00.000Z', toIds: [CTO], channel: 'email', outcome: 'no_answer' },
      null,
    );
    expect(() => raisedIssueSchema.parse({ ...toCto, ...tooEarly })).toThrow(/before the issue/);
  });

  it('silence: recorded once the follow-up day passed with an addressee unanswered', () => {
    expect(pendingSilence(toCto, [], '2026-03-05')).toBeNull();
    const silence = pendingSilence(toCto, [], '2026-03-06');
    expect(silence).toEqual({
      kind: 'silence',
      at: '2026-03-05T23:59:59.999Z',
      toIds: [CTO],
      channel: 'email',
      outcome: 'no_answer',
      day: '2026-03-05',
      note: '',
    });
    if (!silence) throw new Error('silence expected');
    const recorded = { ...toCto, ...silencePatch(toCto, silence) };
    // once per follow-up day
    expect(pendingSilence(recorded, [], '2026-03-09')).toBeNull();
    expect(followUpsOf(recorded)).toHaveLength(1);
  });

  it('silence names only the addressees nobody answered for by that day', () => {
    const architect = ack(200, { byId: ARCHITECT, at: '2026-03-04T10:00:00.000Z' });
    expect(pendingSilence(toCto, [architect], '2026-03-06')?.toIds).toEqual([CTO]);
    const forCto = ack(201, { byId: ARCHITECT, onBehalfOfId: CTO, at: '2026-03-04T10:00:00.000Z' });
    expect(pendingSilence(toCto, [forCto], '2026-03-06')).toBeNull();
    // an answer after the day does not undo the silence of that day
    const late = ack(202, { byId: CTO, at: '2026-03-07T10:00:00.000Z' });
    expect(pendingSilence(toCto, [late], '2026-03-08')?.toIds).toEqual([CTO]);
    const two = issue(101, { raisedToIds: [CTO, ARCHITECT], followUpDue: '2026-03-05' });
    const one = ack(203, { raisedIssueId: uid(101), byId: CTO, at: '2026-03-04T10:00:00.000Z' });
    expect(pendingSilence(two, [one], '2026-03-06')?.toIds).toEqual([ARCHITECT]);
  });

  it('no follow-up day, no silence', () => {
    expect(pendingSilence(issue(102), [], '2030-01-01')).toBeNull();
  });
});
