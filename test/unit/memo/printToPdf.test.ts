// Runs the Electron printer against a fake 'electron' module: what the hidden window is allowed.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { pdfPrintOptions } from '../../../shared/memo';

type RequestListener = (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void;

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{ options: Record<string, unknown>; destroyed: boolean; loaded: string }>,
    onRequest: null as RequestListener | null,
    printed: [] as Array<Record<string, unknown>>,
    printedHtml: [] as string[],
    duringPrint: [] as boolean[],
  };
  class BrowserWindow {
    record: { options: Record<string, unknown>; destroyed: boolean; loaded: string };
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.record = { options, destroyed: false, loaded: '' };
      state.windows.push(this.record);
      this.webContents = {
        setWindowOpenHandler: () => undefined,
        on: () => undefined,
        printToPDF: async (o: Record<string, unknown>) => {
          state.printed.push(o);
          const { readFile: read } = await import('node:fs/promises');
          const { fileURLToPath: toPath } = await import('node:url');
          state.printedHtml.push(await read(toPath(this.record.loaded), 'utf8'));
          // while printing, the file itself may load
          state.onRequest?.({ url: this.record.loaded }, (r) => state.duringPrint.push(r.cancel));
          return Buffer.from('%PDF-1.4 fake');
        },
      };
    }
    loadURL = async (url: string) => {
      this.record.loaded = url;
    };
    destroy = () => {
      this.record.destroyed = true;
    };
  }
  const session = {
    fromPartition: () => ({
      webRequest: {
        onBeforeRequest: (listener: RequestListener) => {
          state.onRequest = listener;
        },
      },
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
    }),
  };
  return { state, electron: { BrowserWindow, session } };
});

vi.mock('electron', () => fake.electron);

describe('Electron printToPdf', () => {
  it('prints in a hidden script-less window whose session refuses everything but the file', async () => {
    const { createElectronPrintToPdf } = await import('../../../electron/main/pdf/printToPdf.main');
    const print = createElectronPrintToPdf();
    const options = pdfPrintOptions('Letter', {
      memoId: 'NWL-M-2026-004',
      version: 1,
      fingerprint: 'a'.repeat(64),
      headerText: 'x',
    });
    const bytes = await print(
      '<!doctype html><html><head><title>t</title></head><body><p>memo</p></body></html>',
      options,
    );
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.4 fake');
    const win = fake.state.windows[0];
    expect(win?.options).toMatchObject({
      show: false,
      webPreferences: {
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        partition: 'memo-print',
      },
    });
    expect(win?.options.webPreferences).not.toHaveProperty('preload');
    expect(win?.destroyed).toBe(true);
    expect(win?.loaded).toMatch(/^file:\/\/.*memo\.html$/);
    // the header and footer are the document's own @page margin boxes, not Chromium's templates
    expect(fake.state.printed[0]).toMatchObject({ pageSize: 'Letter', displayHeaderFooter: false });
    expect(fake.state.printed[0]).not.toHaveProperty('footerTemplate');
    expect(fake.state.printedHtml[0]).toBe(
      `<!doctype html><html><head><title>t</title><style>${options.pageCss}</style></head><body><p>memo</p></body></html>`,
    );
    // the temporary file is gone, and after printing even it is refused
    await expect(readFile(fileURLToPath(win?.loaded ?? 'file:///nope'))).rejects.toThrow();
    const answers: boolean[] = [];
    for (const url of [
      win?.loaded ?? '',
      'https://evil.example/x.png',
      'file:///etc/passwd',
      'data:text/html,x',
    ]) {
      fake.state.onRequest?.({ url }, (r) => answers.push(r.cancel));
    }
    expect(answers).toEqual([true, true, true, true]);
    expect(fake.state.duringPrint).toEqual([false]);
  });
});
