import { cpus } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import {
  composeMemo,
  htmlOf,
  pdfPrintOptions,
  withPageCss,
  type MemoOptions,
} from '../../shared/memo';
import { createPlaywrightPrinter, playwrightPdfOptions } from '../browser/harness/memoHarness';
import { findChromium } from '../browser/harness/detectRuntime';
import { buildLargeEngagement } from '../fixtures/largeEngagement';
import { median, percentile, reportBench } from './report';

/**
 * A memo of 200 raised issues with 600 acknowledgements (the generator's engagement, cut to
 * size): Markdown = build the model + canonical JSON + SHA-256 + render; PDF = the app's print
 * path (the harness's printToPdf: its one warm page of a script-less context, page.setContent +
 * page.pdf, header and footer as @page margin boxes), beside Chromium alone printing the same
 * HTML in a plain page; the two alternate run by run. Also: the first export on a new print page.
 */
const data = buildLargeEngagement({
  notes: 0,
  raisedIssues: 200,
  acknowledgements: 600,
  stakeholders: 120,
  risks: 150,
  ownershipAreas: 60,
});
const options: MemoOptions = {
  memoId: 'BIG-M-2026-001',
  version: 1,
  date: '2026-06-15',
  recipientIds: data.stakeholders.slice(0, 2).map((s) => s.id),
  ccIds: data.stakeholders.slice(2, 4).map((s) => s.id),
  scope: { kind: 'selected', issueIds: data.raisedIssues.map((i) => i.id) },
  excludeInternal: false,
};

const printer = createPlaywrightPrinter();
afterAll(() => printer.close());

describe('memo benchmark', () => {
  it('Markdown and PDF of a 200-issue, 600-acknowledgement memo', async () => {
    expect(data.raisedIssues).toHaveLength(200);
    expect(data.acknowledgements).toHaveLength(600);
    const mdTimes: number[] = [];
    let composed = await composeMemo(data, options, 'issued');
    for (let run = 0; run < 15; run += 1) {
      const t0 = performance.now();
      composed = await composeMemo(data, options, 'issued');
      mdTimes.push(performance.now() - t0);
    }
    const html = htmlOf(composed, 'issued');
    const print = pdfPrintOptions('A4', {
      memoId: options.memoId,
      version: 1,
      fingerprint: composed.fingerprint,
      headerText: data.engagement.client,
    });

    // Chromium alone: a plain page, the same HTML as printed (with the page CSS), same options
    const browser = await chromium.launch({
      executablePath: findChromium() ?? undefined,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const printed = withPageCss(html, print.pageCss);
    const pdfTimes: number[] = [];
    const baseline: number[] = [];
    const firstExport: number[] = [];
    let pdf: Uint8Array = new Uint8Array();
    try {
      const page = await browser.newPage();
      const chromiumAlone = async () => {
        await page.setContent(printed);
        await page.pdf(playwrightPdfOptions(print));
      };
      // warm-up: browser starts, the app's print page is opened once and kept
      await printer.printToPdf(html, print);
      await chromiumAlone();
      // alternated, so both see the same machine load
      for (let run = 0; run < 5; run += 1) {
        const t0 = performance.now();
        pdf = await printer.printToPdf(html, print);
        pdfTimes.push(performance.now() - t0);
        const t1 = performance.now();
        await chromiumAlone();
        baseline.push(performance.now() - t1);
      }
      expect(printer.pagesOpened()).toBe(1);
      // the first export after the print page was released (app start, idle, window closed)
      for (let run = 0; run < 3; run += 1) {
        await printer.release();
        const t0 = performance.now();
        await printer.printToPdf(html, print);
        firstExport.push(performance.now() - t0);
      }
      expect(printer.pagesOpened()).toBe(4);
    } finally {
      await browser.close();
    }
    const pages = (new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page[^s]/g) ?? [])
      .length;

    expect(composed.memo.items.length).toBeGreaterThan(100);
    await reportBench('memo', [
      { name: 'items in the memo', value: composed.memo.items.length, unit: 'count' },
      {
        name: 'acknowledgements cited',
        value: composed.cited.acknowledgementIds.length,
        unit: 'count',
      },
      { name: 'Markdown bytes', value: composed.markdown.length, unit: 'bytes' },
      {
        name: 'Markdown build+fingerprint+render median',
        value: median(mdTimes),
        unit: 'ms',
        goal: '< 100 ms',
      },
      { name: 'Markdown p95', value: percentile(mdTimes, 95), unit: 'ms' },
      { name: 'HTML bytes', value: html.length, unit: 'bytes' },
      {
        name: 'PDF (app print path) median',
        value: median(pdfTimes),
        unit: 'ms',
        goal: '< 1500 ms',
      },
      { name: 'PDF bytes', value: pdf.byteLength, unit: 'bytes' },
      { name: 'PDF pages', value: pages, unit: 'count' },
      { name: 'CPUs (other suites may run alongside)', value: cpus().length, unit: 'count' },
      {
        name: 'Chromium alone (setContent + page.pdf) median',
        value: median(baseline),
        unit: 'ms',
      },
      { name: 'PDF / Chromium alone', value: median(pdfTimes) / median(baseline), unit: 'ratio' },
      {
        name: 'PDF first export (new print page) median',
        value: median(firstExport),
        unit: 'ms',
      },
    ]);
  }, 300_000);
});
