// Reading a user's CSV file through Papa Parse (RFC 4180 plus what spreadsheets produce: quoted
// cells with separators, quotes and new lines, a byte-order mark, comma / semicolon / tab / pipe
// separators, Windows or Unix line endings). Every problem is reported against its row, never
// swallowed: a quoted cell that is never closed (a file cut off), a row with more or fewer cells
// than the header, a row (or a file) that is not text.
import Papa from 'papaparse';
import { unquotedBreaksToLf } from './lineBreaks';

/** The separators recognised when reading (the one used most in the header line wins). */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** One record of a CSV file. */
export interface CsvRow {
  /** The cells, as text (quotes removed, everything else kept as written). */
  cells: string[];
  /** The spreadsheet row number: the header is row 1, the first data row is row 2. */
  row: number;
  /** The line of the file the record starts on (differs from `row` after multi-line cells). */
  line: number;
}

/** A row that cannot be read, and why. */
export interface CsvProblem {
  /** Spreadsheet row number (1 for the header or the whole file). */
  row: number;
  /** The line of the file the row starts on. */
  line: number;
  /** What is wrong, for the user. */
  message: string;
}

/** A read CSV file. */
export interface CsvTable {
  /** The header row's cells (trimmed). */
  headers: string[];
  /** The data rows that could be read (blank rows and rows with problems left out). */
  rows: CsvRow[];
  /** The rows that could not be read (each is refused by the import), in file order. */
  problems: CsvProblem[];
  /** The separator found. */
  delimiter: CsvDelimiter;
}

/** The separator of a CSV text: the one found most often outside quotes on its first line. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (CSV_DELIMITERS as readonly string[]).includes(ch)) {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
  }
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const d of CSV_DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Excel's separator line ("sep=;" before the header), with its line break, or null. The line
 * names the separator and is not part of the table.
 */
function separatorHint(text: string): string | null {
  if (!text.startsWith('sep=') || !(CSV_DELIMITERS as readonly string[]).includes(text[4] ?? '')) {
    return null;
  }
  const end = text.startsWith('\r\n', 5) ? 7 : text[5] === '\n' || text[5] === '\r' ? 6 : -1;
  return end < 0 ? null : text.slice(0, end);
}

/** A record as Papa Parse gives it, with where it starts and what Papa found wrong. */
interface RawRecord {
  cells: string[];
  line: number;
  /** Where the record starts in the text. */
  start: number;
  /** A quoted cell of this record is never closed (it ran to the end of the file). */
  unclosed: boolean;
  /** A closing quote is followed by other text ("ab"c). */
  strayQuote: boolean;
}

/** Counts line breaks (CRLF, LF or CR) in text[from, to). */
function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) n += 1;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n += 1;
  }
  return n;
}

/** Reads every record of a CSV text with Papa Parse, tracking the line each starts on. */
function readRecords(text: string, delimiter: CsvDelimiter, firstLine: number): RawRecord[] {
  const records: RawRecord[] = [];
  let start = 0;
  let line = firstLine;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step: (result) => {
      records.push({
        cells: result.data,
        line,
        start,
        unclosed: result.errors.some((e) => e.code === 'MissingQuotes'),
        strayQuote: result.errors.some((e) => e.code === 'InvalidQuotes'),
      });
      const end = result.meta.cursor;
      line += countLineBreaks(text, start, end);
      start = end;
    },
  });
  return records;
}

/** True when a text has characters that a text file does not: NUL, or undecodable bytes. */
const notText = (s: string): boolean => s.includes('\u0000') || s.includes('\uFFFD');

/** True for a record with no text in any cell. */
const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/**
 * The lines after an unclosed quote, each as a refused row: the reader cannot know whether they
 * were rows or part of the cut-off cell, so none is imported and each is named.
 */
function rowsAfterUnclosed(
  text: string,
  record: RawRecord,
  firstRow: number,
  problems: CsvProblem[],
): void {
  const lines = text.slice(record.start).split(/\r\n|\r|\n/);
  let row = firstRow;
  lines.slice(1).forEach((l, i) => {
    if (l.trim() === '') return;
    problems.push({
      row,
      line: record.line + i + 1,
      message: `not imported: it follows the quoted cell opened in row ${firstRow - 1} (line ${record.line}) that is never closed; the file may be cut off`,
    });
    row += 1;
  });
}

/** The problem of one data record, or null when it can be read. */
function recordProblem(record: RawRecord, headerCount: number): string | null {
  if (record.strayQuote) {
    return 'a quoted cell has text after its closing quote (write a quote inside a quoted cell as two quotes "")';
  }
  if (record.unclosed) {
    return 'a quoted cell is never closed (a quote is missing, or the file is cut off): this row and the lines after it are not imported';
  }
  if (record.cells.some(notText))
    return 'is not text (it holds binary data or bytes that are not UTF-8)';
  const n = record.cells.length;
  if (n > headerCount && !isBlank(record.cells.slice(headerCount))) {
    return `has ${n} cells but the header has ${headerCount}: a separator inside a cell must be quoted`;
  }
  if (n < headerCount) {
    return `has ${n} ${n === 1 ? 'cell' : 'cells'} but the header has ${headerCount}: the row may be cut off`;
  }
  return null;
}

/**
 * Reads a CSV file with a header row. Blank rows are skipped (but counted, as a spreadsheet
 * numbers them); rows that cannot be read are listed in `problems` with the reason.
 */
export function parseCsv(input: string): CsvTable {
  const withHint = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const hint = separatorHint(withHint);
  const raw = hint ? withHint.slice(hint.length) : withHint;
  const delimiter = hint ? (hint[4] as CsvDelimiter) : detectDelimiter(raw);
  const text = unquotedBreaksToLf(raw, delimiter);
  if (text.slice(0, 8192).includes('\u0000')) {
    return {
      headers: [],
      rows: [],
      problems: [{ row: 1, line: 1, message: 'the file is not text (it holds binary data)' }],
      delimiter,
    };
  }
  const records = readRecords(text, delimiter, hint ? 2 : 1);
  const [header, ...data] = records;
  const headers = (header?.cells ?? []).map((h) => h.trim());
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  if (header && (header.unclosed || header.strayQuote || header.cells.some(notText))) {
    problems.push({ row: 1, line: header.line, message: 'the header row cannot be read' });
    return { headers, rows, problems, delimiter };
  }
  for (const [index, record] of data.entries()) {
    const row = index + 2;
    if (isBlank(record.cells) && !record.unclosed) continue;
    const message = recordProblem(record, headers.length);
    if (message === null) {
      rows.push({
        cells: record.cells.slice(0, Math.max(headers.length, 1)),
        row,
        line: record.line,
      });
      continue;
    }
    problems.push({ row, line: record.line, message });
    if (record.unclosed) rowsAfterUnclosed(text, record, row + 1, problems);
  }
  return { headers, rows, problems, delimiter };
}
