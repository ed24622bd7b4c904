import { describe, expect, it } from 'vitest';
import {
  checkStakeholder,
  directReports,
  findReportingCycles,
  indexById,
  reportingLine,
  wouldCreateReportingCycle,
} from '../../../shared/rules';
import { deleted, OTHER_ENG, stakeholder, uid } from './fixtures';

// 1 CEO <- 2 CTO <- 3 Head of Ops (vacant) <- 4 Operator
const ceo = stakeholder(1);
const cto = stakeholder(2, { reportsToId: uid(1) });
const head = stakeholder(3, { reportsToId: uid(2), isVacant: true, title: 'Head of Operations' });
const operator = stakeholder(4, { reportsToId: uid(3) });
const org = [ceo, cto, head, operator];
const codes = (v: { code: string }[]) => v.map((x) => x.code);

describe('chain of command helpers', () => {
  it('lists the reporting line nearest first, through vacant seats', () => {
    expect(reportingLine(uid(4), indexById(org)).map((s) => s.id)).toEqual([
      uid(3),
      uid(2),
      uid(1),
    ]);
    expect(reportingLine(uid(1), indexById(org))).toEqual([]);
  });

  it('stops the reporting line before repeating a loop', () => {
    const a = stakeholder(10, { reportsToId: uid(11) });
    const b = stakeholder(11, { reportsToId: uid(10) });
    expect(reportingLine(uid(10), indexById([a, b])).map((s) => s.id)).toEqual([uid(11)]);
  });

  it('knows which managers would make a loop', () => {
    const byId = indexById(org);
    expect(wouldCreateReportingCycle(uid(2), uid(2), byId)).toBe(true);
    expect(wouldCreateReportingCycle(uid(2), uid(4), byId)).toBe(true);
    expect(wouldCreateReportingCycle(uid(4), uid(1), byId)).toBe(false);
  });

  it('finds every loop once', () => {
    const a = stakeholder(10, { reportsToId: uid(12) });
    const b = stakeholder(11, { reportsToId: uid(10) });
    const c = stakeholder(12, { reportsToId: uid(11) });
    const tail = stakeholder(13, { reportsToId: uid(11) });
    expect(findReportingCycles([...org, tail, c, b, a])).toEqual([[uid(10), uid(12), uid(11)]]);
    expect(findReportingCycles(org)).toEqual([]);
  });

  it('lists direct reports, ignoring deleted ones', () => {
    const other = stakeholder(5, { reportsToId: uid(3) });
    expect(directReports(uid(3), [...org, deleted(other)]).map((s) => s.id)).toEqual([uid(4)]);
  });
});

describe('checkStakeholder', () => {
  it('accepts a well-formed organisation', () => {
    for (const s of org) expect(checkStakeholder(s, org)).toEqual([]);
  });

  it('rejects reporting to oneself', () => {
    const self = { ...ceo, reportsToId: uid(1) };
    expect(codes(checkStakeholder(self, org))).toEqual(['stakeholder.reports-to-self']);
  });

  it('rejects reporting to someone in one’s own reporting line below', () => {
    const cto2 = { ...cto, reportsToId: uid(4) };
    const v = checkStakeholder(cto2, org);
    expect(v).toEqual([
      {
        field: 'reportsToId',
        message: 'cannot be someone who already reports to this stakeholder (it would make a loop)',
        code: 'stakeholder.reporting-cycle',
        severity: 'error',
      },
    ]);
  });

  it('rejects a manager who does not exist, was deleted, or is in another engagement', () => {
    const elsewhere = stakeholder(20, { engagementId: OTHER_ENG });
    const toMissing = { ...operator, reportsToId: uid(77) };
    const toElsewhere = { ...operator, reportsToId: uid(20) };
    const toDeleted = { ...operator };
    expect(codes(checkStakeholder(toMissing, org))).toEqual(['stakeholder.reports-to-unknown']);
    expect(codes(checkStakeholder(toElsewhere, [...org, elsewhere]))).toEqual([
      'stakeholder.reports-to-unknown',
    ]);
    expect(codes(checkStakeholder(toDeleted, [ceo, cto, deleted(head)]))).toEqual([
      'stakeholder.reports-to-unknown',
    ]);
  });

  it('checks dotted lines', () => {
    const s = { ...operator, dottedLineIds: [uid(4), uid(88)] };
    expect(codes(checkStakeholder(s, org))).toEqual([
      'stakeholder.dotted-line-self',
      'stakeholder.dotted-line-unknown',
    ]);
    expect(checkStakeholder({ ...operator, dottedLineIds: [uid(1)] }, org)).toEqual([]);
  });

  it('checks a new stakeholder not yet in the list', () => {
    const newcomer = stakeholder(30, { reportsToId: uid(2) });
    expect(checkStakeholder(newcomer, org)).toEqual([]);
  });
});
