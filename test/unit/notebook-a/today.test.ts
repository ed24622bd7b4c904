import { describe, expect, it } from 'vitest';
import {
  addDays,
  buildToday,
  endOfWeek,
  type TodayEngagement,
} from '../../../shared/notebook/today';
import {
  NOTIFICATION_BODY_MAX,
  dueNotificationText,
  newlyDue,
  shouldNotify,
} from '../../../shared/notebook/dueNotification';
import { ack, deleted, issue, risk, stakeholder, uid } from '../rules/fixtures';

// 2026-03-20 is a Friday
const TODAY = '2026-03-20';
const cto = stakeholder(1, { name: 'Dana CTO' });
const architect = stakeholder(2, { name: 'Lee Architect' });
const delegate = stakeholder(3, { name: 'Sam Assistant' });
const people = [cto, architect, delegate];

function engagement(
  n: number,
  data: Partial<TodayEngagement> = {},
  archivedAt: string | null = null,
): TodayEngagement {
  return {
    engagement: {
      id: `e${n}`,
      client: `Client ${n}`,
      title: 'Review',
      archivedAt,
      deletedAt: null,
    },
    issues: [],
    acknowledgements: [],
    stakeholders: people,
    risks: [],
    ...data,
  };
}

describe('today: answers overdue per addressee', () => {
  it('lists each addressee nobody answered for, with since when; a delegate covers only the one answered for', () => {
    const issues = [
      issue(100, {
        title: 'Disk',
        raisedToIds: [uid(1), uid(2)],
        followUpDue: '2026-03-10',
        raisedAt: '2026-03-01T09:00:00.000Z',
      }),
      issue(101, { title: 'Backups', raisedToIds: [uid(1)], followUpDue: '2026-03-15' }),
    ];
    // the architect answers for himself on Disk; the delegate answers for the CTO on Backups
    const acknowledgements = [
      ack(200, { raisedIssueId: uid(100), byId: uid(2) }),
      ack(201, { raisedIssueId: uid(101), byId: uid(3), onBehalfOfId: uid(1) }),
    ];
    const list = buildToday([engagement(1, { issues, acknowledgements })], TODAY);
    const answers = list.groups.find((g) => g.kind === 'answer-overdue')?.items ?? [];
    expect(answers.map((a) => [a.title, a.personName, a.day, a.since, a.daysPast])).toEqual([
      ['Disk', 'Dana CTO', '2026-03-10', '2026-03-01T09:00:00.000Z', 10],
    ]);
  });

  it('an answer from someone else on the CTO’s behalf is not assumed: only onBehalfOf covers', () => {
    const issues = [issue(100, { raisedToIds: [uid(1)], followUpDue: '2026-03-10' })];
    const acknowledgements = [ack(200, { raisedIssueId: uid(100), byId: uid(2) })];
    const list = buildToday([engagement(1, { issues, acknowledgements })], TODAY);
    expect(list.groups[0]?.items.map((i) => [i.kind, i.personName])).toEqual([
      ['answer-overdue', 'Dana CTO'],
    ]);
  });

  it('ignores archived engagements, deleted issues and escalated raises', () => {
    const overdue = { raisedToIds: [uid(1)], followUpDue: '2026-03-10' };
    const list = buildToday(
      [
        engagement(1, { issues: [issue(100, overdue)] }, '2026-03-01T00:00:00.000Z'),
        engagement(2, {
          issues: [
            deleted(issue(101, overdue)),
            issue(102, overdue),
            issue(103, { raisedToIds: [uid(2)], escalatesId: uid(102) }),
          ],
        }),
      ],
      TODAY,
    );
    expect(list.engagementCount).toBe(1);
    expect(list.total).toBe(0);
    expect(list.hasRecords).toBe(true);
  });
});

