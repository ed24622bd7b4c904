import { describe, expect, it } from 'vitest';
import { nextEscalationTarget } from '../../../shared/rules';
import { deleted, stakeholder, uid } from './fixtures';

describe('nextEscalationTarget', () => {
  const ceo = stakeholder(1, { decisionAuthority: 'decides' });
  const cto = stakeholder(2, { reportsToId: uid(1), decisionAuthority: 'decides' });
  const opsHead = stakeholder(3, {
    reportsToId: uid(2),
    isVacant: true,
    title: 'Head of Operations',
    decisionAuthority: 'approves',
  });
  const formerLead = stakeholder(4, {
    reportsToId: uid(3),
    status: 'departed',
    decisionAuthority: 'approves',
  });
  const senior = stakeholder(5, { reportsToId: uid(4), decisionAuthority: 'influences' });
  const operator = stakeholder(6, { reportsToId: uid(5) });
  const org = [ceo, cto, opsHead, formerLead, senior, operator];

  it('goes to the direct manager when they can decide', () => {
    const r = nextEscalationTarget(uid(2), org);
    expect(r.target?.id).toBe(uid(1));
    expect(r.skipped).toEqual([]);
  });

  it('skips people without authority, departed people and vacant seats', () => {
    const r = nextEscalationTarget(uid(6), org);
    expect(r.target?.id).toBe(uid(2));
    expect(r.skipped.map((s) => [s.stakeholder.id, s.reason])).toEqual([
      [uid(5), 'no-authority'],
      [uid(4), 'departed'],
      [uid(3), 'vacant'],
    ]);
  });

  it('reports the end of the chain when nobody above can decide', () => {
    const boss = stakeholder(1, { decisionAuthority: 'informed' });
    const r = nextEscalationTarget(uid(6), [
      boss,
      { ...cto, status: 'departed' },
      opsHead,
      formerLead,
      senior,
      operator,
    ]);
    expect(r.target).toBeNull();
    expect(r).toMatchObject({ reason: 'chain-ends' });
    expect(r.skipped.map((s) => s.reason)).toEqual([
      'no-authority',
      'departed',
      'vacant',
      'departed',
      'no-authority',
    ]);
  });

  it('reports the end of the chain at the top, at a missing manager, or for an unknown start', () => {
    expect(nextEscalationTarget(uid(1), org)).toEqual({
      target: null,
      reason: 'chain-ends',
      skipped: [],
    });
    expect(nextEscalationTarget(uid(99), org)).toEqual({
      target: null,
      reason: 'chain-ends',
      skipped: [],
    });
    const r = nextEscalationTarget(uid(3), [deleted(cto), opsHead]);
    expect(r).toEqual({ target: null, reason: 'chain-ends', skipped: [] });
  });

  it('detects a loop in the chain', () => {
    const a = stakeholder(10, { reportsToId: uid(11), decisionAuthority: 'informed' });
    const b = stakeholder(11, { reportsToId: uid(12), decisionAuthority: 'informed' });
    const c = stakeholder(12, { reportsToId: uid(11), decisionAuthority: 'informed' });
    const r = nextEscalationTarget(uid(10), [a, b, c]);
    expect(r).toMatchObject({ target: null, reason: 'cycle' });
    expect(r.skipped.map((s) => s.stakeholder.id)).toEqual([uid(11), uid(12)]);
    const back = stakeholder(20, { reportsToId: uid(21), decisionAuthority: 'informed' });
    const forth = stakeholder(21, { reportsToId: uid(20), decisionAuthority: 'informed' });
    expect(nextEscalationTarget(uid(20), [back, forth])).toMatchObject({ reason: 'cycle' });
  });
});
