// The memo's print HTML lays out inside the page whatever the text: every text fragment of the
// body (facts, table cells, headings, quotes, lists) is checked in Chromium at the printed width,
// on a fixed sample of generated strings (fast-check, fixed seed); header and footer through the
// PDF's word boxes (pdftotext -bbox). Also: a forged enumeration value prints as text.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  composeMemo,
  pdfPrintOptions,
  renderMemoHtml,
  withPageCss,
  type ComposedMemo,
} from '../../shared/memo';
import { findChromium } from './harness/detectRuntime';
import { repoRoot } from './harness/paths';
import { playwrightPdfOptions } from './harness/memoHarness';
import { sample, sampleMemoOptions } from '../unit/memo/fixtures';
import { FUZZ_SEED } from '../unit/fuzz';

/** A4 less the print stylesheet's side margins (16 mm each): 178 mm in CSS pixels. */
const PRINT_WIDTH = Math.floor((178 / 25.4) * 96);

let browser: Browser;
let page: Page;
let dir: string;
let base: ComposedMemo;

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found (set CHROMIUM_PATH)');
  browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: PRINT_WIDTH, height: 900 } });
  await context.route('**/*', (route) => route.abort());
  page = await context.newPage();
  await page.emulateMedia({ media: 'print' });
  // Kept for a look (pdftoppm -png -r 60): test-results/ is not committed.
  dir = join(repoRoot, 'test-results/print-layout');
  await mkdir(dir, { recursive: true });
  const data = sample();
  base = await composeMemo(data, sampleMemoOptions(data), 'issued');
});

afterAll(async () => {
  await browser?.close();
});

/** The memo model with every string replaced by the next of `texts` (enumerations included). */
function withTexts(memo: ComposedMemo['memo'], texts: readonly string[]): ComposedMemo['memo'] {
  let i = 0;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return texts[i++ % texts.length];
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  return walk(memo) as ComposedMemo['memo'];
}

/** Text fragments of the laid-out body that reach past the page's width (none expected). */
async function overflowing(html: string) {
  await page.setContent(html);
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: { tag: string; text: string; left: number; right: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width > 0 && (rect.right > width + 0.5 || rect.left < -0.5)) {
          const tag = `${node.parentElement?.tagName}.${node.parentElement?.className}`;
          out.push({ tag, text: (node.textContent ?? '').slice(0, 30), ...rect.toJSON() });
          break;
        }
      }
    }
    return { width, scrollWidth: document.documentElement.scrollWidth, out };
  });
}

/** Prints the memo HTML as the app does (page CSS header and footer) and returns the PDF path. */
async function printPdf(html: string, name: string, headerText: string): Promise<string> {
  const options = pdfPrintOptions('A4', {
    memoId: 'NWL-M-2026-004',
    version: 1,
    fingerprint: base.fingerprint,
    headerText,
  });
  await page.setContent(withPageCss(html, options.pageCss));
  const file = join(dir, `${name}.pdf`);
  await page.pdf({ ...playwrightPdfOptions(options), path: file });
  return file;
}

const pdfText = (file: string): string =>
  execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

/** Every word box of a PDF that reaches past its page's right edge (pdftotext -bbox). */
function wordsOffPage(file: string): string[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const off: string[] = [];
  for (const pageXml of xml.split('<page ').slice(1)) {
    const width = Number(/^width="([\d.]+)"/.exec(pageXml)?.[1]);
    for (const m of pageXml.matchAll(
      /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</g,
    )) {
      if (Number(m[2]) > width + 0.5 || Number(m[1]) < -0.5) off.push(m[3] ?? '');
    }
  }
  return off;
}

const render = (memo: ComposedMemo['memo']) =>
  renderMemoHtml(memo, { fingerprint: base.fingerprint, state: 'issued' });

describe('memo print layout', () => {
  it('a long unbroken word in the facts line wraps inside the page and is printed whole', async () => {
    const word = 'W'.repeat(900);
    const item = base.memo.items[0];
    expect(item).toBeDefined();
    const owner = { id: 'p1', name: word, title: `T${'x'.repeat(300)}`, orgUnit: '' };
    const memo = { ...base.memo, items: [{ ...item!, owner, targetDate: 'D'.repeat(400) }] };
    const html = render(memo);
    const layout = await overflowing(html);
    expect(layout.out).toEqual([]);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
    const file = await printPdf(html, 'long-word', 'Client');
    expect(pdfText(file).replace(/\s+/g, '')).toContain(word);
    expect(wordsOffPage(file)).toEqual([]);
  });

  it('a forged enumeration value (rating, status, channel) prints as text, never as markup', async () => {
    const forged = '</span><style>body{display:none}</style>';
    const item = base.memo.items[0]!;
    const memo = {
      ...base.memo,
      items: [{ ...item, rating: forged, status: `${forged}s` }],
      summary: base.memo.summary.map((r) => ({ ...r, rating: forged })),
    } as unknown as ComposedMemo['memo'];
    const html = render(memo);
    await page.setContent(html);
    expect(await page.locator('style').count()).toBe(1);
    expect(await page.locator('body').isVisible()).toBe(true);
    const file = await printPdf(html, 'forged', 'Client');
    const text = pdfText(file).replace(/\s+/g, '');
    expect(text).toContain('</span><style>body{display:none}</style>s');
    expect(text).toContain('Item1.');
  });

  it('generated text of every kind lays out inside the page width (fixed-seed sample)', async () => {
    const strings = fc.sample(
      fc.oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        fc
          .constantFrom('x', 'ש', '😀', '—', '<b>', '&amp;', '\u202E', ' ')
          .map((c) => c.repeat(300)),
        fc.string({
          unit: fc.constantFrom('a', 'W', 'م', '\u00AD', '/', '-'),
          minLength: 200,
          maxLength: 600,
        }),
      ),
      { seed: FUZZ_SEED, numRuns: 120 },
    );
    const runs = Number(process.env.FUZZ_RUNS ?? 0) > 0 ? 12 : 4;
    for (let run = 0; run < runs; run += 1) {
      const texts = strings.slice(run * 7).concat(strings.slice(0, run * 7));
      const layout = await overflowing(render(withTexts(base.memo, texts)));
      expect(layout.out, `sample ${run}`).toEqual([]);
      expect(layout.scrollWidth, `sample ${run}`).toBeLessThanOrEqual(layout.width);
    }
    // Header and footer (page margin boxes, not in the DOM): a long client name in the PDF.
    const longClient = strings.find((s) => s.length >= 300) ?? 'C'.repeat(300);
    const file = await printPdf(render(withTexts(base.memo, strings)), 'sample', longClient);
    expect(wordsOffPage(file)).toEqual([]);
  });
});
