import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv } from '../../../shared/csv';
import { unquotedBreaksToLf } from '../../../shared/csv/lineBreaks';

describe('row breaks of mixed kinds', () => {
  it('CRLF, LF and CR rows in one file are all rows; quoted CRLF stays content', () => {
    const table = parseCsv('Name,Notes\r\nAda,"two\r\nlines"\nBob,x\rCy,5" disk\r\nDee,y\n');
    expect(table.problems).toEqual([]);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Ada', 'two\r\nlines'],
      ['Bob', 'x'],
      ['Cy', '5" disk'],
      ['Dee', 'y'],
    ]);
    expect(table.rows.map((r) => r.line)).toEqual([2, 4, 5, 6]);
  });

  it('reads quotes as the parser does: only a cell-opening quote starts a quoted cell', () => {
    expect(unquotedBreaksToLf('a,5" x\r\nb,"q""\r\n"\r\n', ',')).toBe('a,5" x\nb,"q""\r\n"\n');
    expect(unquotedBreaksToLf('no carriage returns\n', ',')).toBe('no carriage returns\n');
  });

  it('a file whose rows end in any mix of breaks reads as the same file with LF rows', () => {
    const cell = fc.string({ maxLength: 12 });
    const breakKind = fc.constantFrom('\r\n', '\n', '\r');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell, breakKind), { minLength: 1, maxLength: 12 }),
        (rows) => {
          const lines = [['A', 'B'], ...rows.map(([a, b]) => [a, b])].map((cells) =>
            cells.map((c) => csvCell(c)).join(','),
          );
          const withLf = lines.join('\n');
          const mixed = lines.map((line, i) => line + (rows[i]?.[2] ?? '')).join('');
          expect(parseCsv(mixed).rows.map((r) => r.cells)).toEqual(
            parseCsv(withLf).rows.map((r) => r.cells),
          );
        },
      ),
      { seed: 20261207, numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});
