import type { Risk } from '../model/risk';
import { riskBand, riskScore, type RiskBand } from '../model/risk';

/** Which scores the heat map plots: before controls (inherent) or after them (residual). */
export type HeatMapMode = 'inherent' | 'residual';

/** One cell of the 5x5 heat map. */
export interface HeatCell {
  /** Likelihood, 1 (rare) to 5 (almost certain): the row. */
  likelihood: number;
  /** Impact, 1 (minor) to 5 (severe): the column. */
  impact: number;
  /** likelihood x impact. */
  score: number;
  /** The score's band (low, medium, high, critical). */
  band: RiskBand;
  /** How many risks fall in the cell. */
  count: number;
}

/** A chosen cell, used to filter the register. */
export interface HeatCellKey {
  /** Likelihood, 1 to 5. */
  likelihood: number;
  /** Impact, 1 to 5. */
  impact: number;
}

/**
 * Where a risk sits on the map in `mode`, or null when it has no scores there (a residual map
 * leaves out risks whose residual is not assessed).
 */
export function riskCell(
  risk: Pick<Risk, 'likelihood' | 'impactScore' | 'residualLikelihood' | 'residualImpact'>,
  mode: HeatMapMode,
): HeatCellKey | null {
  if (mode === 'inherent') return { likelihood: risk.likelihood, impact: risk.impactScore };
  if (risk.residualLikelihood === null || risk.residualImpact === null) return null;
  return { likelihood: risk.residualLikelihood, impact: risk.residualImpact };
}

/** True when the risk sits in `cell` in `mode`. */
export function isInCell(
  risk: Pick<Risk, 'likelihood' | 'impactScore' | 'residualLikelihood' | 'residualImpact'>,
  cell: HeatCellKey,
  mode: HeatMapMode,
): boolean {
  const at = riskCell(risk, mode);
  return at !== null && at.likelihood === cell.likelihood && at.impact === cell.impact;
}

/**
 * The 25 cells of the map, rows from likelihood 5 (top) down to 1, columns impact 1 to 5,
 * with how many risks fall in each. Risks without scores in `mode` are counted in `unplaced`.
 */
export function buildHeatMap(
  risks: readonly Pick<
    Risk,
    'likelihood' | 'impactScore' | 'residualLikelihood' | 'residualImpact'
  >[],
  mode: HeatMapMode,
): { rows: HeatCell[][]; unplaced: number } {
  const counts = new Map<string, number>();
  let unplaced = 0;
  for (const risk of risks) {
    const at = riskCell(risk, mode);
    if (!at) {
      unplaced += 1;
      continue;
    }
    const key = `${at.likelihood}:${at.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows: HeatCell[][] = [];
  for (let likelihood = 5; likelihood >= 1; likelihood -= 1) {
    const row: HeatCell[] = [];
    for (let impact = 1; impact <= 5; impact += 1) {
      const score = riskScore(likelihood, impact);
      row.push({
        likelihood,
        impact,
        score,
        band: riskBand(score),
        count: counts.get(`${likelihood}:${impact}`) ?? 0,
      });
    }
    rows.push(row);
  }
  return { rows, unplaced };
}
