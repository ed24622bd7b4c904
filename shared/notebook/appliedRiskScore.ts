import { inherentRiskScore, residualRiskScore, type Risk } from '../model/risk';

/** The score that applies to a risk now, and what it rests on. */
export interface AppliedRiskScore {
  score: number;
  /** 'inherent': before controls; 'residual': with the controls in place. */
  basis: 'inherent' | 'residual';
  /** The after-controls score when assessed (expected once controls are in place), else null. */
  residual: number | null;
}

type ScoredRisk = Pick<
  Risk,
  'likelihood' | 'impactScore' | 'residualLikelihood' | 'residualImpact' | 'status'
>;

/**
 * The record never says the controls are in place while a risk is in play: open and mitigating
 * mean they are planned or under way, accepted means none are, occurred means they did not
 * hold. So the score before controls applies to every risk in play, and the residual only to a
 * closed risk (when assessed). The app never states more than the record shows.
 */
export function appliedRiskScore(risk: ScoredRisk): AppliedRiskScore {
  const residual = residualRiskScore(risk);
  if (risk.status === 'closed' && residual !== null) {
    return { score: residual, basis: 'residual', residual };
  }
  return { score: inherentRiskScore(risk), basis: 'inherent', residual };
}
