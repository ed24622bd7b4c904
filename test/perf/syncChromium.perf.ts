import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/csp';
import { CHROMIUM_FLAGS } from '../browser/harness/launchWorkbench';
import { findChromium } from '../browser/harness/detectRuntime';
import { repoRoot } from '../browser/harness/paths';
import { startStaticServer, type StaticServer } from '../browser/harness/staticServer';
import { reportBench, type BenchFigure } from './report';
import { applyBenchFigures, type ApplyBenchTimings } from './syncApplyBench';

/**
 * The apply bench of sync.perf.ts in real Chromium: applyChanges and Dexie bundled (Vite, one
 * IIFE) into a page served from 127.0.0.1 under the app's Content-Security-Policy, on the
 * browser's own IndexedDB (on disk, in a fresh profile). Only wall time can be read there.
 */
const figures: BenchFigure[] = [];
let context: BrowserContext | null = null;
let server: StaticServer | null = null;
let dir: string | null = null;
afterAll(async () => {
  await context?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  await reportBench('sync-chromium', figures);
});

async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '@shared': join(repoRoot, 'shared') } },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      lib: {
        entry: join(repoRoot, 'test/perf/chromium/syncApplyEntry.ts'),
        formats: ['iife'],
        name: 'SyncApplyBench',
        fileName: () => 'bench.js',
      },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('no bundle produced');
  return chunk.code;
}

describe('sync benchmark in Chromium', () => {
  it('applying 100,000 remote changes vs a raw bulkPut of the same data', async () => {
    const executablePath = findChromium();
    expect(executablePath, 'Chromium is needed (/usr/bin/chromium)').not.toBeNull();
    const code = await bundle();
    dir = await mkdtemp(join(tmpdir(), 'ews-apply-bench-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>apply bench</title>');
    server = await startStaticServer(dir, CONTENT_SECURITY_POLICY);
    // a profile on disk: an incognito context keeps IndexedDB in memory, with a small quota
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: executablePath as string,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error('[page error]', error.message));
    await page.goto(`${server.origin}/index.html`);
    await page.evaluate(code);
    // APPLY_BENCH_SIZE=5000 for a quick check of the harness; the figures are for 100,000
    const size = Number(process.env.APPLY_BENCH_SIZE) || 100_000;
    const timings = await page.evaluate((n) => {
      const run = (window as { __syncApplyBench?: (n: number) => Promise<unknown> })
        .__syncApplyBench;
      if (!run) throw new Error('bench script not loaded');
      return (run(n) as Promise<ApplyBenchTimings>).catch((error: unknown) => {
        const e = error as { name?: string; message?: string; inner?: { message?: string } };
        throw new Error(`${e.name}: ${e.message} ${e.inner?.message ?? ''}`);
      });
    }, size);
    figures.push(...applyBenchFigures(timings, 'Chromium IndexedDB'));
  }, 1_800_000);
});
