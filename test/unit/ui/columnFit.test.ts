import { describe, expect, it } from 'vitest';
import { columnTemplate, shownColumns } from '../../../renderer/src/components/table/columnFit';

const COLUMNS = [
  { id: 'title', width: '2fr' },
  { id: 'status', width: '112px', priority: 3 },
  { id: 'owner', width: '1fr', priority: 1 },
  { id: 'days', width: '56px', priority: 2 },
];

describe('table columns that fit', () => {
  it('shows every column while they fit, or before the width is known', () => {
    expect(shownColumns(COLUMNS, 0).map((c) => c.id)).toEqual(['title', 'status', 'owner', 'days']);
    expect(shownColumns(COLUMNS, 2000).map((c) => c.id)).toEqual([
      'title',
      'status',
      'owner',
      'days',
    ]);
  });

  it('hides the lowest priority first and never the columns without one', () => {
    // mins: title 200, status 112, owner 96, days 56 = 464
    expect(shownColumns(COLUMNS, 463).map((c) => c.id)).toEqual(['title', 'status', 'days']);
    expect(shownColumns(COLUMNS, 367).map((c) => c.id)).toEqual(['title', 'status']);
    expect(shownColumns(COLUMNS, 100).map((c) => c.id)).toEqual(['title']);
  });

  it('keeps flexible columns above their minimum in the grid template', () => {
    expect(columnTemplate(COLUMNS)).toBe('minmax(200px, 2fr) 112px minmax(96px, 1fr) 56px');
    expect(columnTemplate([{ id: 'a', width: 'auto', minWidth: 150 }])).toBe('minmax(150px, 1fr)');
  });
});
