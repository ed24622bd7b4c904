/** A value a table column sorts by: text, a number, or nothing (nothing sorts last). */
export type SortValue = string | number | null | undefined;

/** Which way a column is sorted. */
export type SortDirection = 'ascending' | 'descending';

/** The sort a table applies: one column and a direction. */
export interface SortState {
  /** The id of the column sorted by. */
  columnId: string;
  /** ascending or descending. */
  direction: SortDirection;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Compares two sort values ascending; empty values (null, undefined, '') always sort last. */
export function compareSortValues(a: SortValue, b: SortValue): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * The rows sorted by `valueOf` in `direction` (a new array; ties keep their given order, and
 * empty values stay last in both directions).
 */
export function sortRows<T>(
  rows: readonly T[],
  valueOf: (row: T) => SortValue,
  direction: SortDirection,
): T[] {
  const keyed = rows.map((row, index) => ({ row, index, value: valueOf(row) }));
  const sign = direction === 'ascending' ? 1 : -1;
  keyed.sort((x, y) => {
    const emptyX = x.value === null || x.value === undefined || x.value === '';
    const emptyY = y.value === null || y.value === undefined || y.value === '';
    if (emptyX !== emptyY) return emptyX ? 1 : -1;
    return sign * compareSortValues(x.value, y.value) || x.index - y.index;
  });
  return keyed.map((k) => k.row);
}

/** The next sort after clicking a column's header: ascending first, then it flips. */
export function nextSort(current: SortState | null, columnId: string): SortState {
  if (current?.columnId === columnId) {
    return {
      columnId,
      direction: current.direction === 'ascending' ? 'descending' : 'ascending',
    };
  }
  return { columnId, direction: 'ascending' };
}

/** The lower-cased words of a filter box (empty when the box is blank). */
export function filterTerms(query: string): string[] {
  return query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * The rows whose text contains every word of `query` (case-insensitive, in any order).
 * `textOf` gives the searchable text of a row (pre-lower-cased text is fastest).
 */
export function filterRows<T>(rows: readonly T[], query: string, textOf: (row: T) => string): T[] {
  const terms = filterTerms(query);
  if (terms.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = textOf(row).toLocaleLowerCase();
    return terms.every((t) => text.includes(t));
  });
}
