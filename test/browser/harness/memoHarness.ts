// The browser harness's stand-ins for the memo feature's Electron-only deps: a PDF printer
// (Chromium's page.pdf with JavaScript disabled and every request refused, the same options as
// Electron's printToPDF), a file system whose next write can be made to fail, and a clipboard
// recorder.
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { withPageCss, type PdfPrintOptions } from '../../../shared/memo/pdfTemplates';
import {
  nodeMemoFileSystem,
  type MemoFileSystem,
} from '../../../electron/main/handlers/memo.handler';
import type { PrintToPdf } from '../../../electron/main/pdf/types';
import { createWarmPrinter } from '../../../electron/main/pdf/warmPrinter';
import { findChromium } from './detectRuntime';

const PRINT_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A printer over its own headless Chromium (started on first use). */
export interface PlaywrightPrinter {
  /** The PrintToPdf dep. */
  printToPdf: PrintToPdf;
  /** Opens the warm print page ahead of an export (memo.preparePdf). */
  prepare(): Promise<void>;
  /** Frees the warm print page (the next export opens a new one). */
  release(): Promise<void>;
  /** How many print pages were opened so far. */
  pagesOpened(): number;
  /** Closes the print page and the browser, if started. */
  close(): Promise<void>;
}

/**
 * Maps the shared print options to Playwright's page.pdf options (the header and footer are the
 * page CSS's margin boxes, so Chromium's own header/footer stays off).
 */
export function playwrightPdfOptions(options: PdfPrintOptions) {
  const m = options.margins;
  return {
    format: options.pageSize,
    printBackground: true,
    displayHeaderFooter: false,
    margin: {
      top: `${m.top}in`,
      bottom: `${m.bottom}in`,
      left: `${m.left}in`,
      right: `${m.right}in`,
    },
  };
}

/**
 * Creates the harness printer, the mirror of Electron's (printToPdf.main.ts): one warm page of a
 * script-less context that aborts every request, reused by every export (warmPrinter.ts).
 */
export function createPlaywrightPrinter(executablePath = findChromium()): PlaywrightPrinter {
  let started: Promise<{ browser: Browser; context: BrowserContext }> | null = null;
  const start = () => {
    started ??= (async () => {
      if (!executablePath) throw new Error('Chromium not found (set CHROMIUM_PATH)');
      const browser = await chromium.launch({ executablePath, headless: true, args: PRINT_FLAGS });
      browser.on('disconnected', () => {
        started = null;
      });
      const context = await browser.newContext({ javaScriptEnabled: false });
      await context.route('**/*', (route) => route.abort());
      return { browser, context };
    })();
    return started;
  };
  const warm = createWarmPrinter({
    createSurface: async () => {
      const { context } = await start();
      const page = await context.newPage();
      let crashed = false;
      page.on('crash', () => {
        crashed = true;
      });
      return {
        isUsable: () => !crashed && !page.isClosed(),
        destroy: () => page.close().catch(() => undefined),
        print: async (html, options) => {
          await page.setContent(withPageCss(html, options.pageCss), { waitUntil: 'load' });
          return new Uint8Array(await page.pdf(playwrightPdfOptions(options)));
        },
      };
    },
  });
  return {
    printToPdf: warm.printToPdf,
    prepare: () => warm.prepare(),
    release: () => warm.release(),
    pagesOpened: () => warm.surfacesCreated(),
    close: async () => {
      await warm.close();
      if (!started) return;
      const { browser } = await started;
      started = null;
      await browser.close();
    },
  };
}

/** A file system whose next write can be made to fail with an errno code. */
export interface FailableFileSystem extends MemoFileSystem {
  /** The next write fails with this code (ENOSPC, ENOENT, EACCES...). */
  failNextWrite(code: string): void;
}

/** The real file system with failure injection. */
export function createFailableFileSystem(
  base: MemoFileSystem = nodeMemoFileSystem,
): FailableFileSystem {
  let failure: string | null = null;
  return {
    writeFile: async (path, bytes) => {
      if (failure !== null) {
        const code = failure;
        failure = null;
        throw Object.assign(new Error(`${code}: simulated failure, write '${path}'`), { code });
      }
      return base.writeFile(path, bytes);
    },
    readFile: (path) => base.readFile(path),
    sizeOf: (path) => base.sizeOf(path),
    failNextWrite: (code) => {
      failure = code;
    },
  };
}
