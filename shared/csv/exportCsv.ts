import { CSV_COLUMNS, type CsvColumn, type CsvEntity } from './columns';
import { writeCsv } from './csvText';
import { formatPeopleList } from './peopleList';

type AnyRecord = Record<string, unknown>;

/** The value at a field path. */
export function valueAtPath(record: AnyRecord, path: readonly string[]): unknown {
  let current: unknown = record;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as AnyRecord)[key];
  }
  return current;
}

/** One cell's text. People are written by name; lists as in peopleList.ts (quoted when needed). */
function cellText(column: CsvColumn, value: unknown, nameOf: (id: string) => string): string {
  if (value === null || value === undefined) return '';
  switch (column.kind) {
    case 'person':
      return typeof value === 'string' ? nameOf(value) : '';
    case 'people':
      return Array.isArray(value) ? formatPeopleList(value.map((id) => nameOf(String(id)))) : '';
    case 'boolean':
      return value === true ? 'yes' : 'no';
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

/**
 * An entity's records as a CSV file (every column, the id first so a re-import updates them).
 * References to stakeholders are written as their names.
 */
export function exportCsv(
  entity: CsvEntity,
  records: readonly AnyRecord[],
  stakeholders: ReadonlyArray<{ id: string; name: string }>,
): string {
  const names = new Map(stakeholders.map((s) => [s.id, s.name]));
  const nameOf = (id: string): string => names.get(id) ?? id;
  const columns = CSV_COLUMNS[entity];
  return writeCsv(
    columns.map((c) => c.key),
    records.map((record) => columns.map((c) => cellText(c, valueAtPath(record, c.path), nameOf))),
  );
}
