import { describe, expect, it } from 'vitest';
import { appliedRiskScore } from '../../../shared/notebook/appliedRiskScore';

const base = {
  likelihood: 4,
  impactScore: 5,
  residualLikelihood: 2,
  residualImpact: 3,
} as const;

describe('the risk score that applies', () => {
  it('is the score before controls while the controls are only planned or under way', () => {
    for (const status of ['open', 'mitigating', 'accepted', 'occurred'] as const) {
      expect(appliedRiskScore({ ...base, status })).toEqual({
        score: 20,
        basis: 'inherent',
        residual: 6,
      });
    }
  });

  it('is the residual only for a closed risk whose residual was assessed', () => {
    expect(appliedRiskScore({ ...base, status: 'closed' })).toEqual({
      score: 6,
      basis: 'residual',
      residual: 6,
    });
    expect(appliedRiskScore({ ...base, residualImpact: null, status: 'closed' })).toEqual({
      score: 20,
      basis: 'inherent',
      residual: null,
    });
  });
});
