import { describe, expect, it } from 'vitest';
import { csvCell, detectDelimiter, parseCsv, undefuse, writeCsv } from '../../../shared/csv';

describe('reading CSV', () => {
  it('keeps commas inside quoted cells', () => {
    const table = parseCsv('name,title\n"Okafor, Amara","CIO, acting"\n');
    expect(table.headers).toEqual(['name', 'title']);
    expect(table.rows[0]?.cells).toEqual(['Okafor, Amara', 'CIO, acting']);
  });

  it('keeps new lines inside quoted cells and numbers rows as a spreadsheet does', () => {
    const table = parseCsv('name,notes\n"Ada","line one\nline two\nline three"\nBob,plain\n');
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]?.cells[1]).toBe('line one\nline two\nline three');
    expect(table.rows[1]).toMatchObject({ cells: ['Bob', 'plain'], row: 3, line: 5 });
  });

  it('drops a byte-order mark', () => {
    const table = parseCsv('\uFEFFname,title\nAda,CIO\n');
    expect(table.headers).toEqual(['name', 'title']);
    expect(table.headers[0]?.charCodeAt(0)).toBe('n'.charCodeAt(0));
  });

  it('reads semicolon-separated files (spreadsheets in many European locales)', () => {
    const table = parseCsv('name;influence;notes\nAda;4;"uses ; and , freely"\n');
    expect(table.delimiter).toBe(';');
    expect(table.rows[0]?.cells).toEqual(['Ada', '4', 'uses ; and , freely']);
  });

  it('reads Windows line endings, keeping those inside quoted cells as written', () => {
    const table = parseCsv('name,notes\r\nAda,"a\r\nb"\r\nBob,c\r\n');
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Ada', 'a\r\nb'],
      ['Bob', 'c'],
    ]);
    expect(table.rows[1]?.row).toBe(3);
  });

  it('reads doubled quotes, tabs, a last line without a line ending, and skips blank rows', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    const table = parseCsv('name,quote\n\nAda,"she said ""no"""\n,\nBob,x');
    expect(table.rows.map((r) => [r.row, ...r.cells])).toEqual([
      [3, 'Ada', 'she said "no"'],
      [5, 'Bob', 'x'],
    ]);
  });
});

describe('writing CSV', () => {
  it('writes a BOM, CRLF, quotes what needs quoting, and reads back the same', () => {
    const rows = [
      ['Okafor, Amara', 'two\nlines', 'say "hi"'],
      ['=SUM(A1)', ' padded ', '-3'],
    ];
    const text = writeCsv(['a', 'b', 'c'], rows);
    expect(text.startsWith('\uFEFFa,b,c\r\n')).toBe(true);
    expect(text).toContain('"Okafor, Amara"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    const back = parseCsv(text);
    expect(back.rows.map((r) => r.cells.map(undefuse))).toEqual(rows);
  });
});

describe('the formula defence survives a round trip', () => {
  it('undoes the apostrophe for tab and carriage-return prefixes too, and only once', () => {
    for (const value of [
      '\t=cmd',
      '\rnote',
      '=1+1',
      '@SUM',
      "'=already quoted",
      "''+x",
      '-3',
      "'plain",
    ]) {
      const back = parseCsv(writeCsv(['v'], [[value]]));
      expect(undefuse(back.rows[0]?.cells[0] ?? ''), JSON.stringify(value)).toBe(value);
    }
  });
});
