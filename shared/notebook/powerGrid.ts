import type { Stakeholder } from '../model/stakeholder';

/** One cell of the power/interest grid: a (influence, interest) pair and who sits there. */
export interface PowerGridCell<T> {
  /** Influence, 1 (little) to 5 (decisive): the row, 5 at the top. */
  influence: number;
  /** Interest, 1 (little) to 5 (very much): the column. */
  interest: number;
  /** The stakeholders in the cell, by name. */
  people: T[];
}

/** The quadrant a cell belongs to, as the classic grid names it. */
export type PowerQuadrant = 'manage-closely' | 'keep-satisfied' | 'keep-informed' | 'monitor';

/** The quadrant of an influence/interest pair (3 counts as high). */
export function powerQuadrant(influence: number, interest: number): PowerQuadrant {
  const high = (n: number) => n >= 3;
  if (high(influence) && high(interest)) return 'manage-closely';
  if (high(influence)) return 'keep-satisfied';
  if (high(interest)) return 'keep-informed';
  return 'monitor';
}

/**
 * The 5x5 grid of influence (rows, 5 at the top) against interest (columns, 1 to 5), with the
 * live stakeholders placed in their cells. Departed people and vacant positions are left out:
 * they have no stance to manage.
 */
export function buildPowerGrid<
  T extends Pick<
    Stakeholder,
    'name' | 'influence' | 'interest' | 'status' | 'isVacant' | 'deletedAt'
  >,
>(stakeholders: readonly T[]): PowerGridCell<T>[][] {
  const rows: PowerGridCell<T>[][] = [];
  for (let influence = 5; influence >= 1; influence -= 1) {
    const row: PowerGridCell<T>[] = [];
    for (let interest = 1; interest <= 5; interest += 1) {
      row.push({ influence, interest, people: [] });
    }
    rows.push(row);
  }
  const placed = stakeholders
    .filter((s) => s.deletedAt === null && s.status === 'active' && !s.isVacant)
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const s of placed) rows[5 - s.influence]?.[s.interest - 1]?.people.push(s);
  return rows;
}
