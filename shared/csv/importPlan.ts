// Turns a user's CSV rows into a checked plan: which records will be created, which updated (and
// which fields change), and which rows are refused and why (row, column, message). Nothing is
// written here; the renderer applies the plan in one transaction after the user saw it.
import type { z } from 'zod';
import { systemFieldMask } from '../model/base';
import { entityObjects, entitySchemas } from '../model/registry';
import { isoDateSchema } from '../model/base';
import { CSV_COLUMNS, nameColumn, type CsvColumn, type CsvEntity } from './columns';
import { undefuse, type CsvTable } from './csvText';
import { normName, readReferenceNames, type KnownPeople } from './references';
import { readSeat } from './vacancy';
import { valueAtPath } from './exportCsv';

type AnyRecord = Record<string, unknown> & { id: string };

/** A stakeholder reference by name, resolved when the plan is applied. */
export interface PendingReference {
  /** The field path ("reportsToId", "raci.responsibleIds"). */
  path: readonly string[];
  /** One name (person) or several (people). */
  names: string[];
  /** person or people. */
  kind: 'person' | 'people';
}

/** One accepted row of the plan. */
export interface PlannedRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  /** create, update (some field changes) or unchanged (matched, nothing differs). */
  action: 'create' | 'update' | 'unchanged';
  /** The matched record (update / unchanged). */
  id?: string;
  /** The record's name or title, for the preview. */
  label: string;
  /** How it was matched: by id column or by name. */
  matchedBy?: 'id' | 'name';
  /** The field values from the row (references excluded), ready for create or update. */
  values: Record<string, unknown>;
  /** References by stakeholder name, resolved when applied. */
  references: PendingReference[];
  /** For an update: the fields (top-level) that change. */
  changedFields: string[];
}

/** One refused cell or row. */
export interface RefusedRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  /** The column's header as in the file ('' for the whole row). */
  column: string;
  /** What is wrong. */
  message: string;
}

/** The checked plan. */
export interface CsvImportPlan {
  /** Which entity. */
  entity: CsvEntity;
  /** Accepted rows. */
  rows: PlannedRow[];
  /** Problems of refused rows (a row may have several); refused rows are not imported. */
  refused: RefusedRow[];
  /** Totals for the preview. */
  counts: { create: number; update: number; unchanged: number; refusedRows: number };
}

/** What the plan is checked against. */
export interface CsvImportContext {
  /** Which entity the file holds. */
  entity: CsvEntity;
  /** The engagement the records go into. */
  engagementId: string;
  /** The engagement's live records of that entity (to match by id or name). */
  existing: readonly AnyRecord[];
  /** The engagement's live stakeholders (to resolve names; vacant seats for "(vacant)", "TBD"). */
  stakeholders: ReadonlyArray<{ id: string; name: string; isVacant?: boolean }>;
}

const norm = normName;
const PLACEHOLDER_ID = '00000000-0000-7000-8000-000000000000';
const PLACEHOLDER_AT = '2000-01-01T00:00:00.000Z';
const TRUE = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'oui']);
const FALSE = new Set(['no', 'n', 'false', '0', '', 'nein', 'non']);

