// The warm printer's rules, over scripted surfaces: reuse, one export at a time, recreation
// after a crash or destroy, release on idle / window close / quit.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pdfPrintOptions } from '../../../shared/memo';
import { createWarmPrinter, type PrintSurface } from '../../../electron/main/pdf/warmPrinter';

const OPTIONS = pdfPrintOptions('A4', {
  memoId: 'NWL-M-2026-004',
  version: 1,
  fingerprint: 'a'.repeat(64),
  headerText: 'Northwind',
});

interface ScriptedSurface extends PrintSurface {
  id: number;
  destroyed: boolean;
  crashed: boolean;
  printed: string[];
}

/** Surfaces that print `pdf:<id>:<document>`; a print can be held open or made to crash. */
function scripted() {
  const surfaces: ScriptedSurface[] = [];
  let active = 0;
  let maxActive = 0;
  let crashes = 0;
  let nextError: string | null = null;
  const gates: Array<() => void> = [];
  const createSurface = vi.fn(async (): Promise<PrintSurface> => {
    const s: ScriptedSurface = {
      id: surfaces.length + 1,
      destroyed: false,
      crashed: false,
      printed: [],
      isUsable: () => !s.destroyed && !s.crashed,
      destroy: () => {
        s.destroyed = true;
      },
      print: async (document) => {
        if (!s.isUsable()) throw new Error('surface gone');
        active += 1;
        maxActive = Math.max(maxActive, active);
        try {
          // a few turns of the event loop's microtasks: overlapping prints would interleave here
          for (let i = 0; i < 5; i += 1) await Promise.resolve();
          if (holding) await new Promise<void>((resolve) => gates.push(resolve));
          if (crashes > 0) {
            crashes -= 1;
            s.crashed = true;
            throw new Error('render process gone');
          }
          if (nextError !== null) {
            const message = nextError;
            nextError = null;
            throw new Error(message);
          }
          s.printed.push(document);
          return new TextEncoder().encode(`pdf:${s.id}:${document}`);
        } finally {
          active -= 1;
        }
      },
    };
    surfaces.push(s);
    return s;
  });
  let holding = false;
  return {
    surfaces,
    createSurface,
    maxActive: () => maxActive,
    crashNext: (times = 1) => void (crashes = times),
    failNext: (message: string) => void (nextError = message),
    hold: () => void (holding = true),
    releaseHeld: () => {
      holding = false;
      for (const open of gates.splice(0)) open();
    },
  };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('createWarmPrinter', () => {
  it('creates the surface on first export and reuses it for the next ones', async () => {
    const s = scripted();
    const printer = createWarmPrinter({ createSurface: s.createSurface });
    expect(s.createSurface).not.toHaveBeenCalled();
    expect(text(await printer.printToPdf('one', OPTIONS))).toBe('pdf:1:one');
    expect(text(await printer.printToPdf('two', OPTIONS))).toBe('pdf:1:two');
    expect(text(await printer.printToPdf('three', OPTIONS))).toBe('pdf:1:three');
    expect(printer.surfacesCreated()).toBe(1);
    expect(s.surfaces[0]?.destroyed).toBe(false);
    await printer.close();
    expect(s.surfaces[0]?.destroyed).toBe(true);
  });

  it('prepare() makes the surface ahead of the first export, once, and never after close', async () => {
    const s = scripted();
    const printer = createWarmPrinter({ createSurface: s.createSurface });
    await printer.prepare();
    await printer.prepare();
    expect(printer.surfacesCreated()).toBe(1);
    expect(text(await printer.printToPdf('one', OPTIONS))).toBe('pdf:1:one');
    expect(printer.surfacesCreated()).toBe(1);
    // a crashed surface is replaced by the next prepare, not by the export
    s.surfaces[0]!.crashed = true;
    await printer.prepare();
    expect(printer.surfacesCreated()).toBe(2);
    expect(text(await printer.printToPdf('two', OPTIONS))).toBe('pdf:2:two');
    await printer.close();
    await printer.prepare();
    expect(printer.surfacesCreated()).toBe(2);
    expect(s.surfaces.every((surface) => surface.destroyed || surface.crashed)).toBe(true);
  });

  it('runs concurrent exports one at a time, in order, each getting its own document', async () => {
    const s = scripted();
    const printer = createWarmPrinter({ createSurface: s.createSurface });
    const jobs = ['a', 'b', 'c', 'd'].map((doc) => printer.printToPdf(doc, OPTIONS));
    expect((await Promise.all(jobs)).map(text)).toEqual([
      'pdf:1:a',
      'pdf:1:b',
      'pdf:1:c',
      'pdf:1:d',
    ]);
    expect(s.maxActive()).toBe(1);
    expect(s.surfaces[0]?.printed).toEqual(['a', 'b', 'c', 'd']);
    expect(s.createSurface).toHaveBeenCalledTimes(1);
  });

  it('recreates a surface that crashed or was destroyed between exports', async () => {
    const s = scripted();
    const printer = createWarmPrinter({ createSurface: s.createSurface });
    await printer.printToPdf('one', OPTIONS);
    const first = s.surfaces[0];
    if (!first) throw new Error('no surface');
    first.crashed = true;
    expect(text(await printer.printToPdf('two', OPTIONS))).toBe('pdf:2:two');
    expect(first.destroyed).toBe(true);
    s.surfaces[1]?.destroy();
    expect(text(await printer.printToPdf('three', OPTIONS))).toBe('pdf:3:three');
    expect(printer.surfacesCreated()).toBe(3);
  });

  it('retries once on a new surface when the surface crashes during the export', async () => {
    const s = scripted();
    const printer = createWarmPrinter({ createSurface: s.createSurface });
    await printer.printToPdf('one', OPTIONS);
    s.crashNext();
    expect(text(await printer.printToPdf('two', OPTIONS))).toBe('pdf:2:two');
    expect(s.surfaces[0]?.destroyed).toBe(true);
    // a crash on the retry too is reported, not retried forever
    s.crashNext(2);
    await expect(printer.printToPdf('three', OPTIONS)).rejects.toThrow('render process gone');
    expect(s.surfaces).toHaveLength(3);
    expect(text(await printer.printToPdf('four', OPTIONS))).toBe('pdf:4:four');
  });

  it('reports a print error, drops the surface, and keeps serving later exports', async () => {
    const s = scripted();
    const printer = createWarmPrinter({ createSurface: s.createSurface });
    await printer.printToPdf('one', OPTIONS);
    s.failNext('printing failed');
    await expect(printer.printToPdf('two', OPTIONS)).rejects.toThrow('printing failed');
    expect(s.surfaces[0]?.destroyed).toBe(true);
    expect(text(await printer.printToPdf('three', OPTIONS))).toBe('pdf:2:three');
  });

  it('reports a surface that cannot be created, and tries again on the next export', async () => {
    const s = scripted();
    s.createSurface.mockRejectedValueOnce(new Error('no window'));
    const printer = createWarmPrinter({ createSurface: s.createSurface });
    await expect(printer.printToPdf('one', OPTIONS)).rejects.toThrow('no window');
    expect(text(await printer.printToPdf('two', OPTIONS))).toBe('pdf:1:two');
  });

  it('release waits for the export in progress, then frees the surface; a later export makes a new one', async () => {
    const s = scripted();
    const printer = createWarmPrinter({ createSurface: s.createSurface });
    s.hold();
    const printing = printer.printToPdf('one', OPTIONS);
    await tick();
    const released = printer.release();
    await tick();
    expect(s.surfaces[0]?.destroyed).toBe(false);
    s.releaseHeld();
    expect(text(await printing)).toBe('pdf:1:one');
    await released;
    expect(s.surfaces[0]?.destroyed).toBe(true);
    expect(text(await printer.printToPdf('two', OPTIONS))).toBe('pdf:2:two');
  });

  it('close frees the surface and refuses later exports', async () => {
    const s = scripted();
    const printer = createWarmPrinter({ createSurface: s.createSurface });
    await printer.printToPdf('one', OPTIONS);
    await printer.close();
    expect(s.surfaces[0]?.destroyed).toBe(true);
    await expect(printer.printToPdf('two', OPTIONS)).rejects.toThrow('closed');
    expect(s.createSurface).toHaveBeenCalledTimes(1);
    // closing twice, or before any export, is harmless
    await printer.close();
    await createWarmPrinter({ createSurface: s.createSurface }).close();
    expect(s.createSurface).toHaveBeenCalledTimes(1);
  });

  it('frees the surface after the idle time, counted from the last export', async () => {
    vi.useFakeTimers();
    const s = scripted();
    const printer = createWarmPrinter({ createSurface: s.createSurface, idleMs: 60_000 });
    await printer.printToPdf('one', OPTIONS);
    await vi.advanceTimersByTimeAsync(45_000);
    await printer.printToPdf('two', OPTIONS);
    await vi.advanceTimersByTimeAsync(45_000);
    expect(s.surfaces[0]?.destroyed).toBe(false);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(s.surfaces[0]?.destroyed).toBe(true);
    expect(text(await printer.printToPdf('three', OPTIONS))).toBe('pdf:2:three');
    await printer.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});
