// Hostile-file parsing speed, as ratios to reading the file (never absolute limits): the memo
// stamp reader and verify on a 1 MB line, and the CSV reader on a 1 MB one-cell file. Linear
// code stays within a small multiple of decoding the bytes; the quadratic pattern it replaced
// took 104 s at 200 KB.
import { describe, expect, it } from 'vitest';
import { guessMapping, parseCsv, planCsvImport } from '../../shared/csv';
import { parseMarkdownStamp, verifyMemoFile } from '../../shared/memo/verify';
import { median, reportBench } from './report';

const FP = 'ab'.repeat(32);
const RUNS = 9;

/** Median ms of `run` over RUNS runs (after one warm-up). */
function time(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

describe('parsers on hostile files', () => {
  it('memo stamp reader, verify and CSV on a 1 MB line, as a ratio to reading the file', async () => {
    const line = 'QUJD'.repeat(250_000); // base64-like, no blank: the worst case of \S+ before
    const md = `# Memo\n${line}\n\nMemo M-1 · version 1 · fingerprint SHA-256 ${FP}\n`;
    const bytes = new TextEncoder().encode(md);
    const csvBytes = new TextEncoder().encode(`name,notes\nAda,"${line}\n`);
    const read = time(() => new TextDecoder('utf-8').decode(bytes));
    const stamp = time(() => parseMarkdownStamp(new TextDecoder('utf-8').decode(bytes)));
    const verify = time(() =>
      verifyMemoFile(
        {
          fileName: 'm.md',
          kind: 'markdown',
          sha256: '',
          text: new TextDecoder('utf-8').decode(bytes),
          pdfTitle: null,
        },
        [],
      ),
    );
    const csvRead = time(() => new TextDecoder('utf-8').decode(csvBytes));
    const csv = time(() => parseCsv(new TextDecoder('utf-8').decode(csvBytes)));
    expect(parseMarkdownStamp(md)?.memoId).toBe('M-1');
    // 20,000 rows, each refused (influence 9): the plan looks refusals up per row.
    const rows = Array.from({ length: 20_000 }, (_, i) => `Person ${i};9;TBD`).join('\n');
    const table = parseCsv(`Name;Influence;Manager\n${rows}\n`);
    const context = {
      entity: 'stakeholder' as const,
      engagementId: 'e',
      existing: [],
      stakeholders: [],
    };
    const mapping = guessMapping('stakeholder', table.headers);
    const plan = time(() => planCsvImport(table, mapping, context));
    const refusedRows = planCsvImport(table, mapping, context).counts.refusedRows;
    expect(refusedRows).toBe(20_000);
    await reportBench('parsers', [
      { name: 'read 1 MB (decode)', value: read, unit: 'ms' },
      { name: 'stamp reader, 1 MB line', value: stamp, unit: 'ms' },
      { name: 'verify, 1 MB line', value: verify, unit: 'ms' },
      { name: 'stamp / read', value: stamp / read, unit: 'ratio', goal: '< 50' },
      { name: 'verify / read', value: verify / read, unit: 'ratio', goal: '< 50' },
      { name: 'CSV 1 MB unclosed cell', value: csv, unit: 'ms' },
      { name: 'CSV / read', value: csv / csvRead, unit: 'ratio', goal: '< 200' },
      { name: 'CSV plan, 20,000 refused rows', value: plan, unit: 'ms' },
    ]);
    expect(stamp / read).toBeLessThan(50);
    expect(verify / read).toBeLessThan(50);
  });
});
