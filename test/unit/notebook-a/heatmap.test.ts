import { describe, expect, it } from 'vitest';
import { buildHeatMap, isInCell, riskCell } from '../../../shared/notebook/heatmap';
import { risk } from '../rules/fixtures';

describe('heat map bucketing', () => {
  const risks = [
    risk(1, { likelihood: 4, impactScore: 4, residualLikelihood: 2, residualImpact: 3 }),
    risk(2, { likelihood: 4, impactScore: 4 }),
    risk(3, { likelihood: 1, impactScore: 5, residualLikelihood: 1, residualImpact: 2 }),
    risk(4, { likelihood: 5, impactScore: 5, residualLikelihood: 2, residualImpact: 3 }),
  ];

  it('lays out 5 rows from likelihood 5 down to 1, impact 1 to 5 across, with bands', () => {
    const { rows } = buildHeatMap([], 'inherent');
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r[0]?.likelihood)).toEqual([5, 4, 3, 2, 1]);
    expect(rows[0]?.map((c) => c.impact)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.[4]).toMatchObject({ score: 25, band: 'critical', count: 0 });
    expect(rows[4]?.[0]).toMatchObject({ score: 1, band: 'low' });
    expect(rows[2]?.[3]).toMatchObject({ likelihood: 3, impact: 4, score: 12, band: 'high' });
  });

  it('counts risks by their scores before controls', () => {
    const { rows, unplaced } = buildHeatMap(risks, 'inherent');
    expect(rows[1]?.[3]?.count).toBe(2); // likelihood 4, impact 4
    expect(rows[4]?.[4]?.count).toBe(1); // likelihood 1, impact 5
    expect(rows[0]?.[4]?.count).toBe(1);
    expect(unplaced).toBe(0);
    const total = rows.flat().reduce((n, c) => n + c.count, 0);
    expect(total).toBe(4);
  });

  it('after controls, places assessed risks by residual scores and counts the rest unplaced', () => {
    const { rows, unplaced } = buildHeatMap(risks, 'residual');
    expect(rows[3]?.[2]?.count).toBe(2); // likelihood 2, impact 3
    expect(rows[4]?.[1]?.count).toBe(1);
    expect(unplaced).toBe(1);
    expect(riskCell(risks[1] as never, 'residual')).toBeNull();
  });

  it('filters by a cell in the chosen mode', () => {
    const cell = { likelihood: 4, impact: 4 };
    expect(risks.filter((r) => isInCell(r, cell, 'inherent')).map((r) => r.title)).toEqual([
      'Risk 1',
      'Risk 2',
    ]);
    expect(risks.filter((r) => isInCell(r, cell, 'residual'))).toHaveLength(0);
  });
});
