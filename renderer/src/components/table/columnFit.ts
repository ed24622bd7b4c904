/** How a table's columns fit its width: which show, and the CSS grid track of each. */
export interface FitColumn {
  id: string;
  /** A CSS track size: 'NNNpx' or 'Nfr' (anything else counts as 1fr). */
  width?: string;
  priority?: number;
  minWidth?: number;
}

/** The smallest a fr column may shrink to, and the first column (what identifies a row). */
const FR_MIN = 96;
const FIRST_MIN = 200;

function fixedPx(width: string | undefined): number | null {
  if (width === undefined || !width.endsWith('px')) return null;
  const n = Number(width.slice(0, -2));
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** The narrowest a column may be, in pixels. */
export function columnMin(column: FitColumn, index: number): number {
  return column.minWidth ?? fixedPx(column.width) ?? (index === 0 ? FIRST_MIN : FR_MIN);
}

/**
 * The columns that fit `available` pixels: while the columns' minimum widths add up to more,
 * the lowest-priority column hides (columns without a priority never hide). A width of 0 (not
 * measured yet) shows every column.
 */
export function shownColumns<C extends FitColumn>(columns: readonly C[], available: number): C[] {
  const shown = [...columns];
  if (!(available > 0)) return shown;
  const total = () => shown.reduce((sum, c) => sum + columnMin(c, columns.indexOf(c)), 0);
  while (total() > available) {
    let drop = -1;
    shown.forEach((c, i) => {
      const current = drop >= 0 ? shown[drop] : undefined;
      if (
        c.priority !== undefined &&
        (current === undefined || c.priority < (current.priority ?? 0))
      )
        drop = i;
    });
    if (drop < 0) break;
    shown.splice(drop, 1);
  }
  return shown;
}

/** The grid template: fixed columns as given, flexible ones never narrower than their minimum. */
export function columnTemplate(columns: readonly FitColumn[]): string {
  return columns
    .map((c, i) => {
      const width = c.width ?? '1fr';
      if (fixedPx(width) !== null) return width;
      return `minmax(${columnMin(c, i)}px, ${width.endsWith('fr') ? width : '1fr'})`;
    })
    .join(' ');
}
