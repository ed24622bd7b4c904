import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import { MAX_SEARCH_TEXT } from '@shared/attachments/searchText';

let port: Worker | null = null;

/** pdf.js's worker, started once and shared. */
function workerPort(): Worker {
  port ??= new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module' });
  GlobalWorkerOptions.workerPort = port;
  return port;
}

/**
 * Opens a PDF from its bytes with nothing run and nothing fetched: no eval, no scripting (pdf.js
 * runs PDF JavaScript only through its scripting sandbox, which is never loaded), no XFA, no
 * remote fonts or CMaps (no URLs given), no range or stream loading.
 */
export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  workerPort();
  return getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    useSystemFonts: false,
    stopAtErrors: false,
  }).promise;
}

/** The text of a PDF's first pages for search (at most 200 pages, MAX_SEARCH_TEXT characters). */
export async function pdfSearchText(bytes: Uint8Array): Promise<string> {
  const doc = await openPdf(bytes);
  try {
    let text = '';
    const pages = Math.min(doc.numPages, 200);
    for (let n = 1; n <= pages && text.length < MAX_SEARCH_TEXT; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent();
      for (const item of content.items) if ('str' in item) text += `${item.str} `;
      text += '\n';
    }
    return text.slice(0, MAX_SEARCH_TEXT);
  } finally {
    await doc.destroy();
  }
}
