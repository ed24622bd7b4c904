// CSV writing (what spreadsheet apps read back: a byte-order mark, Windows line endings, cells
// quoted when needed, formula-like text defused) and the undoing of that defusing on import.
// Reading is readCsv.ts (Papa Parse).
export * from './readCsv';

/**
 * Text a spreadsheet would run as a formula (= + - @, or a tab or carriage return before one) is
 * written with a leading apostrophe. Text that already starts with apostrophes before such a
 * character gets one more, so that taking one off on import gives back exactly what was written.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** True when {@link csvCell} adds a defusing apostrophe to the value. */
const needsDefusing = (value: string): boolean =>
  FORMULA_START.test(value) && !PLAIN_NUMBER.test(value);

/** One cell as CSV text: quoted when needed; formula-like text defused. */
export function csvCell(value: string, delimiter = ','): string {
  const safe = needsDefusing(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(delimiter) || safe !== safe.trim()
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}

/** Undoes {@link csvCell}'s defusing apostrophe on import (export then import is the identity). */
export function undefuse(value: string): string {
  return value.startsWith("'") && needsDefusing(value.slice(1)) ? value.slice(1) : value;
}

/**
 * Writes a CSV file: a byte-order mark (so spreadsheet apps read UTF-8), a header row, Windows
 * line endings (what spreadsheet apps expect), cells quoted when needed.
 */
export function writeCsv(headers: string[], rows: string[][], delimiter = ','): string {
  const lines = [headers, ...rows].map((r) => r.map((c) => csvCell(c, delimiter)).join(delimiter));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
