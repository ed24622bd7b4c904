import { formatDate } from '../../lib/formatDate';
import type { DataTableColumn } from './dataTableColumn';

/** Where a column stands and how wide it is (everything but what it shows). */
export type ColumnLayout = Pick<
  DataTableColumn<unknown>,
  'id' | 'header' | 'width' | 'priority' | 'minWidth'
>;

/**
 * A column of people named in a row (an owner, who decided, participants): the names shown and
 * searched by the filter box, and sorted by unless `sortable` is false.
 */
export function personColumn<T>(
  layout: ColumnLayout,
  names: (row: T) => string,
  { sortable = true }: { sortable?: boolean } = {},
): DataTableColumn<T> {
  return {
    ...layout,
    cell: names,
    ...(sortable ? { sortValue: names } : {}),
    filterText: names,
  };
}

/**
 * A date column: the day in the user's locale (of a date-time, its stored date), sorted by the
 * stored ISO text; `missing` stands where the row has none.
 */
export function dateColumn<T>(
  layout: ColumnLayout,
  date: (row: T) => string | null | undefined,
  missing = formatDate(null),
): DataTableColumn<T> {
  return {
    ...layout,
    cell: (row) => {
      const iso = date(row);
      return iso ? formatDate(iso) : missing;
    },
    sortValue: (row) => date(row) ?? '',
  };
}
