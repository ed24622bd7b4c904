import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  displayFileName,
  fileExtension,
  fileNameWasCleaned,
} from '../../../shared/attachments/fileName';
import { MAX_ATTACHMENT_BYTES, sizeProblem } from '../../../shared/attachments/limits';

describe('displayFileName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(displayFileName('Disk alert 2026-03-02.png')).toBe('Disk alert 2026-03-02.png');
    expect(fileNameWasCleaned('Disk alert 2026-03-02.png')).toBe(false);
  });

  it('drops folders given with either separator', () => {
    expect(displayFileName('../../etc/passwd')).toBe('passwd');
    expect(displayFileName('C:\\Users\\dana\\report.pdf')).toBe('report.pdf');
    expect(fileNameWasCleaned('../x.pdf')).toBe(true);
  });

  it('removes right-to-left overrides and other direction controls', () => {
    expect(displayFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(displayFileName('a\u2066b\u2069\u200F.txt')).toBe('ab.txt');
    expect(fileExtension('invoice\u202Efdp.exe')).toBe('exe');
  });

  it('replaces reserved characters, strips controls and leading dots, never empty', () => {
    expect(displayFileName('a:b*c?.txt')).toBe('a_b_c_.txt');
    expect(displayFileName('tab\there\u0000.txt')).toBe('tabhere.txt');
    expect(displayFileName('.bashrc')).toBe('bashrc');
    expect(displayFileName('///')).toBe('attachment');
    expect(displayFileName('\u202E')).toBe('attachment');
  });

  it('shortens long names to 200 characters, keeping the extension', () => {
    const shown = displayFileName(`${'x'.repeat(500)}.pdf`);
    expect(shown).toHaveLength(200);
    expect(shown.endsWith('.pdf')).toBe(true);
  });

  it('never returns separators, controls or bidi overrides, and is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const shown = displayFileName(raw);
        expect(shown.length).toBeGreaterThan(0);
        expect(Array.from(shown).length).toBeLessThanOrEqual(200);
        const bad = Array.from(shown).filter((ch) => {
          const code = ch.codePointAt(0) ?? 0;
          return ch === '/' || ch === '\\' || code < 0x20 || (code >= 0x202a && code <= 0x202e);
        });
        expect(bad).toEqual([]);
        expect(shown.startsWith('.')).toBe(false);
        expect(displayFileName(shown)).toBe(shown);
      }),
      { seed: 16, numRuns: 500 },
    );
  });
});

describe('sizeProblem', () => {
  it('refuses an empty file and one over 100 MB, with the size in words', () => {
    expect(sizeProblem(0)).toMatch(/empty \(0 bytes\)/);
    expect(sizeProblem(2_147_483_648)).toBe(
      'This file is 2,148 MB; attachments are limited to 100 MB.',
    );
    expect(sizeProblem(MAX_ATTACHMENT_BYTES)).toBeNull();
    expect(sizeProblem(MAX_ATTACHMENT_BYTES + 1)).toMatch(/limited to 100 MB/);
    expect(sizeProblem(1)).toBeNull();
    expect(sizeProblem(Number.NaN)).toMatch(/could not be read/);
  });
});
