import { cleanText } from './escape';
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
  /**
   * CSS the printer adds to the document (see withPageCss): every page's header and footer as
   * `@page` margin boxes (memo id, version, "page X of Y", fingerprint), drawn by the document's
   * own layout instead of Chromium's header/footer templates, which build a separate page per
   * printed page (a quarter of the print time of a 200-page memo).
   */
  pageCss: string;
  /** Page margins in inches, for documents without their own `@page` margins. */
  margins: { top: number; bottom: number; left: number; right: number };
}

/**
 * A CSS string literal of user text: control and bidi-override characters removed, line ends
 * as spaces, and everything but letters, digits and spaces written as a CSS escape, so no
 * quote, backslash, brace or `</style>` can end the string or the style element.
 */
export function cssString(text: string): string {
  const clean = cleanText(text).replace(/\s+/g, ' ');
  let out = '"';
  for (const ch of clean) {
    out += /^[\p{L}\p{N} ]$/u.test(ch) ? ch : `\\${(ch.codePointAt(0) ?? 0).toString(16)} `;
  }
  return `${out}"`;
}

const BOX =
  'font-family: DejaVu Sans, Liberation Sans, Arial, sans-serif; font-size: 7px; color: #333;';
const TOP = `${BOX} vertical-align: top; padding-top: 0.2in;`;
const BOTTOM = `${BOX} vertical-align: bottom; padding-bottom: 0.2in;`;
/** One line, cut with an ellipsis: a long client name cannot push the memo id off the page. */
const CLIP = 'width: 70%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;';

/**
 * The print options of a memo: the header carries the client and memo id, the footer memo id,
 * version, "page X of Y" and fingerprint. The print window never shows the document, so the
 * page CSS also hides it on screen: Chromium then lays the memo out once, for print, instead of
 * for the window before and after printing too.
 */
export function pdfPrintOptions(pageSize: PageSize, fields: FooterFields): PdfPrintOptions {
  const clipped =
    fields.headerText.length > 90 ? `${fields.headerText.slice(0, 89)}…` : fields.headerText;
  const v = fields.version;
  const pageCss = `@media screen { body { display: none; } }
@page {
  @top-left { content: ${cssString(clipped)}; ${TOP} ${CLIP} }
  @top-right { content: ${cssString(`${fields.memoId} v${v}`)}; ${TOP} white-space: nowrap; }
  @bottom-left { content: ${cssString(`${fields.memoId} · version ${v} · page `)} counter(page) ${cssString(' of ')} counter(pages); ${BOTTOM} white-space: nowrap; }
  @bottom-right { content: ${cssString(`SHA-256 ${fields.fingerprint}`)}; ${BOTTOM} white-space: nowrap; }
}`;
  return {
    pageSize,
    pageCss,
    margins: { top: 0.75, bottom: 0.8, left: 0.6, right: 0.6 },
  };
}

/**
 * The document to print: `html` with the page CSS in a style element of its own, placed before
 * `</head>` (or first, for a fragment). The print document's CSP allows inline styles.
 */
export function withPageCss(html: string, pageCss: string): string {
  const style = `<style>${pageCss.replace(/</g, '\\3c ')}</style>`;
  const head = html.search(/<\/head\s*>/i);
  return head < 0 ? `${style}${html}` : `${html.slice(0, head)}${style}${html.slice(head)}`;
}
