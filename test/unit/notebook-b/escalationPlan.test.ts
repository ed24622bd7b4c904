import { describe, expect, it } from 'vitest';
import { describeEscalationPlan, planEscalation } from '../../../shared/notebook/escalationPlan';
import { buildSampleEngagement } from '../../../shared/sample';
import { seededIds } from '../../fixtures/largeEngagement';
import { stakeholder, uid } from '../rules/fixtures';

const sample = buildSampleEngagement({
  now: new Date('2026-11-26T12:00:00Z'),
  newId: seededIds(7),
});
const byName = (name: string) => {
  const s = sample.stakeholders.find((x) => x.name === name);
  if (!s) throw new Error(`no ${name} in the sample`);
  return s;
};

describe('planEscalation', () => {
  it('escalates the sample batch-job issue to the CEO, skipping the vacant Head of Operations', () => {
    const batch = sample.raisedIssues.find((i) => i.title.startsWith('The weekly batch jobs'));
    if (!batch) throw new Error('no batch issue');
    const plan = planEscalation(batch, sample.stakeholders);
    expect(plan.targets.map((t) => t.name)).toEqual(['Margaret Oduya']);
    expect(plan.skipped).toContainEqual({
      id: byName('(vacant) Head of Operations').id,
      name: '(vacant) Head of Operations',
      reason: 'vacant',
    });
    // The CTO already had the issue: passed over, not a target.
    expect(plan.skipped).toContainEqual(
      expect.objectContaining({ name: 'Victor Hale', reason: 'already-raised' }),
    );
    const text = describeEscalationPlan(plan);
    expect(text[0]).toBe('Skipped: (vacant) Head of Operations (vacant position).');
    expect(text).toContain('Passed over, already raised to: Victor Hale.');
  });

  it('walks past departed people and people without authority', () => {
    const people = [
      stakeholder(1, { name: 'Engineer', reportsToId: uid(2), decisionAuthority: 'informed' }),
      stakeholder(2, {
        name: 'Old boss',
        reportsToId: uid(3),
        decisionAuthority: 'decides',
        status: 'departed',
      }),
      stakeholder(3, { name: 'Adviser', reportsToId: uid(4), decisionAuthority: 'influences' }),
      stakeholder(4, { name: 'Director', reportsToId: null, decisionAuthority: 'approves' }),
    ];
    const plan = planEscalation({ raisedToIds: [uid(1)] }, people);
    expect(plan.targets.map((t) => t.name)).toEqual(['Director']);
    expect(plan.skipped.map((s) => [s.name, s.reason])).toEqual([
      ['Old boss', 'departed'],
      ['Adviser', 'no-authority'],
    ]);
    expect(describeEscalationPlan(plan)[0]).toBe(
      'Skipped: Old boss (departed); Adviser (no decision authority).',
    );
  });

  it('says when the chain runs out, and when it loops', () => {
    const top = [stakeholder(1, { name: 'CEO', reportsToId: null, decisionAuthority: 'decides' })];
    const ranOut = planEscalation({ raisedToIds: [uid(1)] }, top);
    expect(ranOut.targets).toEqual([]);
    expect(ranOut.exhausted).toEqual([{ from: top[0], reason: 'chain-ends' }]);
    expect(describeEscalationPlan(ranOut).join(' ')).toContain('chain of command runs out');

    const loop = [
      stakeholder(1, { name: 'A', reportsToId: uid(2), decisionAuthority: 'informed' }),
      stakeholder(2, { name: 'B', reportsToId: uid(1), decisionAuthority: 'informed' }),
    ];
    const looped = planEscalation({ raisedToIds: [uid(1)] }, loop);
    expect(looped.targets).toEqual([]);
    expect(looped.exhausted[0]?.reason).toBe('cycle');
  });

  it('stops when every decider above was already raised to (a loop through them)', () => {
    const people = [
      stakeholder(1, { name: 'A', reportsToId: uid(2), decisionAuthority: 'decides' }),
      stakeholder(2, { name: 'B', reportsToId: uid(1), decisionAuthority: 'decides' }),
    ];
    const plan = planEscalation({ raisedToIds: [uid(1), uid(2)] }, people);
    expect(plan.targets).toEqual([]);
    expect(plan.exhausted.map((e) => e.reason)).toEqual(['cycle', 'cycle']);
  });

  it('gives one target when several chains meet, and ignores unknown people', () => {
    const people = [
      stakeholder(1, { name: 'Left', reportsToId: uid(3) }),
      stakeholder(2, { name: 'Right', reportsToId: uid(3) }),
      stakeholder(3, { name: 'Boss', reportsToId: null, decisionAuthority: 'decides' }),
    ];
    const plan = planEscalation({ raisedToIds: [uid(1), uid(2), uid(77)] }, people);
    expect(plan.targets.map((t) => t.name)).toEqual(['Boss']);
    expect(plan.skipped).toEqual([]);
  });
});
