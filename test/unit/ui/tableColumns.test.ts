import { describe, expect, it } from 'vitest';
import { formatUiDate } from '@shared/time/display';
import { dateColumn, personColumn } from '../../../renderer/src/components/table/columns';

interface Row {
  owner: string;
  at: string | null;
}

const row: Row = { owner: 'Helen Okafor', at: '2026-03-04T09:30:00.000Z' };
const none: Row = { owner: '', at: null };

describe('personColumn', () => {
  it('shows, filters and sorts by the names, keeping the layout', () => {
    const column = personColumn<Row>({ id: 'owner', header: 'Owner', priority: 2 }, (r) => r.owner);
    expect(column).toMatchObject({ id: 'owner', header: 'Owner', priority: 2 });
    expect(column.cell(row)).toBe('Helen Okafor');
    expect(column.filterText?.(row)).toBe('Helen Okafor');
    expect(column.sortValue?.(row)).toBe('Helen Okafor');
  });

  it('can leave the column unsortable', () => {
    const column = personColumn<Row>({ id: 'who', header: 'Who' }, (r) => r.owner, {
      sortable: false,
    });
    expect('sortValue' in column).toBe(false);
    expect(column.filterText?.(row)).toBe('Helen Okafor');
  });
});

describe('dateColumn', () => {
  it('shows the stored day in the locale and sorts by the ISO text', () => {
    const column = dateColumn<Row>({ id: 'at', header: 'Date', width: '118px' }, (r) => r.at);
    expect(column).toMatchObject({ id: 'at', header: 'Date', width: '118px' });
    expect(column.cell(row)).toBe(formatUiDate('2026-03-04'));
    expect(column.sortValue?.(row)).toBe('2026-03-04T09:30:00.000Z');
    expect(column.filterText).toBeUndefined();
  });

  it('shows a dash, or the given words, where there is no date, and sorts it first', () => {
    expect(dateColumn<Row>({ id: 'at', header: 'Date' }, (r) => r.at).cell(none)).toBe('—');
    const decided = dateColumn<Row>({ id: 'at', header: 'Decided' }, (r) => r.at, 'not yet');
    expect(decided.cell(none)).toBe('not yet');
    expect(decided.sortValue?.(none)).toBe('');
  });
});
