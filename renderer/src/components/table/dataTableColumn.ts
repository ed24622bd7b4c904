import type { ReactNode } from 'react';
import type { SortValue } from '@shared/notebook/tableRows';

/** One column of a DataTable (DataTable.tsx). */
export interface DataTableColumn<T> {
  /** Stable id (used for the sort state). */
  id: string;
  /** The header's text, also the column's accessible name. */
  header: string;
  /** What the cell shows. */
  cell: (row: T) => ReactNode;
  /** The value the column sorts by; without it the column is not sortable. */
  sortValue?: (row: T) => SortValue;
  /** The text the filter box searches in this column (default: none). */
  filterText?: (row: T) => string;
  /** A CSS grid track size, for example '2fr' or '120px' (default '1fr'). */
  width?: string;
  /** Right-align numbers. */
  align?: 'start' | 'end';
  /**
   * When the table is too narrow for every column, columns with a priority hide, lowest first
   * (columns without one always show). What identifies a row should have none.
   */
  priority?: number;
  /** The narrowest this column may be, in pixels (default: its fixed width, or 96). */
  minWidth?: number;
}
