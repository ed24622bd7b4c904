import { useMemo } from 'react';
import type { Stakeholder } from '@shared/model/stakeholder';
import { stanceSchema } from '@shared/model/stakeholder';
import { buildPowerGrid, powerQuadrant } from '@shared/notebook/powerGrid';
import { STANCE_LABEL } from './labels';

const QUADRANT_LABEL = {
  'manage-closely': 'Manage closely',
  'keep-satisfied': 'Keep satisfied',
  'keep-informed': 'Keep informed',
  monitor: 'Monitor',
} as const;

/** The quadrant's name, written in its outer corner cell. */
function cornerLabel(influence: number, interest: number) {
  const corner = (influence === 5 || influence === 1) && (interest === 5 || interest === 1);
  if (!corner) return null;
  return (
    <span className="power-quadrant-label" aria-hidden="true">
      {QUADRANT_LABEL[powerQuadrant(influence, interest)]}
    </span>
  );
}

/**
 * The power/interest grid: influence (rows, 5 at the top) against interest (columns), each
 * present person as a chip coloured by stance. Clicking a chip selects the person.
 */
export function PowerGrid({
  stakeholders,
  onSelect,
}: {
  stakeholders: readonly Stakeholder[];
  onSelect: (id: string) => void;
}) {
  const rows = useMemo(() => buildPowerGrid(stakeholders), [stakeholders]);
  return (
    <section className="power" aria-label="Power and interest grid">
      <ul className="power-legend" aria-label="Stance colours">
        {stanceSchema.options.map((stance) => (
          <li key={stance}>
            <span className={`stance-dot stance-${stance}`} aria-hidden="true" />
            {STANCE_LABEL[stance]}
          </li>
        ))}
      </ul>
      <div className="power-frame">
        <span className="power-axis-y">Influence →</span>
        <div className="power-grid" role="table" aria-label="Influence against interest">
          {rows.map((row) => (
            <div role="row" className="power-row" key={row[0]?.influence}>
              <span role="rowheader" className="power-rowhead">
                {row[0]?.influence}
              </span>
              {row.map((cell) => (
                <div
                  role="cell"
                  key={cell.interest}
                  className={`power-cell power-${powerQuadrant(cell.influence, cell.interest)}`}
                  aria-label={`Influence ${cell.influence}, interest ${cell.interest}: ${cell.people.length} ${cell.people.length === 1 ? 'person' : 'people'}`}
                >
                  {cornerLabel(cell.influence, cell.interest)}
                  {cell.people.map((s) => (
                    <button
                      type="button"
                      key={s.id}
                      className={`power-chip stance-${s.stance}`}
                      title={`${s.name} — ${STANCE_LABEL[s.stance]}`}
                      aria-label={`${s.name}, ${STANCE_LABEL[s.stance].toLowerCase()}`}
                      onClick={() => onSelect(s.id)}
                    >
                      {s.name}
                    </button>
                  ))}
                </div>
              ))}
            </div>
          ))}
          <div role="row" className="power-row power-colheads">
            <span className="power-rowhead" />
            {[1, 2, 3, 4, 5].map((n) => (
              <span role="columnheader" key={n} className="power-colhead">
                {n}
              </span>
            ))}
          </div>
        </div>
        <span className="power-axis-x">Interest →</span>
      </div>
    </section>
  );
}
