import { describe, expect, it } from 'vitest';
import { checkRisk, indexById, isAcceptanceExpired, isReviewOverdue } from '../../../shared/rules';
import { area, OTHER_ENG, risk, stakeholder, uid } from './fixtures';

const stakeholdersById = indexById([stakeholder(1), stakeholder(2, { engagementId: OTHER_ENG })]);
const ownershipAreasById = indexById([area(30)]);
const context = { stakeholdersById, ownershipAreasById };
const codes = (v: { code: string }[]) => v.map((x) => x.code);

describe('checkRisk', () => {
  it('accepts a plain open risk', () => {
    expect(checkRisk(risk(10, { ownerId: uid(1), ownershipAreaIds: [uid(30)] }), context)).toEqual(
      [],
    );
  });

  it('requires who accepted an accepted risk', () => {
    expect(checkRisk(risk(10, { status: 'accepted' }), context)).toEqual([
      {
        field: 'acceptedById',
        message: 'is required for an accepted risk',
        code: 'risk.accepted-without-acceptor',
        severity: 'error',
      },
    ]);
    expect(checkRisk(risk(10, { status: 'accepted', acceptedById: uid(1) }), context)).toEqual([]);
  });

  it('warns when the residual score exceeds the inherent score', () => {
    const worse = risk(10, {
      likelihood: 2,
      impactScore: 2,
      residualLikelihood: 3,
      residualImpact: 2,
    });
    const v = checkRisk(worse, context);
    expect(v.map((x) => [x.code, x.severity, x.message])).toEqual([
      [
        'risk.residual-above-inherent',
        'warning',
        'gives a residual score (6) above the score before controls (4)',
      ],
    ]);
    const equal = risk(10, {
      likelihood: 2,
      impactScore: 3,
      residualLikelihood: 3,
      residualImpact: 2,
    });
    expect(checkRisk(equal, context)).toEqual([]);
  });

  it('rejects unknown owners, acceptors and areas', () => {
    const r = risk(10, {
      ownerId: uid(2),
      status: 'accepted',
      acceptedById: uid(9),
      ownershipAreaIds: [uid(31)],
    });
    expect(codes(checkRisk(r, context))).toEqual([
      'risk.unknown-stakeholder',
      'risk.unknown-stakeholder',
      'risk.unknown-ownership-area',
    ]);
    expect(codes(checkRisk(r, { stakeholdersById }))).toEqual([
      'risk.unknown-stakeholder',
      'risk.unknown-stakeholder',
    ]);
  });
});

describe('risk dates', () => {
  it('knows when an acceptance lapsed', () => {
    const accepted = risk(10, {
      status: 'accepted',
      acceptedById: uid(1),
      acceptedUntil: '2026-06-30',
    });
    expect(isAcceptanceExpired(accepted, '2026-06-30')).toBe(false);
    expect(isAcceptanceExpired(accepted, '2026-07-01')).toBe(true);
    expect(isAcceptanceExpired({ ...accepted, status: 'closed' }, '2027-01-01')).toBe(false);
  });

  it('knows when a review is overdue for a risk still in play', () => {
    const r = risk(10, { reviewDate: '2026-04-01' });
    expect(isReviewOverdue(r, '2026-04-02')).toBe(true);
    expect(isReviewOverdue(r, '2026-04-01')).toBe(false);
    expect(isReviewOverdue({ ...r, status: 'closed' }, '2026-05-01')).toBe(false);
  });
});