describe('today: follow-ups, fixes, acceptances, reviews', () => {
  it('follow-ups due from today to the end of the week (Monday weeks), not next week', () => {
    expect(endOfWeek(TODAY)).toBe('2026-03-22');
    expect(endOfWeek('2026-03-22')).toBe('2026-03-22');
    expect(endOfWeek('2026-03-23')).toBe('2026-03-29');
    expect(endOfWeek(TODAY, 0)).toBe('2026-03-21');
    const issues = [
      issue(100, { title: 'Today', followUpDue: TODAY }),
      issue(101, { title: 'Sunday', followUpDue: '2026-03-22', raisedToIds: [uid(1), uid(2)] }),
      issue(102, { title: 'Monday', followUpDue: '2026-03-23' }),
      issue(103, { title: 'Answered', followUpDue: '2026-03-21' }),
    ];
    const acknowledgements = [ack(200, { raisedIssueId: uid(103) })];
    const list = buildToday([engagement(1, { issues, acknowledgements })], TODAY);
    expect(list.groups.map((g) => g.kind)).toEqual(['follow-up-due']);
    expect(list.groups[0]?.items.map((i) => [i.title, i.daysPast, i.awaitedNames])).toEqual([
      ['Today', 0, ['Dana CTO']],
      ['Sunday', -2, ['Dana CTO', 'Lee Architect']],
    ]);
  });

  it('fixes past their target date unless settled', () => {
    const issues = [
      issue(100, { title: 'Late fix', targetDate: '2026-03-19', status: 'actioned' }),
      issue(101, { title: 'Due today', targetDate: TODAY }),
      issue(102, { title: 'Resolved', targetDate: '2026-03-01', status: 'resolved' }),
    ];
    const list = buildToday([engagement(1, { issues })], TODAY);
    expect(list.groups.map((g) => [g.kind, g.items.map((i) => [i.title, i.daysPast])])).toEqual([
      ['fix-overdue', [['Late fix', 1]]],
    ]);
  });

  it('acceptances: lapsed vs expiring within 14 days; reviews due today or past', () => {
    const accepted = {
      status: 'accepted' as const,
      treatment: 'accept' as const,
      acceptedById: uid(1),
    };
    const risks = [
      risk(10, { ...accepted, title: 'Lapsed', acceptedUntil: '2026-03-19' }),
      risk(11, { ...accepted, title: 'Last day today', acceptedUntil: TODAY }),
      risk(12, { ...accepted, title: 'In 14 days', acceptedUntil: addDays(TODAY, 14) }),
      risk(13, { ...accepted, title: 'In 15 days', acceptedUntil: addDays(TODAY, 15) }),
      risk(14, { title: 'Review today', reviewDate: TODAY }),
      risk(15, { title: 'Review late', reviewDate: '2026-03-01' }),
      risk(16, { title: 'Closed', reviewDate: '2026-03-01', status: 'closed' }),
      risk(17, { title: 'Review later', reviewDate: '2026-03-21' }),
    ];
    const list = buildToday([engagement(1, { risks })], TODAY);
    expect(list.groups.map((g) => [g.kind, g.items.map((i) => [i.title, i.daysPast])])).toEqual([
      ['acceptance-lapsed', [['Lapsed', 1]]],
      [
        'acceptance-expiring',
        [
          ['Last day today', 0],
          ['In 14 days', -14],
        ],
      ],
      [
        'review-due',
        [
          ['Review late', 19],
          ['Review today', 0],
        ],
      ],
    ]);
  });

  it('the empty state tells "nothing due" from "nothing recorded"', () => {
    expect(buildToday([engagement(1)], TODAY).hasRecords).toBe(false);
    expect(buildToday([engagement(1, { hasOtherRecords: true })], TODAY).hasRecords).toBe(true);
    expect(buildToday([engagement(1, { risks: [risk(10)] })], TODAY)).toMatchObject({
      total: 0,
      hasRecords: true,
    });
  });
});

describe('once-a-day notification', () => {
  const issues = [
    issue(100, { title: 'Old', followUpDue: '2026-03-10' }),
    issue(101, { title: 'Yesterday', followUpDue: '2026-03-19', raisedToIds: [uid(2)] }),
    issue(102, { title: 'Later this week', followUpDue: '2026-03-22' }),
  ];
  const items = buildToday([engagement(1, { issues })], TODAY).groups.flatMap((g) => g.items);

  it('fires once a day', () => {
    expect(shouldNotify(null, TODAY)).toBe(true);
    expect(shouldNotify('2026-03-19', TODAY)).toBe(true);
    expect(shouldNotify(TODAY, TODAY)).toBe(false);
  });

  it('names only what became due since the last notified day; nothing ahead', () => {
    expect(newlyDue(items, '2026-03-19', TODAY).map((i) => i.title)).toEqual(['Yesterday']);
    expect(newlyDue(items, null, TODAY).map((i) => i.title)).toEqual(['Old', 'Yesterday']);
    expect(newlyDue(items, TODAY, TODAY)).toEqual([]);
    // the day the follow-up falls due it is new; the day after, it is an overdue answer
    const sunday = buildToday([engagement(1, { issues })], '2026-03-22').groups.flatMap(
      (g) => g.items,
    );
    expect(newlyDue(sunday, '2026-03-21', '2026-03-22').map((i) => [i.kind, i.title])).toEqual([
      ['follow-up-due', 'Later this week'],
    ]);
  });

  it('words the notification with counts and who has not answered', () => {
    expect(dueNotificationText([])).toBeNull();
    expect(dueNotificationText(newlyDue(items, null, TODAY))).toEqual({
      title: '2 things came due',
      body: '2 answers overdue. Not answered: Dana CTO, Lee Architect.',
    });
  });

  it('keeps hostile long names within what main accepts', () => {
    const long = (n: number) => stakeholder(n, { name: `${'Ω'.repeat(190)} ${n}` });
    const many = [1, 2, 3, 4].map(long);
    const raised = [issue(100, { raisedToIds: many.map((p) => p.id), followUpDue: '2026-03-10' })];
    const due = buildToday([engagement(1, { issues: raised, stakeholders: many })], TODAY);
    const text = dueNotificationText(due.groups.flatMap((g) => g.items));
    expect(text?.body.length).toBeLessThanOrEqual(NOTIFICATION_BODY_MAX);
    // characters outside the BMP are never split
    const emoji = stakeholder(5, { name: '😀'.repeat(150) });
    const one = [issue(101, { raisedToIds: [emoji.id], followUpDue: '2026-03-10' })];
    const body =
      dueNotificationText(
        buildToday([engagement(1, { issues: one, stakeholders: [emoji] })], TODAY).groups.flatMap(
          (g) => g.items,
        ),
      )?.body ?? '';
    expect(body).toBe(`1 answer overdue. Not answered: ${'😀'.repeat(29)}….`);
    expect(text?.body).toMatch(/^4 answers overdue\. Not answered: Ω+…, Ω+…, Ω+… and 1 more\.$/);
  });
});
