import { useMemo } from 'react';
import type { Risk } from '@shared/model/risk';
import { buildHeatMap, type HeatCellKey, type HeatMapMode } from '@shared/notebook/heatmap';

/**
 * The 5x5 likelihood-by-impact heat map. Each cell is a toggle button with its count; pressing
 * one filters the register to that cell, pressing it again clears the filter.
 */
export function HeatMap({
  risks,
  mode,
  cell,
  onCell,
}: {
  risks: readonly Risk[];
  mode: HeatMapMode;
  cell: HeatCellKey | null;
  onCell: (cell: HeatCellKey | null) => void;
}) {
  const { rows, unplaced } = useMemo(() => buildHeatMap(risks, mode), [risks, mode]);
  return (
    <section
      className="heatmap"
      aria-label={`Heat map ${mode === 'inherent' ? 'before' : 'after'} controls`}
    >
      <div className="heatmap-frame">
        <span className="heatmap-axis-y">Likelihood →</span>
        <div className="heatmap-grid">
          {rows.map((row) => (
            <div className="heatmap-row" key={row[0]?.likelihood}>
              <span className="heatmap-head">{row[0]?.likelihood}</span>
              {row.map((c) => {
                const pressed = cell?.likelihood === c.likelihood && cell.impact === c.impact;
                return (
                  <button
                    type="button"
                    key={c.impact}
                    className={`heatmap-cell heat-${c.band}${c.count === 0 ? ' heat-empty' : ''}`}
                    aria-pressed={pressed}
                    aria-label={`Likelihood ${c.likelihood}, impact ${c.impact}: ${c.count} ${c.count === 1 ? 'risk' : 'risks'}`}
                    title={`Score ${c.score}`}
                    onClick={() =>
                      onCell(pressed ? null : { likelihood: c.likelihood, impact: c.impact })
                    }
                  >
                    {c.count > 0 ? c.count : ''}
                  </button>
                );
              })}
            </div>
          ))}
          <div className="heatmap-row">
            <span className="heatmap-head" />
            {[1, 2, 3, 4, 5].map((n) => (
              <span key={n} className="heatmap-head">
                {n}
              </span>
            ))}
          </div>
        </div>
        <span className="heatmap-axis-x">Impact →</span>
      </div>
      {unplaced > 0 ? (
        <p className="muted heatmap-note">
          {unplaced} {unplaced === 1 ? 'risk has' : 'risks have'} no score after controls yet.
        </p>
      ) : null}
    </section>
  );
}
