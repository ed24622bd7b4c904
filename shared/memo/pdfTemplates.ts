import { escapeHtml } from './escape';
import type { PageSize } from './printCss';

/** The fields printed in every PDF page's footer. */
export interface FooterFields {
  /** Memo (or dossier) id. */
  memoId: string;
  /** Version. */
  version: number;
  /** Content fingerprint (SHA-256 hex). */
  fingerprint: string;
  /** Short text for the header, for example the client's name. */
  headerText: string;
}

/**
 * Options for Chromium's PDF printer, shared by Electron's webContents.printToPDF and
 * Playwright's page.pdf (each maps them to its own option names). Margins are in inches.
 */
export interface PdfPrintOptions {
  /** A4 or US Letter. */
  pageSize: PageSize;
  /** HTML of the page header (Chromium fills .pageNumber and .totalPages). */
  headerTemplate: string;
  /** HTML of the page footer: memo id, version, page X of Y, fingerprint. */
  footerTemplate: string;
  /** Page margins in inches; header and footer are drawn inside the top and bottom ones. */
  margins: { top: number; bottom: number; left: number; right: number };
}

const TEMPLATE_STYLE =
  'font-family: DejaVu Sans, Liberation Sans, Arial, sans-serif; font-size: 7px; color: #333; width: 100%; padding: 0 0.6in; display: flex; justify-content: space-between; gap: 8px;';

/** One line, cut with an ellipsis: a long client name cannot run off the page. */
const CLIP =
  'overflow: hidden; white-space: nowrap; text-overflow: ellipsis; max-width: 70%; min-width: 0;';

/** The print options of a memo: the footer carries memo id, version, "page X of Y", fingerprint. */
export function pdfPrintOptions(pageSize: PageSize, fields: FooterFields): PdfPrintOptions {
  const id = escapeHtml(fields.memoId);
  const clipped =
    fields.headerText.length > 90 ? `${fields.headerText.slice(0, 89)}…` : fields.headerText;
  const header = `<div style="${TEMPLATE_STYLE}"><span style="${CLIP}">${escapeHtml(clipped)}</span><span style="white-space: nowrap;">${id} v${fields.version}</span></div>`;
  const footer = `<div style="${TEMPLATE_STYLE}"><span>${id} · version ${fields.version} · page <span class="pageNumber"></span> of <span class="totalPages"></span></span><span>SHA-256 ${escapeHtml(fields.fingerprint)}</span></div>`;
  return {
    pageSize,
    headerTemplate: header,
    footerTemplate: footer,
    margins: { top: 0.75, bottom: 0.8, left: 0.6, right: 0.6 },
  };
}