/** Reads one cell into a field value; a string result is an error message. */
function readCell(
  column: CsvColumn,
  raw: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const text = undefuse(raw).trim();
  switch (column.kind) {
    case 'id':
    case 'text':
      return { ok: true, value: column.kind === 'text' ? undefuse(raw) : text };
    case 'number': {
      if (text === '') return { ok: true, value: undefined };
      const n = Number(text.replace(',', '.'));
      return Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, message: `must be a number (found “${text}”)` };
    }
    case 'enum': {
      if (text === '') return { ok: true, value: undefined };
      const wanted = norm(text).replace(/[\s-]+/g, '_');
      const found = column.values?.find((v) => v.toLowerCase() === wanted);
      return found
        ? { ok: true, value: found }
        : {
            ok: false,
            message: `must be one of: ${(column.values ?? []).join(', ')} (found “${text}”)`,
          };
    }
    case 'boolean': {
      const t = text.toLowerCase();
      // An empty cell says nothing (a vacant column left empty for people), like other kinds.
      if (t === '') return { ok: true, value: undefined };
      if (TRUE.has(t)) return { ok: true, value: true };
      if (FALSE.has(t)) return { ok: true, value: false };
      return { ok: false, message: `must be yes or no (found “${text}”)` };
    }
    case 'date': {
      if (text === '') return { ok: true, value: null };
      const day = /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
      return isoDateSchema.safeParse(day).success
        ? { ok: true, value: day }
        : { ok: false, message: `must be a date as YYYY-MM-DD (found “${text}”)` };
    }
    case 'datetime': {
      if (text === '') return { ok: true, value: undefined };
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text.replace(' ', 'T');
      const ms = Date.parse(/z|[+-]\d{2}:?\d{2}$/i.test(iso) ? iso : `${iso}Z`);
      return Number.isFinite(ms) && /^\d{4}-\d{2}-\d{2}/.test(text)
        ? { ok: true, value: new Date(ms).toISOString() }
        : {
            ok: false,
            message: `must be a date and time such as 2026-03-02 09:15 (found “${text}”)`,
          };
    }
    case 'person':
    case 'people':
      return { ok: true, value: text };
  }
}

/** Sets a value at a field path (creating nested objects). */
function setAtPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) current[key] = value;
    else {
      const next = current[key];
      current[key] =
        next !== null && typeof next === 'object' && !Array.isArray(next) ? { ...next } : {};
      current = current[key] as Record<string, unknown>;
    }
  });
}

/** Structural equality for the changed-fields list. */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Checks every row of a CSV file against the entity's schema and the engagement's records.
 * `mapping[i]` is the column key of the file's i-th header, or null to ignore it. A row is
 * matched to a record by the id column when it has one, otherwise by name (or title); matched
 * rows update only their mapped columns. Stakeholder names must be known (or, for stakeholders,
 * be another row of the same file).
 */
