import { describe, expect, it } from 'vitest';
import { proposeEscalation } from '../../../shared/notebook/escalationRoute';
import { sample } from '../memo/fixtures';
import { area, issue, risk, stakeholder, uid } from '../rules/fixtures';

// The field story: CEO (1) ← CTO (2) ← (vacant) Head of Operations (3) ← ops engineer (4);
// the lead architect (5) reports to the CTO; a dotted-line director (6).
const CEO = stakeholder(1, { name: 'Margaret', decisionAuthority: 'decides' });
const CTO = stakeholder(2, { name: 'Victor', reportsToId: uid(1), decisionAuthority: 'decides' });
const HEAD_OPS = stakeholder(3, {
  name: '(vacant) Head of Operations',
  title: 'Head of Operations',
  isVacant: true,
  reportsToId: uid(2),
  decisionAuthority: 'decides',
});
const OPS = stakeholder(4, { name: 'Nadia', reportsToId: uid(3) });
const ARCHITECT = stakeholder(5, {
  name: 'Rosa',
  reportsToId: uid(2),
  decisionAuthority: 'approves',
});
const DIRECTOR = stakeholder(6, { name: 'Helen', decisionAuthority: 'decides' });

const people = (...changed: ReturnType<typeof stakeholder>[]) => {
  const byId = new Map([CEO, CTO, HEAD_OPS, OPS, ARCHITECT, DIRECTOR].map((s) => [s.id, s]));
  for (const s of changed) byId.set(s.id, s);
  return [...byId.values()];
};

describe('proposeEscalation', () => {
  const toOps = issue(100, { raisedToIds: [uid(4)] });
  const toCto = issue(101, { raisedToIds: [uid(2)] });

  it('walks the reporting line past the vacant seat when nothing else is set', () => {
    const route = proposeEscalation({ issue: toOps, stakeholders: people() });
    expect(route.basis).toBe('reporting-line');
    expect(route.targets.map((t) => t.name)).toEqual(['Victor']);
    expect(route.reason).toBe(
      'Victor is next up the reporting line from Nadia with authority to decide.',
    );
    expect(route.plan.skipped.map((s) => [s.name, s.reason])).toEqual([
      ['(vacant) Head of Operations', 'vacant'],
    ]);
  });

  it('honours "escalations only to me" before the reporting line', () => {
    const onlyMe = { ...CTO, escalationsOnlyToMe: true };
    const route = proposeEscalation({ issue: toOps, stakeholders: people(onlyMe) });
    expect(route.basis).toBe('only-to-me');
    expect(route.targets.map((t) => t.name)).toEqual(['Victor']);
    expect(route.reason).toBe('Victor asked that escalations go only to them.');
  });

  it('with the CTO at the top and the issue raised to him: the escalation point, with its reason', () => {
    const onlyMe = { ...CTO, escalationsOnlyToMe: true };
    expect(proposeEscalation({ issue: toCto, stakeholders: people(onlyMe) }).basis).toBe(
      'reporting-line', // the CEO above him
    );
    const point = { ...ARCHITECT, escalationPoint: 'engagement' as const };
    const route = proposeEscalation({ issue: toCto, stakeholders: people(onlyMe, point) });
    expect(route.basis).toBe('escalation-point');
    expect(route.targets.map((t) => t.name)).toEqual(['Rosa']);
    expect(route.reason).toBe('Rosa is the escalation point for this engagement.');
  });

  it('an escalation point for the issue’s area comes first; it names the delegate', () => {
    const batch = area(50, { name: 'Weekly batch jobs' });
    const linked = risk(60, { ownershipAreaIds: [uid(50)] });
    const withRisk = issue(102, { raisedToIds: [uid(4)], riskIds: [uid(60)] });
    const areaPoint = {
      ...DIRECTOR,
      escalationPoint: 'areas' as const,
      escalationAreaIds: [uid(50)],
    };
    const point = { ...ARCHITECT, escalationPoint: 'engagement' as const };
    const delegate = stakeholder(7, { name: 'Pia', delegateForIds: [uid(6)] });
    const route = proposeEscalation({
      issue: withRisk,
      stakeholders: [...people(areaPoint, point), delegate],
      areas: [batch],
      risks: [linked],
    });
    expect(route.basis).toBe('area-escalation-point');
    expect(route.reason).toBe(
      'Helen is the escalation point for Weekly batch jobs (delegate: Pia).',
    );
    // the area point does not apply to an issue of other areas
    expect(proposeEscalation({ issue: toOps, stakeholders: people(areaPoint, point) }).basis).toBe(
      'escalation-point',
    );
  });

  it('never proposes a departed or vacant escalation point, nor someone already raised to', () => {
    const gone = {
      ...ARCHITECT,
      escalationPoint: 'engagement' as const,
      status: 'departed' as const,
    };
    expect(proposeEscalation({ issue: toOps, stakeholders: people(gone) }).basis).toBe(
      'reporting-line',
    );
    const raisedToPoint = issue(103, { raisedToIds: [uid(5)] });
    const point = { ...ARCHITECT, escalationPoint: 'engagement' as const };
    const route = proposeEscalation({ issue: raisedToPoint, stakeholders: people(point) });
    expect(route.targets.map((t) => t.name)).toEqual(['Victor']);
  });

  it('then the dotted lines; else nobody, saying so', () => {
    const top = issue(104, { raisedToIds: [uid(1)] });
    const ceoDotted = { ...CEO, dottedLineIds: [uid(6)] };
    const route = proposeEscalation({ issue: top, stakeholders: people(ceoDotted) });
    expect(route.basis).toBe('dotted-line');
    expect(route.targets.map((t) => t.name)).toEqual(['Helen']);
    expect(route.reason).toBe(
      'The reporting line runs out; Helen is on a dotted line with authority to decide.',
    );
    const none = proposeEscalation({ issue: top, stakeholders: people() });
    expect(none.basis).toBe('none');
    expect(none.targets).toEqual([]);
    expect(none.reason).toMatch(/^Nobody to propose/);
  });

  it('the sample: the disk issue sent to the CTO escalates to the lead architect, the escalation point', () => {
    const data = sample();
    const disk = data.raisedIssues.find((i) => i.title.startsWith('Disk on the reporting'));
    if (!disk) throw new Error('sample disk issue');
    const route = proposeEscalation({
      issue: disk,
      stakeholders: data.stakeholders,
      areas: data.ownershipAreas,
      risks: data.risks,
    });
    expect(route.targets.map((t) => t.name)).toEqual(['Rosa Lindqvist']);
    expect(route.reason).toBe('Rosa Lindqvist is the escalation point for this engagement.');
    // without the escalation point, the CTO's wish and the reporting line lead to the CEO
    const noPoint = data.stakeholders.map((s) => ({ ...s, escalationPoint: 'none' as const }));
    const up = proposeEscalation({ issue: disk, stakeholders: noPoint });
    expect([up.basis, up.targets.map((t) => t.name)]).toEqual([
      'reporting-line',
      ['Margaret Oduya'],
    ]);
  });
});
