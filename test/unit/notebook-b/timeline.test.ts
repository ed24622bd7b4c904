import { describe, expect, it } from 'vitest';
import {
  ackState,
  daysSinceRaised,
  escalationChain,
  issueTimeline,
} from '../../../shared/notebook/issueTimeline';
import { ack, deleted, issue, uid } from '../rules/fixtures';

const first = issue(100, { raisedAt: '2026-03-01T09:00:00.000Z', followUpDue: '2026-03-05' });
const second = issue(101, {
  raisedAt: '2026-03-10T09:00:00.000Z',
  escalatesId: uid(100),
  followUpDue: '2026-03-15',
});
const third = issue(102, { raisedAt: '2026-03-20T09:00:00.000Z', escalatesId: uid(101) });
const unrelated = issue(103, { raisedAt: '2026-03-02T09:00:00.000Z' });

describe('escalationChain', () => {
  it('holds the raises below and above the issue, oldest first', () => {
    const all = [third, unrelated, first, second];
    expect(escalationChain(second, all).map((i) => i.id)).toEqual([uid(100), uid(101), uid(102)]);
    expect(escalationChain(first, all).map((i) => i.id)).toEqual([uid(100), uid(101), uid(102)]);
    expect(escalationChain(unrelated, all).map((i) => i.id)).toEqual([uid(103)]);
  });

  it('leaves out deleted escalations and survives loops', () => {
    expect(escalationChain(first, [first, deleted(second)]).map((i) => i.id)).toEqual([uid(100)]);
    const a = issue(1, { escalatesId: uid(2) });
    const b = issue(2, { escalatesId: uid(1) });
    expect(
      escalationChain(a, [a, b])
        .map((i) => i.id)
        .sort(),
    ).toEqual([uid(1), uid(2)]);
  });
});

describe('issueTimeline', () => {
  it('lists raises, follow-ups and acknowledgements in time order', () => {
    const reply = ack(200, {
      raisedIssueId: uid(101),
      at: '2026-03-12T10:00:00.000Z',
      quote: 'Noted.',
    });
    const gone = deleted(ack(201, { raisedIssueId: uid(100), at: '2026-03-02T10:00:00.000Z' }));
    const events = issueTimeline(second, [first, second, third], [reply, gone]);
    expect(events.map((e) => `${e.kind}:${e.issue.id.slice(-3)}`)).toEqual([
      'raised:100',
      'follow-up:100',
      'raised:101',
      'acknowledged:101',
      'follow-up:101',
      'raised:102',
    ]);
    const followUps = events.filter((e) => e.kind === 'follow-up');
    expect(followUps.map((e) => e.kind === 'follow-up' && e.answered)).toEqual([false, true]);
    expect(events.find((e) => e.kind === 'raised' && e.isCurrent)?.issue.id).toBe(uid(101));
  });
});

describe('ackState and daysSinceRaised', () => {
  it('says acknowledged only once nobody is left unanswered, else overdue, partly, awaiting', () => {
    expect(ackState(first, 0, '2026-04-01')).toBe('acknowledged');
    expect(ackState(first, 1, '2026-03-06')).toBe('overdue');
    expect(ackState(first, 1, '2026-03-05')).toBe('awaiting');
    expect(ackState(third, 1, '2026-04-01')).toBe('no follow-up');
    const toTwo = { ...first, raisedToIds: [uid(1), uid(2)] };
    expect(ackState(toTwo, 1, '2026-03-05')).toBe('partly');
    expect(ackState(toTwo, 1, '2026-03-06')).toBe('overdue');
  });

  it('a follow-up day answered by someone else is not answered; by a delegate it is', () => {
    const other = ack(210, {
      raisedIssueId: uid(100),
      byId: uid(7),
      at: '2026-03-03T10:00:00.000Z',
    });
    const followUp = (acks: (typeof other)[]) =>
      issueTimeline(first, [first], acks).find((e) => e.kind === 'follow-up');
    const missed = followUp([other]);
    expect(missed).toMatchObject({ kind: 'follow-up', answered: false, unansweredIds: [uid(1)] });
    const delegate = { ...other, onBehalfOfId: uid(1) };
    const met = followUp([delegate]);
    expect(met).toMatchObject({ kind: 'follow-up', answered: true, unansweredIds: [] });
    // an answer after the day does not make the day answered
    const late = ack(211, { raisedIssueId: uid(100), at: '2026-03-06T10:00:00.000Z' });
    expect(followUp([late])).toMatchObject({ answered: false });
  });

  it('counts whole days, never negative', () => {
    expect(daysSinceRaised('2026-03-01T23:30:00.000Z', '2026-03-11')).toBe(10);
    expect(daysSinceRaised('2026-03-12T09:00:00.000Z', '2026-03-11')).toBe(0);
  });
});
