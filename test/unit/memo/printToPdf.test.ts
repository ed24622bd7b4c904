// Runs the Electron printer against a fake 'electron' module: what the hidden window is allowed.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { pdfPrintOptions } from '../../../shared/memo';

type RequestListener = (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void;

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{
      options: Record<string, unknown>;
      destroyed: boolean;
      loaded: string;
      loads: string[];
      listeners: Map<string, () => void>;
    }>,
    onRequest: null as RequestListener | null,
    printed: [] as Array<Record<string, unknown>>,
    printedHtml: [] as string[],
    duringPrint: [] as boolean[],
  };
  class BrowserWindow {
    record: (typeof state.windows)[number];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.record = { options, destroyed: false, loaded: '', loads: [], listeners: new Map() };
      state.windows.push(this.record);
      this.webContents = {
        setWindowOpenHandler: () => undefined,
        on: (event: string, listener: () => void) => this.record.listeners.set(event, listener),
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
      this.record.loads.push(url);
    };
    isDestroyed = () => this.record.destroyed;
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
    const { createElectronPrinter } = await import('../../../electron/main/pdf/printToPdf.main');
    const printer = createElectronPrinter();
    const print = printer.printToPdf;
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
    // the window stays warm for the next export
    expect(win?.destroyed).toBe(false);
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

  it('reuses one warm window, recreates it after a crash, and frees it on release and close', async () => {
    const { createElectronPrinter } = await import('../../../electron/main/pdf/printToPdf.main');
    const before = fake.state.windows.length;
    const printer = createElectronPrinter();
    const options = pdfPrintOptions('A4', {
      memoId: 'NWL-M-2026-005',
      version: 2,
      fingerprint: 'b'.repeat(64),
      headerText: 'y',
    });
    const doc = (n: number) => `<!doctype html><html><head></head><body>${n}</body></html>`;
    // two exports asked for at once: one window, one document at a time, each its own file
    await Promise.all([printer.printToPdf(doc(1), options), printer.printToPdf(doc(2), options)]);
    await printer.printToPdf(doc(3), options);
    const windows = fake.state.windows.slice(before);
    expect(windows).toHaveLength(1);
    const [first] = windows;
    if (!first) throw new Error('no print window');
    expect(new Set(first.loads).size).toBe(3);
    expect(fake.state.printedHtml.slice(-3).map((h) => /<body>(\d)</.exec(h)?.[1])).toEqual([
      '1',
      '2',
      '3',
    ]);
    // its renderer crashes: the next export gets a new window, the dead one is destroyed
    first.listeners.get('render-process-gone')?.();
    await printer.printToPdf(doc(4), options);
    const second = fake.state.windows.at(-1);
    expect(fake.state.windows.slice(before)).toHaveLength(2);
    expect(first.destroyed).toBe(true);
    expect(second?.destroyed).toBe(false);
    // the main window closed: the print window goes; a later export opens another
    await printer.release();
    expect(second?.destroyed).toBe(true);
    await printer.printToPdf(doc(5), options);
    const third = fake.state.windows.at(-1);
    expect(fake.state.windows.slice(before)).toHaveLength(3);
    // quitting: freed, and no window comes back
    await printer.close();
    expect(third?.destroyed).toBe(true);
    await expect(printer.printToPdf(doc(6), options)).rejects.toThrow('closed');
    expect(fake.state.windows.slice(before)).toHaveLength(3);
  });
});
