// A PDF printer that keeps one print surface warm between exports (plain logic, no Electron):
// creating a fresh window or page per export cost about as much as half the print itself.
import type { PdfPrintOptions } from '@shared/memo/pdfTemplates';
import type { PrintToPdf } from './types';

/**
 * One reusable, script-less print surface: Electron's hidden print window (printToPdf.main.ts),
 * or a page of the browser harness's JavaScript-free context (memoHarness.ts).
 */
export interface PrintSurface {
  /** Shows `document` (a standalone HTML document, page CSS included) and prints it to PDF. */
  print(document: string, options: PdfPrintOptions): Promise<Uint8Array>;
  /** False once the surface was closed or destroyed or its renderer crashed. */
  isUsable(): boolean;
  /** Frees the surface (called at most once per surface). */
  destroy(): void | Promise<void>;
}

/** Options of createWarmPrinter. */
export interface WarmPrinterOptions {
  /** Creates a new surface: on first use, and after one was released, crashed or destroyed. */
  createSurface(): Promise<PrintSurface>;
  /** Releases the warm surface after this long without an export (default 5 minutes). */
  idleMs?: number;
}

/** A printer over one warm, reused surface. */
export interface WarmPrinter {
  /** The PrintToPdf dep: exports run one at a time, in the order they were asked for. */
  printToPdf: PrintToPdf;
  /**
   * Makes the surface ready ahead of the first export (the memo composer asks when it opens),
   * so that export does not pay for a new window; harmless when it is ready already.
   */
  prepare(): Promise<void>;
  /** Frees the warm surface once the exports already asked for are done; a later export makes a new one. */
  release(): Promise<void>;
  /** Releases the surface for good: later exports are refused (app quit). */
  close(): Promise<void>;
  /** How many surfaces were created so far (for tests and the benchmark). */
  surfacesCreated(): number;
}

/** The default idle time after which the warm surface is released. */
export const PRINT_SURFACE_IDLE_MS = 5 * 60_000;

/**
 * Creates the warm printer. Exports are serialized (one surface prints one document at a time);
 * a surface that is no longer usable is replaced, and an export whose surface crashed while
 * printing is tried once more on a new surface. Any other failure also drops the surface, so
 * the next export starts clean.
 */
export function createWarmPrinter(options: WarmPrinterOptions): WarmPrinter {
  const idleMs = options.idleMs ?? PRINT_SURFACE_IDLE_MS;
  let surface: PrintSurface | null = null;
  let created = 0;
  let closed = false;
  let tail: Promise<unknown> = Promise.resolve();
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  /** Runs `task` after every task queued before it, whatever their outcome. */
  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  }

  async function drop(): Promise<void> {
    const old = surface;
    surface = null;
    if (!old) return;
    try {
      await old.destroy();
    } catch {
      // already gone: nothing left to free
    }
  }

  function clearIdle(): void {
    if (idleTimer !== null) clearTimeout(idleTimer);
    idleTimer = null;
  }

  function armIdle(): void {
    clearIdle();
    if (closed || idleMs <= 0 || idleMs === Number.POSITIVE_INFINITY) return;
    idleTimer = setTimeout(() => {
      idleTimer = null;
      void enqueue(drop);
    }, idleMs);
    // never keeps a Node process (the test harness) alive on its own
    (idleTimer as { unref?: () => void }).unref?.();
  }

  async function usableSurface(): Promise<PrintSurface> {
    if (surface && surface.isUsable()) return surface;
    await drop();
    const fresh = await options.createSurface();
    created += 1;
    surface = fresh;
    return fresh;
  }

  async function printOnce(document: string, print: PdfPrintOptions): Promise<Uint8Array> {
    const current = await usableSurface();
    try {
      return await current.print(document, print);
    } catch (error) {
      const crashed = !current.isUsable();
      await drop();
      if (crashed) throw new SurfaceLostError(error);
      throw error;
    }
  }

  const printToPdf: PrintToPdf = (document, print) =>
    enqueue(async () => {
      if (closed) throw new Error('The PDF printer is closed.');
      clearIdle();
      try {
        return await printOnce(document, print);
      } catch (error) {
        if (!(error instanceof SurfaceLostError) || closed) throw unwrap(error);
        // the window or page died under the export: once more, on a new one
        return await printOnce(document, print).catch((again: unknown) => {
          throw unwrap(again);
        });
      } finally {
        armIdle();
      }
    });

  return {
    printToPdf,
    prepare: () =>
      enqueue(async () => {
        if (closed) return;
        await usableSurface();
        armIdle();
      }),
    release: () =>
      enqueue(async () => {
        clearIdle();
        await drop();
      }),
    close: () => {
      closed = true;
      clearIdle();
      return enqueue(drop);
    },
    surfacesCreated: () => created,
  };
}

/** A print failed because its surface crashed or was destroyed meanwhile. */
class SurfaceLostError extends Error {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
  }
}

function unwrap(error: unknown): unknown {
  return error instanceof SurfaceLostError ? error.original : error;
}
