// The PDF printer of the Electron app: one hidden, script-less, sandboxed window on its own
// in-memory session that refuses every request except the temporary file it prints. The window
// stays warm between exports (warmPrinter.ts: serialized, recreated after a crash, released when
// idle, on main-window close and on quit).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { withPageCss } from '@shared/memo/pdfTemplates';
import { PRINT_PARTITION, PRINT_WINDOW_PREFERENCES, isAllowedPrintRequest } from './printWindow';
import { createWarmPrinter, type PrintSurface, type WarmPrinter } from './warmPrinter';

/** Creates the Electron printer (call after 'ready' only when printing). */
export function createElectronPrinter(): WarmPrinter {
  const printing = new Set<string>();
  let sessionReady = false;

  function prepareSession(): void {
    if (sessionReady) return;
    const ses = session.fromPartition(PRINT_PARTITION, { cache: false });
    ses.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !isAllowedPrintRequest(details.url, printing) });
    });
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    sessionReady = true;
  }

  async function createPrintWindow(): Promise<PrintSurface> {
    prepareSession();
    const win = new BrowserWindow({ show: false, webPreferences: { ...PRINT_WINDOW_PREFERENCES } });
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    let crashed = false;
    win.webContents.on('render-process-gone', () => {
      crashed = true;
    });
    return {
      isUsable: () => !crashed && !win.isDestroyed(),
      destroy: () => {
        if (!win.isDestroyed()) win.destroy();
      },
      print: async (html, options) => {
        const dir = await mkdtemp(join(tmpdir(), 'workbench-print-'));
        const file = join(dir, 'memo.html');
        await writeFile(file, withPageCss(html, options.pageCss), {
          encoding: 'utf8',
          mode: 0o600,
        });
        const url = pathToFileURL(file).toString();
        printing.add(url);
        try {
          await win.loadURL(url);
          const pdf = await win.webContents.printToPDF({
            pageSize: options.pageSize,
            printBackground: true,
            // header and footer: the page CSS's @page margin boxes (pdfTemplates.ts)
            displayHeaderFooter: false,
            margins: options.margins,
          });
          return new Uint8Array(pdf);
        } finally {
          printing.delete(url);
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  }

  return createWarmPrinter({ createSurface: createPrintWindow });
}
