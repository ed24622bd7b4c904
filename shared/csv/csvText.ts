// CSV reading and writing (RFC 4180 plus what spreadsheets really produce): quoted cells with
// commas, quotes and new lines, a byte-order mark, comma / semicolon / tab separators, and
// Windows or Unix line endings.

/** The separators recognised when reading (the one used most in the header line wins). */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** One record of a CSV file. */
export interface CsvRow {
  /** The cells, as text (quotes removed). */
  cells: string[];
  /** The spreadsheet row number: the header is row 1, the first data row is row 2. */
  row: number;
  /** The line of the file the record starts on (differs from `row` after multi-line cells). */
  line: number;
}

/** A read CSV file. */
export interface CsvTable {
  /** The header row's cells (trimmed). */
  headers: string[];
  /** The data rows (blank rows skipped). */
  rows: CsvRow[];
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

/** Reads a CSV text into records of cells (no header handling). */
export function parseCsvRecords(
  input: string,
  delimiter: string = detectDelimiter(input),
): { cells: string[]; line: number }[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let cellStarted = false;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    cellStarted = false;
  };
  const endRecord = () => {
    endCell();
    records.push({ cells, line: recordLine });
    cells = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === '\n') line += 1;
        if (ch === '\r' && text[i + 1] === '\n') {
          cell += '\n';
          line += 1;
          i += 1;
        } else cell += ch === '\r' ? '\n' : ch;
      }
      continue;
    }
    if (ch === '"' && !cellStarted) {
      quoted = true;
      cellStarted = true;
    } else if (ch === delimiter) {
      endCell();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      cell += ch;
      cellStarted = true;
    }
  }
  if (cellStarted || cell !== '' || cells.length > 0) endRecord();
  return records;
}

/** Reads a CSV file with a header row; blank rows are skipped. */
export function parseCsv(text: string): CsvTable {
  const delimiter = detectDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const records = parseCsvRecords(text, delimiter);
  const [header, ...data] = records;
  const rows: CsvRow[] = [];
  data.forEach((record, index) => {
    if (record.cells.every((c) => c.trim() === '')) return;
    rows.push({ cells: record.cells, row: index + 2, line: record.line });
  });
  return { headers: (header?.cells ?? []).map((h) => h.trim()), rows, delimiter };
}

/** Cells a spreadsheet would run as a formula are written with a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text: quoted when needed; formula-like text defused. */
export function csvCell(value: string, delimiter = ','): string {
  const safe = FORMULA_START.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(delimiter) || safe !== safe.trim()
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}

/** Undoes {@link csvCell}'s defusing apostrophe on import. */
export function undefuse(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

/**
 * Writes a CSV file: a byte-order mark (so spreadsheet apps read UTF-8), a header row, Windows
 * line endings (what spreadsheet apps expect), cells quoted when needed.
 */
export function writeCsv(headers: string[], rows: string[][], delimiter = ','): string {
  const lines = [headers, ...rows].map((r) => r.map((c) => csvCell(c, delimiter)).join(delimiter));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
