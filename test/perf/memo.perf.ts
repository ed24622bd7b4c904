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
 * path (the harness's printToPdf: script-less context, page.setContent + page.pdf, header and
 * footer as @page margin boxes), beside Chromium alone printing the same HTML in a plain page.
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

    // the app's print path
    await printer.printToPdf(html, print); // warm-up (browser start)
    const pdfTimes: number[] = [];
    let pdf: Uint8Array = new Uint8Array();
    for (let run = 0; run < 5; run += 1) {
      const t0 = performance.now();
      pdf = await printer.printToPdf(html, print);
      pdfTimes.push(performance.now() - t0);
    }
    const pages = (new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page[^s]/g) ?? [])
      .length;

    // Chromium alone: a plain page, the same HTML as printed (with the page CSS), same options
    const browser = await chromium.launch({
      executablePath: findChromium() ?? undefined,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const baseline: number[] = [];
    const printed = withPageCss(html, print.pageCss);
    try {
      const page = await browser.newPage();
      await page.setContent(printed);
      await page.pdf(playwrightPdfOptions(print));
      for (let run = 0; run < 5; run += 1) {
        const t0 = performance.now();
        await page.setContent(printed);
        await page.pdf(playwrightPdfOptions(print));
        baseline.push(performance.now() - t0);
      }
    } finally {
      await browser.close();
    }

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
    ]);
  }, 300_000);
});
