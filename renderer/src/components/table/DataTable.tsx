import {
  memo,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  filterRows,
  filterTerms,
  nextSort,
  sortRows,
  type SortState,
} from '@shared/notebook/tableRows';
import { PaneFillContext } from '../layout/paneFill';
import { columnTemplate, shownColumns } from './columnFit';
import type { DataTableColumn } from './dataTableColumn';
import './DataTable.css';

export type { DataTableColumn } from './dataTableColumn';

/** Props of {@link DataTable}. */
export interface DataTableProps<T> {
  /** The accessible name of the grid, for example "Stakeholders". */
  label: string;
  /** The rows to show (already narrowed by any outside filter). */
  rows: readonly T[];
  columns: readonly DataTableColumn<T>[];
  /** A stable, unique key per row (the record id). */
  rowKey: (row: T) => string;
  /** The selected row's key, if any. */
  selectedKey?: string | null;
  /** Called when a row is chosen by click, Enter/Space, or the arrow keys. */
  onSelect?: (row: T) => void;
  /** The sort to start with. */
  initialSort?: SortState | null;
  /** Placeholder of the filter box. */
  filterPlaceholder?: string;
  /** Extra controls shown to the right of the filter box (buttons, toggles). */
  toolbar?: ReactNode;
  /** True while `rows` are only the first of the list (the rest still loading). */
  partial?: boolean;
  /** Shown when there are no rows at all. */
  emptyMessage?: string;
  /** Height of one row in pixels (rows are virtualised; default 38). */
  rowHeight?: number;
  /** Largest height of the scrolling body, any CSS length (default 420px); short lists shrink. */
  height?: string;
  /** An extra class per row (for example for departed people). */
  rowClassName?: (row: T) => string | undefined;
}

/** Props of one body row (memoised: only rows whose props change re-render while scrolling). */
interface BodyRowProps<T> {
  row: T;
  index: number;
  start: number;
  domId: string;
  selected: boolean;
  active: boolean;
  className: string | undefined;
  template: string;
  rowHeight: number;
  columns: readonly DataTableColumn<T>[];
  onRowClick: (index: number, row: T) => void;
}

