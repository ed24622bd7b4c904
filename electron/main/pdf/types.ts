import type { PdfPrintOptions } from '@shared/memo/pdfTemplates';

/**
 * Prints a standalone HTML document to PDF bytes, in a context that runs no script and loads
 * nothing remote. Electron: a hidden BrowserWindow's printToPDF (printToPdf.main.ts); browser
 * tests: Playwright's page.pdf with JavaScript disabled (harnessBridge.ts).
 */
export type PrintToPdf = (html: string, options: PdfPrintOptions) => Promise<Uint8Array>;
