// The PDF's page CSS: header and footer as @page margin boxes, user text as CSS strings.
import { describe, expect, it } from 'vitest';
import { cssString, pdfPrintOptions, withPageCss } from '../../../shared/memo';

/** The text of every CSS string literal in `css`, escapes resolved (what Chromium prints). */
function cssStrings(css: string): string[] {
  return [...css.matchAll(/"((?:[^"\\]|\\[0-9a-f]{1,6} ?|\\[^0-9a-f])*)"/gi)].map((m) =>
    (m[1] ?? '').replace(/\\([0-9a-f]{1,6}) ?|\\(.)/gi, (_all, hex: string, ch: string) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : ch,
    ),
  );
}

/** The declarations of one margin box, e.g. "bottom-left". */
function marginBox(css: string, box: string): string {
  return new RegExp(`@${box} \\{([^}]*)\\}`).exec(css)?.[1] ?? '';
}

const FP = 'ab'.repeat(32);

describe('pdfPrintOptions', () => {
  it('prints memo id, version, page X of Y and fingerprint in the footer, client and id in the header', () => {
    const { pageCss, pageSize } = pdfPrintOptions('A4', {
      memoId: 'NWL-M-2026-004',
      version: 2,
      fingerprint: FP,
      headerText: 'Northwind Learning',
    });
    expect(pageSize).toBe('A4');
    const left = marginBox(pageCss, 'bottom-left');
    expect(cssStrings(left)).toEqual(['NWL-M-2026-004 · version 2 · page ', ' of ']);
    expect(left).toMatch(/counter\(page\)\s+"[^"]*"\s+counter\(pages\)/);
    expect(cssStrings(marginBox(pageCss, 'bottom-right'))).toEqual([`SHA-256 ${FP}`]);
    expect(cssStrings(marginBox(pageCss, 'top-left'))).toEqual(['Northwind Learning']);
    expect(cssStrings(marginBox(pageCss, 'top-right'))).toEqual(['NWL-M-2026-004 v2']);
    // the print window never shows the document: no layout for the screen
    expect(pageCss).toContain('@media screen { body { display: none; } }');
  });

  it('keeps hostile header text inside its string: quotes, backslashes, braces, </style>', () => {
    const hostile =
      'A "quoted" \\ name } @page { } </style><script>alert(1)</script>\u202e\n مرحبا 🚀';
    const { pageCss } = pdfPrintOptions('Letter', {
      memoId: 'NWL-M-2026-004',
      version: 1,
      fingerprint: FP,
      headerText: hostile,
    });
    expect(pageCss).not.toMatch(/<|\u202e/);
    // still exactly four margin boxes, and the header prints the text (override and line end gone)
    expect(pageCss.match(/@(top|bottom)-(left|right) \{/g)).toHaveLength(4);
    expect(cssStrings(marginBox(pageCss, 'top-left'))).toEqual([
      'A "quoted" \\ name } @page { } </style><script>alert(1)</script> مرحبا 🚀',
    ]);
  });

  it('cuts a long header to 90 characters with an ellipsis', () => {
    const { pageCss } = pdfPrintOptions('A4', {
      memoId: 'X-M-2026-001',
      version: 1,
      fingerprint: FP,
      headerText: 'x'.repeat(200),
    });
    expect(cssStrings(marginBox(pageCss, 'top-left'))).toEqual([`${'x'.repeat(89)}…`]);
  });
});

describe('cssString', () => {
  it('writes everything but letters, digits and spaces as escapes', () => {
    expect(cssString('Ab 1')).toBe('"Ab 1"');
    expect(cssString('a"b')).toBe('"a\\22 b"');
    expect(cssString('\\')).toBe('"\\5c "');
    expect(cssString('<')).toBe('"\\3c "');
  });
});

describe('withPageCss', () => {
  it('adds the page CSS as a style element at the end of the head', () => {
    const html = '<!doctype html><html><head><title>t</title></head><body>x</body></html>';
    expect(withPageCss(html, '@page { margin: 1cm; }')).toBe(
      '<!doctype html><html><head><title>t</title><style>@page { margin: 1cm; }</style></head><body>x</body></html>',
    );
  });

  it('puts it first in a fragment without a head', () => {
    expect(withPageCss('<p>x</p>', 'p { color: red; }')).toBe(
      '<style>p { color: red; }</style><p>x</p>',
    );
  });
});