function BodyRowView<T>({
  row,
  index,
  start,
  domId,
  selected,
  active,
  className,
  template,
  rowHeight,
  columns,
  onRowClick,
}: BodyRowProps<T>) {
  return (
    // Rows are reached with the arrow keys on the focused grid (aria-activedescendant), the
    // ARIA grid pattern; a click is the mouse's way to the same selection.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
    <div
      id={domId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-active={active ? 'true' : undefined}
      className={`data-table-row data-table-body-row${className ? ` ${className}` : ''}`}
      style={{
        gridTemplateColumns: template,
        height: rowHeight,
        transform: `translateY(${start}px)`,
      }}
      onClick={() => onRowClick(index, row)}
    >
      {columns.map((column, col) => (
        <div
          key={column.id}
          role="gridcell"
          aria-colindex={col + 1}
          className={`data-table-cell align-${column.align ?? 'start'}`}
        >
          {column.cell(row)}
        </div>
      ))}
    </div>
  );
}

const BodyRow = memo(BodyRowView) as typeof BodyRowView;

/** Props of the header row (memoised: scrolling re-renders the table, not its header). */
interface HeaderRowProps<T> {
  columns: readonly DataTableColumn<T>[];
  template: string;
  sort: SortState | null;
  onSort: (columnId: string) => void;
}

function HeaderRowView<T>({ columns, template, sort, onSort }: HeaderRowProps<T>) {
  return (
    <div role="rowgroup" className="data-table-head">
      <div
        role="row"
        aria-rowindex={1}
        className="data-table-row"
        style={{ gridTemplateColumns: template }}
      >
        {columns.map((column, index) => {
          const sorted = sort?.columnId === column.id ? sort.direction : undefined;
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-colindex={index + 1}
              aria-sort={column.sortValue ? (sorted ?? 'none') : undefined}
              className={`data-table-cell data-table-header align-${column.align ?? 'start'}`}
            >
              {column.sortValue ? (
                <button type="button" className="data-table-sort" onClick={() => onSort(column.id)}>
                  {column.header}
                  <span aria-hidden="true" className="data-table-sort-mark">
                    {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}
                  </span>
                </button>
              ) : (
                column.header
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

const HeaderRow = memo(HeaderRowView) as typeof HeaderRowView;

/**
 * Rows rendered beyond each edge of the view. The rows in view are rendered in the scroll event
 * itself (flushSync), so a few rows cover a compositor-driven scroll running ahead; every extra
 * row is painted and laid out on each frame (measured: 6 cost more main-thread time than 2).
 */
const OVERSCAN = 3;

/**
 * A virtualised, sortable, filterable table exposed as an ARIA grid: header cells carry
 * aria-sort, rows carry aria-rowindex and aria-selected, and the grid takes the keyboard
 * (arrows, Page Up/Down, Home/End, Enter) with aria-activedescendant pointing at the active row.
 * Only the rows in view are in the DOM, so thousands of rows scroll smoothly.
 */
export function DataTable<T>({
  label,
  rows,
  columns,
  rowKey,
  selectedKey = null,
  onSelect,
  initialSort = null,
  filterPlaceholder = 'Filter…',
  toolbar,
  partial = false,
  emptyMessage = 'Nothing here yet.',
  rowHeight = 38,
  height = '420px',
  rowClassName,
}: DataTableProps<T>) {
  const gridId = useId();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(initialSort);
  const [activeIndex, setActiveIndex] = useState(-1);
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const fill = useContext(PaneFillContext);
  const [gridWidth, setGridWidth] = useState(0);
  useEffect(() => {
    const grid = gridRef.current;
    if (!grid || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setGridWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(grid);
    return () => observer.disconnect();
  }, []);
  const allColumns = columns;
  columns = useMemo(() => shownColumns(allColumns, gridWidth), [allColumns, gridWidth]);

  // The filter text of every row, built on the first keystroke (not on mount: a list of
  // 10,000 notes with their bodies would pay for it on every visit to the screen).
  const filtering = filterTerms(query).length > 0;
  const haystacks = useMemo(() => {
    const map = new Map<T, string>();
    if (!filtering) return map;
    const searchable = columns.filter((c) => c.filterText);
    for (const row of rows) {
      map.set(
        row,
        searchable
          .map((c) => c.filterText?.(row) ?? '')
          .join(' ')
          .toLocaleLowerCase(),
      );
    }
    return map;
  }, [rows, columns, filtering]);

  const visible = useMemo(() => {
    const filtered = filterRows(rows, query, (row) => haystacks.get(row) ?? '');
    const column = sort ? columns.find((c) => c.id === sort.columnId) : undefined;
    return column?.sortValue && sort
      ? sortRows(filtered, column.sortValue, sort.direction)
      : filtered;
  }, [rows, query, haystacks, sort, columns]);

  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
  });

  const selectedIndex = useMemo(
    () => (selectedKey === null ? -1 : visible.findIndex((row) => rowKey(row) === selectedKey)),
    [visible, selectedKey, rowKey],
  );

  // Bring a row selected from elsewhere (an overview link) into view.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const current = activeIndex >= 0 && activeIndex < visible.length ? activeIndex : selectedIndex;
  const rowDomId = (row: T) => `${gridId}-row-${rowKey(row)}`;
  const activeRow = current >= 0 ? visible[current] : undefined;
  const template = useMemo(() => columnTemplate(columns), [columns]);
  const onSort = useCallback((columnId: string) => setSort((s) => nextSort(s, columnId)), []);

  // Rows are memoised: a stable click handler keeps scrolling from re-rendering rows in view.
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);
  const onRowClick = useCallback((index: number, row: T) => {
    setActiveIndex(index);
    onSelectRef.current?.(row);
    gridRef.current?.focus({ preventScroll: true });
  }, []);

  const moveTo = (index: number) => {
    if (visible.length === 0) return;
    const clamped = Math.max(0, Math.min(visible.length - 1, index));
    setActiveIndex(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    const row = visible[clamped];
    if (row !== undefined) onSelect?.(row);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const from = current;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(from + 1),
      ArrowUp: () => moveTo(from < 0 ? 0 : from - 1),
      PageDown: () => moveTo(from + page),
      PageUp: () => moveTo(from - page),
      Home: () => moveTo(0),
      End: () => moveTo(visible.length - 1),
      Enter: () => moveTo(from < 0 ? 0 : from),
      ' ': () => moveTo(from < 0 ? 0 : from),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const items = virtualizer.getVirtualItems();
  // Rows are keyed by slot, not by record: a row that scrolls out hands its DOM nodes to the
  // row that scrolls in (React patches text and attributes instead of building ~10 elements
  // per row per frame). The rendered rows are a contiguous run shorter than the pool, so
  // slots never collide; the pool is a power of two, so it does not change with the run's
  // length from frame to frame (which would remount every row).
  const pool = Math.max(64, 2 ** Math.ceil(Math.log2(items.length + 1)));

  return (
    <div className={fill ? 'data-table data-table-fill' : 'data-table'}>
      <div className="data-table-toolbar">
        <input
          type="search"
          className="data-table-filter"
          aria-label={`Filter ${label.toLocaleLowerCase()}`}
          placeholder={filterPlaceholder}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActiveIndex(-1);
          }}
        />
        <span className="data-table-count muted" aria-live="polite">
          {partial
            ? `first ${rows.length}, loading the rest…`
            : visible.length === rows.length
              ? `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}`
              : `${visible.length} of ${rows.length}`}
        </span>
        {toolbar ? <div className="data-table-actions">{toolbar}</div> : null}
      </div>
      <div
        ref={gridRef}
        role="grid"
        aria-label={label}
        aria-rowcount={visible.length + 1}
        aria-colcount={columns.length}
        aria-activedescendant={activeRow !== undefined ? rowDomId(activeRow) : undefined}
        tabIndex={0}
        className="data-table-grid"
        onKeyDown={onKeyDown}
      >
        <HeaderRow<T> columns={columns} template={template} sort={sort} onSort={onSort} />
        <div
          ref={scrollRef}
          className="data-table-body"
          style={
            fill
              ? undefined
              : { height: `min(${height}, ${Math.max(visible.length, 3) * rowHeight}px)` }
          }
        >
          {visible.length === 0 ? (
            <p className="data-table-empty muted">
              {rows.length === 0 ? emptyMessage : 'No rows match the filter.'}
            </p>
          ) : (
            <div
              role="rowgroup"
              className="data-table-rows"
              style={{ height: virtualizer.getTotalSize() }}
            >
              {items.map((item) => {
                const row = visible[item.index] as T;
                const key = rowKey(row);
                return (
                  <BodyRow<T>
                    key={item.index % pool}
                    row={row}
                    index={item.index}
                    start={item.start}
                    domId={rowDomId(row)}
                    selected={key === selectedKey}
                    active={item.index === current}
                    className={rowClassName?.(row)}
                    template={template}
                    rowHeight={rowHeight}
                    columns={columns}
                    onRowClick={onRowClick}
                  />
                );
              })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
