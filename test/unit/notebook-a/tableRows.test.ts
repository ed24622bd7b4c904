import { describe, expect, it } from 'vitest';
import {
  compareSortValues,
  filterRows,
  filterTerms,
  nextSort,
  sortRows,
} from '../../../shared/notebook/tableRows';

interface Row {
  name: string;
  score: number | null;
}
const rows: Row[] = [
  { name: 'victor hale', score: 5 },
  { name: 'Anton Kessler', score: null },
  { name: 'Rosa Lindqvist', score: 4 },
  { name: 'anna', score: 5 },
  { name: 'Item 10', score: 1 },
  { name: 'Item 9', score: 2 },
];

describe('table rows: sort', () => {
  it('sorts text case-insensitively and numbers naturally', () => {
    const names = sortRows(rows, (r) => r.name, 'ascending').map((r) => r.name);
    expect(names).toEqual([
      'anna',
      'Anton Kessler',
      'Item 9',
      'Item 10',
      'Rosa Lindqvist',
      'victor hale',
    ]);
  });

  it('keeps empty values last in both directions and ties in their given order', () => {
    const up = sortRows(rows, (r) => r.score, 'ascending').map((r) => r.name);
    expect(up).toEqual([
      'Item 10',
      'Item 9',
      'Rosa Lindqvist',
      'victor hale',
      'anna',
      'Anton Kessler',
    ]);
    const down = sortRows(rows, (r) => r.score, 'descending').map((r) => r.name);
    expect(down).toEqual([
      'victor hale',
      'anna',
      'Rosa Lindqvist',
      'Item 9',
      'Item 10',
      'Anton Kessler',
    ]);
  });

  it('does not change the given array', () => {
    const copy = [...rows];
    sortRows(rows, (r) => r.name, 'descending');
    expect(rows).toEqual(copy);
  });

  it('compares empty strings like missing values', () => {
    expect(compareSortValues('', 'a')).toBeGreaterThan(0);
    expect(compareSortValues(null, undefined)).toBe(0);
    expect(compareSortValues(2, 10)).toBeLessThan(0);
  });

  it('starts a new column ascending and flips the same column', () => {
    const first = nextSort(null, 'name');
    expect(first).toEqual({ columnId: 'name', direction: 'ascending' });
    expect(nextSort(first, 'name')).toEqual({ columnId: 'name', direction: 'descending' });
    expect(nextSort({ columnId: 'name', direction: 'descending' }, 'score')).toEqual({
      columnId: 'score',
      direction: 'ascending',
    });
  });
});

describe('table rows: filter', () => {
  it('keeps rows containing every word, in any order and case', () => {
    const found = filterRows(rows, '  KESS  anton ', (r) => r.name);
    expect(found.map((r) => r.name)).toEqual(['Anton Kessler']);
  });

  it('keeps everything for a blank filter and nothing for an unmatched word', () => {
    expect(filterRows(rows, '   ', (r) => r.name)).toHaveLength(rows.length);
    expect(filterRows(rows, 'anna zzz', (r) => r.name)).toHaveLength(0);
    expect(filterTerms(' A  b ')).toEqual(['a', 'b']);
  });
});