export function planCsvImport(
  table: CsvTable,
  mapping: ReadonlyArray<string | null>,
  context: CsvImportContext,
): CsvImportPlan {
  const { entity } = context;
  const columns = CSV_COLUMNS[entity];
  const nameCol = nameColumn(entity);
  const mapped = mapping
    .map((key, index) => ({ index, column: columns.find((c) => c.key === key) }))
    .filter((m): m is { index: number; column: CsvColumn } => m.column !== undefined);
  const headerOf = (key: string): string => {
    const m = mapped.find((x) => x.column.key === key);
    return m ? (table.headers[m.index] ?? key) : key;
  };
  const headerOfPath = (path: string): string => {
    const m = mapped.find(
      (x) => x.column.path.join('.') === path || x.column.path[0] === path.split('.')[0],
    );
    return m ? (table.headers[m.index] ?? m.column.key) : path;
  };

  const byId = new Map(context.existing.map((r) => [r.id, r]));
  const byName = new Map<string, AnyRecord[]>();
  for (const r of context.existing) {
    const name = norm(String(valueAtPath(r, nameCol.path) ?? ''));
    byName.set(name, [...(byName.get(name) ?? []), r]);
  }
  const idByPerson = new Map(context.stakeholders.map((s) => [norm(s.name), s.id]));
  const known = knownPeople(table, mapped, context);
  // Built once: omit() makes a new schema, which costs more than checking a row.
  const inputSchema = (entityObjects[entity] as z.ZodObject).omit(systemFieldMask);

  const rows: PlannedRow[] = [];
  const refused: RefusedRow[] = [];
  const refusedRows = new Set<number>();
  // The columns refused in each row (looked up per row: a scan of every refusal per row would be
  // quadratic in a file of many refused rows).
  const refusedColumns = new Map<number, Set<string>>();
  const refuse = (row: number, column: string, message: string): void => {
    refused.push({ row, column, message });
    refusedRows.add(row);
    const columns = refusedColumns.get(row) ?? new Set<string>();
    columns.add(column);
    refusedColumns.set(row, columns);
  };

  if (!mapped.some((m) => m.column.isName) && !mapped.some((m) => m.column.kind === 'id')) {
    refuse(1, '', `no column is mapped to “${nameCol.key}” or “id”: rows cannot be matched`);
  }
  for (const problem of table.problems) refuse(problem.row, '', problem.message);

  const seenTargets = new Map<string, number>();
  for (const csvRow of table.rows) {
    const { row } = csvRow;
    const values: Record<string, unknown> = {};
    const references: PendingReference[] = [];
    let id: string | undefined;
    let bad = false;

    for (const { index, column } of mapped) {
      const header = table.headers[index] ?? column.key;
      const read = readCell(column, csvRow.cells[index] ?? '');
      if (!read.ok) {
        refuse(row, header, read.message);
        bad = true;
        continue;
      }
      if (column.kind === 'id') {
        if (read.value !== '') id = String(read.value);
        continue;
      }
      if (column.kind === 'person' || column.kind === 'people') {
        const { names, problems } = readReferenceNames(column.kind, String(read.value), known);
        for (const message of problems) refuse(row, header, message);
        if (problems.length > 0) bad = true;
        references.push({ path: column.path, names, kind: column.kind });
        continue;
      }
      if (read.value !== undefined) setAtPath(values, column.path, read.value);
    }

    if (entity === 'stakeholder' && !applySeat(values)) {
      refuse(
        row,
        headerOf(nameCol.key),
        'marks a vacant position, which needs a job title (fill in the title column)',
      );
      bad = true;
    }

    // Match: by id when given, else by name.
    const name = String(valueAtPath(values, nameCol.path) ?? '').trim();
    let target: AnyRecord | undefined;
    let matchedBy: 'id' | 'name' | undefined;
    if (id !== undefined) {
      target = byId.get(id);
      matchedBy = 'id';
      if (!target) {
        refuse(row, headerOf('id'), `no ${entity} of this engagement has the id “${id}”`);
        bad = true;
      }
    } else if (name !== '') {
      const candidates = byName.get(norm(name)) ?? [];
      if (candidates.length > 1) {
        refuse(
          row,
          headerOf(nameCol.key),
          `“${name}” matches ${candidates.length} records: add an id column`,
        );
        bad = true;
      }
      target = candidates.length === 1 ? candidates[0] : undefined;
      if (target) matchedBy = 'name';
    }
    const targetKey = target ? target.id : `new:${norm(name)}`;
    const earlier = seenTargets.get(targetKey);
    if (earlier !== undefined && (target || name !== '')) {
      refuse(row, '', `describes the same record as row ${earlier}`);
      bad = true;
    } else seenTargets.set(targetKey, row);
    const matchFailed =
      bad &&
      (refusedColumns.get(row)?.has('') === true ||
        refusedColumns.get(row)?.has(headerOf('id')) === true);
    if (matchFailed) continue;
    // Rows with bad cells are still checked as a whole, so every problem of the row is listed.
    const reported = new Set(refusedColumns.get(row));
    const refuseOnce = (r: number, column: string, message: string): void => {
      if (!reported.has(column)) refuse(r, column, message);
    };

    // Validate the resulting record with the entity's own schema. References get the id of the
    // stakeholder of that name, or a placeholder for one created by this same file.
    const withRefs = { ...values };
    for (const ref of references) {
      const ids = ref.names.map(
        (n, i) =>
          idByPerson.get(norm(n)) ??
          PLACEHOLDER_ID.replace(/0{3}$/, String(i + 1).padStart(3, '0')),
      );
      setAtPath(withRefs, ref.path, ref.kind === 'people' ? ids : (ids[0] ?? null));
    }
    let candidate: Record<string, unknown>;
    if (target) {
      candidate = { ...target };
      for (const [key, value] of Object.entries(withRefs)) {
        candidate[key] =
          value !== null && typeof value === 'object' && !Array.isArray(value)
            ? { ...(target[key] as object), ...value }
            : value;
      }
    } else {
      const input = inputSchema.safeParse({ ...withRefs, engagementId: context.engagementId });
      if (!input.success) {
        reportIssues(row, input.error, withRefs, headerOfPath, refuseOnce);
        continue;
      }
      candidate = {
        ...input.data,
        id: PLACEHOLDER_ID,
        createdAt: PLACEHOLDER_AT,
        updatedAt: PLACEHOLDER_AT,
        deletedAt: null,
      };
    }
    const full = entitySchemas[entity].safeParse(candidate);
    if (!full.success) {
      reportIssues(row, full.error, candidate, headerOfPath, refuseOnce);
      continue;
    }
    if (bad) continue;

    let changedFields: string[] = [];
    if (target) {
      const parsed = full.data as Record<string, unknown>;
      changedFields = Object.keys(parsed).filter(
        (key) =>
          !['id', 'createdAt', 'updatedAt', 'deletedAt'].includes(key) &&
          !same(parsed[key], target[key]),
      );
    }
    rows.push({
      row,
      action: target ? (changedFields.length > 0 ? 'update' : 'unchanged') : 'create',
      ...(target ? { id: target.id, matchedBy } : {}),
      label: name || String(valueAtPath(target ?? {}, nameCol.path) ?? ''),
      values,
      references,
      changedFields,
    });
  }

  return {
    entity,
    rows,
    refused: refused.sort((a, b) => a.row - b.row),
    counts: {
      create: rows.filter((r) => r.action === 'create').length,
      update: rows.filter((r) => r.action === 'update').length,
      unchanged: rows.filter((r) => r.action === 'unchanged').length,
      refusedRows: refusedRows.size,
    },
  };
}

