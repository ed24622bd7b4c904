import { describe, expect, it } from 'vitest';
import { buildAttention, currentRiskScore, daysBetween } from '../../../shared/notebook/attention';
import { ack, area, deleted, issue, risk, stakeholder, uid } from '../rules/fixtures';

const TODAY = '2026-03-20';
const boss = stakeholder(1, { decisionAuthority: 'decides' });
const worker = stakeholder(2, { reportsToId: uid(1) });
const seat = stakeholder(3, { title: 'Head of Ops', isVacant: true, decisionAuthority: 'decides' });
const people = [boss, worker, seat];

describe('overview attention', () => {
  it('lists unacknowledged issues past their follow-up day, longest overdue first', () => {
    const issues = [
      issue(100, { title: 'Disk', followUpDue: '2026-03-10' }),
      issue(101, { title: 'Batch', followUpDue: '2026-03-01' }),
      issue(102, { title: 'Answered', followUpDue: '2026-03-01' }),
      issue(103, { title: 'Not due', followUpDue: '2026-03-25' }),
      issue(104, {
        title: 'Acknowledged status',
        followUpDue: '2026-03-01',
        status: 'acknowledged',
      }),
      deleted(issue(105, { title: 'Deleted', followUpDue: '2026-03-01' })),
      issue(106, { title: 'No follow-up' }),
    ];
    const acks = [ack(200, { raisedIssueId: uid(102) })];
    const { awaiting } = buildAttention({
      issues,
      acknowledgements: acks,
      areas: [],
      stakeholders: people,
      risks: [],
      today: TODAY,
    });
    // an "acknowledged" status without any recorded answer still awaits its addressee
    expect(awaiting.map((a) => [a.issue.title, a.daysOverdue, a.unansweredIds])).toEqual([
      ['Acknowledged status', 19, [uid(1)]],
      ['Batch', 19, [uid(1)]],
      ['Disk', 10, [uid(1)]],
    ]);
  });

  it('per addressee: an answer from someone else leaves the issue awaiting; an escalated raise is chased through its escalation', () => {
    const issues = [
      issue(100, { title: 'To two', raisedToIds: [uid(1), uid(2)], followUpDue: '2026-03-01' }),
      issue(101, { title: 'Escalated', followUpDue: '2026-03-01' }),
      issue(102, { title: 'Escalation', escalatesId: uid(101), raisedToIds: [uid(2)] }),
    ];
    const acks = [ack(200, { raisedIssueId: uid(100), byId: uid(2) })];
    const { awaiting } = buildAttention({
      issues,
      acknowledgements: acks,
      areas: [],
      stakeholders: people,
      risks: [],
      today: TODAY,
    });
    expect(awaiting.map((a) => [a.issue.title, a.unansweredIds])).toEqual([['To two', [uid(1)]]]);
  });

  it('lists accepted risks whose acceptance lapsed: back in review', () => {
    const lapsed = risk(60, {
      title: 'Lapsed',
      status: 'accepted',
      acceptedById: uid(1),
      acceptedUntil: '2026-03-01',
    });
    const current = { ...lapsed, id: uid(61), title: 'Current', acceptedUntil: '2026-04-01' };
    const { lapsedAcceptances } = buildAttention({
      issues: [],
      acknowledgements: [],
      areas: [],
      stakeholders: people,
      risks: [lapsed, current],
      today: TODAY,
    });
    expect(lapsedAcceptances.map((l) => [l.risk.title, l.daysLapsed])).toEqual([['Lapsed', 19]]);
  });

  it('lists ownership gaps with their reasons, most reasons first', () => {
    const areas = [
      area(10, {
        name: 'Owned',
        raci: {
          accountableId: uid(1),
          responsibleIds: [uid(2)],
          consultedIds: [],
          informedIds: [],
        },
      }),
      area(11, { name: 'Batch jobs' }),
      area(12, {
        name: 'Backups',
        raci: {
          accountableId: uid(3),
          responsibleIds: [uid(2)],
          consultedIds: [],
          informedIds: [],
        },
      }),
      deleted(area(13, { name: 'Deleted' })),
    ];
    const { gaps } = buildAttention({
      issues: [],
      acknowledgements: [],
      areas,
      stakeholders: people,
      risks: [],
      today: TODAY,
    });
    expect(gaps.map((g) => [g.area.name, g.gaps])).toEqual([
      ['Batch jobs', ['no-accountable', 'nobody-responsible']],
      ['Backups', ['accountable-vacant']],
    ]);
  });

  it('lists risks past review (in play only) and the top risks by current score', () => {
    const risks = [
      risk(20, { title: 'Overdue', reviewDate: '2026-03-01', likelihood: 2, impactScore: 2 }),
      risk(21, {
        title: 'Closed overdue',
        reviewDate: '2026-03-01',
        status: 'closed',
        likelihood: 5,
        impactScore: 5,
      }),
      risk(22, {
        title: 'Big but controlled',
        likelihood: 5,
        impactScore: 5,
        residualLikelihood: 1,
        residualImpact: 2,
      }),
      risk(23, { title: 'Medium', likelihood: 3, impactScore: 4 }),
      risk(24, { title: 'Future review', reviewDate: '2026-04-01', likelihood: 1, impactScore: 1 }),
    ];
    const attention = buildAttention({
      issues: [],
      acknowledgements: [],
      areas: [],
      stakeholders: people,
      risks,
      today: TODAY,
      topRiskCount: 2,
    });
    expect(attention.overdueReviews.map((r) => [r.risk.title, r.daysOverdue])).toEqual([
      ['Overdue', 19],
    ]);
    // Controls assessed but only planned (status open): the score before them applies.
    expect(attention.topRisks.map((r) => r.title)).toEqual(['Big but controlled', 'Medium']);
    expect(currentRiskScore(risks[2] as never)).toBe(25);
  });

  it('counts days across month ends', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-03-02')).toBe(0);
  });
});
