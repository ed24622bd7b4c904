// The memo stamp reader and verify on hostile files: long lines, many near-stamps, odd bytes.
// The linear scan is checked against the pattern it replaced (as a reference on short inputs).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseMarkdownStamp,
  readPdfTitle,
  verifyMemoFile,
  type FileForVerify,
} from '../../../shared/memo/verify';
import { fuzz, fuzzTimeout } from '../fuzz';

const FP = 'ab'.repeat(32);
const stampLine = `Memo NWL-M-2026-004 · version 3 · fingerprint SHA-256 ${FP}`;
const markdownFile = (text: string): FileForVerify => ({
  fileName: 'memo.md',
  kind: 'markdown',
  sha256: '0'.repeat(64),
  text,
  pdfTitle: null,
});

/** The pattern the reader used before (quadratic on a long line): the reference on short text. */
// eslint-disable-next-line regexp/no-super-linear-move -- the old pattern, a reference on short inputs only
const OLD_STAMP = /(?:Memo )?(\S+) · version (\d+) · fingerprint SHA-256 ([0-9a-f]{64})/g;
function oldParse(text: string) {
  let found: { memoId: string; version: number; fingerprint: string } | null = null;
  for (const m of text.matchAll(OLD_STAMP)) {
    found = { memoId: m[1] ?? '', version: Number(m[2]), fingerprint: m[3] ?? '' };
  }
  return found;
}

describe('memo stamp reader', () => {
  it('finds the stamp after a 1 MB line without spaces (it took minutes before)', () => {
    const text = `# Memo\n${'A'.repeat(1_000_000)}\n\n${stampLine}\n`;
    expect(parseMarkdownStamp(text)).toEqual({
      memoId: 'NWL-M-2026-004',
      version: 3,
      fingerprint: FP,
    });
    const verdict = verifyMemoFile(markdownFile(text), []);
    expect(verdict.outcome).toBe('unknown');
  });

  it('reads 1 MB of near-stamps and blank runs without backtracking', () => {
    const nearStamps = `x · version 1 · fingerprint SHA-256 ${'a'.repeat(63)}g `.repeat(12_000);
    expect(parseMarkdownStamp(nearStamps)).toBeNull();
    const blanks = `${' '.repeat(500_000)}x${'\t'.repeat(500_000)}y\n${stampLine}`;
    expect(verifyMemoFile(markdownFile(blanks), []).outcome).toBe('unknown');
  });

  it(
    'agrees with the old pattern on any text made of stamp pieces',
    () => {
      const piece = fc.constantFrom(
        'Memo ',
        'M-1',
        ' · version ',
        '12',
        ' · fingerprint SHA-256 ',
        FP,
        FP.slice(0, 10),
        'F',
        ' ',
        '\n',
        '\t',
        '·',
        'x',
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 30 }), fc.string(), (pieces, noise) => {
          const text = pieces.join('') + noise;
          expect(parseMarkdownStamp(text)).toEqual(oldParse(text));
        }),
        fuzz(2_000),
      );
    },
    fuzzTimeout(10_000),
  );

  it(
    'never throws on arbitrary text',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
          const verdict = verifyMemoFile(markdownFile(`${text}\n${stampLine}`), []);
          expect(verdict.memoId).toBe('NWL-M-2026-004');
        }),
        fuzz(500),
      );
    },
    fuzzTimeout(10_000),
  );
});

describe('PDF title reader', () => {
  it('reads literal and hex titles', () => {
    expect(readPdfTitle('<< /Title (M-1 v2 SHA-256 \\(x\\)) >>')).toBe('M-1 v2 SHA-256 (x)');
    expect(readPdfTitle('<< /Title <FEFF0041 0042> >>')).toBe('AB');
    expect(readPdfTitle('/Title /Other /Title (real)')).toBe('real');
    expect(readPdfTitle('no title here')).toBeNull();
  });

  it('stays linear on a hostile file: many /Title openings that never close', () => {
    const hostile = `/Title (${'\\\\'.repeat(1_000)}`.repeat(2_000) + '/Title <00ZZ';
    expect(readPdfTitle(hostile)).toBeNull();
    expect(readPdfTitle(`${'/Title '.repeat(100_000)}(found)`)).toBe('found');
  });
});
