import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv';

describe('CSV rows that cannot be read are reported, row by row', () => {
  it('a file cut off inside a quoted cell: the row and every line after it are refused', () => {
    const table = parseCsv('Name;Notes\nA;"oops\nB;x\nC;y\n');
    expect(table.rows).toEqual([]);
    expect(table.problems.map((p) => [p.row, p.line])).toEqual([
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    expect(table.problems[0]?.message).toMatch(/quoted cell is never closed/);
    expect(table.problems[1]?.message).toMatch(/never closed; the file may be cut off/);
  });

  it('rows before the cut-off cell are still read', () => {
    const table = parseCsv('Name,Notes\r\nAda,"two\r\nlines"\r\nBob,"cut');
    expect(table.rows.map((r) => r.cells)).toEqual([['Ada', 'two\r\nlines']]);
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0]).toMatchObject({ row: 3, line: 4 });
  });

  it('a row with too many or too few cells is refused; empty trailing cells are fine', () => {
    const table = parseCsv('a,b,c\n1,2,3\n1,2,3,4\n1,2\n1,2,3,,\n');
    expect(table.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(table.rows[1]?.cells).toEqual(['1', '2', '3']);
    expect(table.problems).toEqual([
      {
        row: 3,
        line: 3,
        message: 'has 4 cells but the header has 3: a separator inside a cell must be quoted',
      },
      { row: 4, line: 4, message: 'has 2 cells but the header has 3: the row may be cut off' },
    ]);
  });

  it('text after a closing quote is reported, not guessed at', () => {
    const table = parseCsv('a,b\n"x"y,2\n');
    expect(table.rows).toEqual([]);
    expect(table.problems[0]?.message).toMatch(/text after its closing quote/);
  });

  it('a file that is not text (binary, or not UTF-8) is refused', () => {
    const binary = parseCsv('PK\u0003\u0004\u0000\u0000\u0008name,title\n');
    expect(binary.rows).toEqual([]);
    expect(binary.problems).toEqual([
      { row: 1, line: 1, message: 'the file is not text (it holds binary data)' },
    ]);
    const latin1 = parseCsv('name,title\nJos\uFFFD,CIO\nAda,CTO\n');
    expect(latin1.rows.map((r) => r.cells[0])).toEqual(['Ada']);
    expect(latin1.problems[0]).toMatchObject({
      row: 2,
      message: expect.stringMatching(/not text/),
    });
  });
});

describe("Excel's separator line", () => {
  it('"sep=;" names the separator and is not a row; line numbers still count it', () => {
    const table = parseCsv('\uFEFFsep=,\r\nName;Title,Notes\r\nAda;Obi,CIO\r\nBob,"cut');
    expect(table.delimiter).toBe(',');
    expect(table.headers).toEqual(['Name;Title', 'Notes']);
    expect(table.rows).toEqual([{ cells: ['Ada;Obi', 'CIO'], row: 2, line: 3 }]);
    expect(table.problems[0]).toMatchObject({ row: 3, line: 4 });
  });
});