/** Files a zod failure as refused cells, named by the file's headers. */
function reportIssues(
  row: number,
  error: z.ZodError,
  input: Record<string, unknown>,
  headerOfPath: (path: string) => string,
  refuse: (row: number, column: string, message: string) => void,
): void {
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    const missing =
      issue.code === 'invalid_type' && valueAtPath(input, issue.path.map(String)) === undefined;
    refuse(row, headerOfPath(path), missing ? 'is required' : issue.message);
  }
}

/**
 * Turns a stakeholder row that marks a vacant seat ("(vacant)", "TBD", an empty name with a job
 * title...) into one: isVacant, named "(vacant) <title>". False when the seat has no title.
 */
function applySeat(values: Record<string, unknown>): boolean {
  if (values.name === undefined && values.title === undefined) return true;
  const seat = readSeat(
    typeof values.name === 'string' ? values.name : '',
    typeof values.title === 'string' ? values.title : '',
    typeof values.isVacant === 'boolean' ? values.isVacant : undefined,
  );
  if (seat.kind === 'vacant-without-title') return false;
  if (seat.kind === 'vacant') {
    values.name = seat.name;
    if (typeof values.title !== 'string' || values.title.trim() === '') values.title = seat.title;
    values.isVacant = true;
  }
  return true;
}

/** A row's name, title and vacant cells as planCsvImport reads them ({} for a seat without title). */
function seatOfRow(
  cells: readonly string[],
  mapped: ReadonlyArray<{ index: number; column: CsvColumn }>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const { index, column } of mapped) {
    if (!['name', 'title', 'isVacant'].includes(column.key)) continue;
    const read = readCell(column, cells[index] ?? '');
    if (read.ok) values[column.key] = read.value;
  }
  return applySeat(values) ? values : {};
}

/** Who a file's names may refer to: the engagement's stakeholders and (for stakeholders) its rows. */
function knownPeople(
  table: CsvTable,
  mapped: ReadonlyArray<{ index: number; column: CsvColumn }>,
  context: CsvImportContext,
): KnownPeople {
  const counts = new Map<string, number>();
  const vacantSeats: string[] = [];
  const seatNames = new Set<string>();
  for (const s of context.stakeholders) {
    counts.set(norm(s.name), (counts.get(norm(s.name)) ?? 0) + 1);
    if (s.isVacant === true && !seatNames.has(norm(s.name))) {
      seatNames.add(norm(s.name));
      vacantSeats.push(s.name);
    }
  }
  const fileNames = new Set<string>();
  if (context.entity === 'stakeholder' && mapped.some((m) => m.column.isName)) {
    for (const r of table.rows) {
      const seat = seatOfRow(r.cells, mapped);
      const name = typeof seat.name === 'string' ? seat.name : '';
      if (name.trim() === '') continue;
      fileNames.add(norm(name));
      if (seat.isVacant === true && !seatNames.has(norm(name))) {
        seatNames.add(norm(name));
        vacantSeats.push(name);
      }
    }
  }
  return { counts, fileNames, vacantSeats };
}
