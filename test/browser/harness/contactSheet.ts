import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from './launchWorkbench';
import { findChromium } from './detectRuntime';

/**
 * One page of thumbnails of every PNG in `dir` (name under each), saved as `out`. Drawn in a
 * plain Chromium page of its own (the app's page keeps its CSP and state). Returns how many
 * images it holds, or 0 when no Chromium is installed.
 */
export async function writeContactSheet(dir: string, out: string): Promise<number> {
  const executablePath = findChromium();
  if (!executablePath) return 0;
  const names = (await readdir(dir)).filter((n) => n.endsWith('.png')).sort();
  const cells = await Promise.all(
    names.map(async (name) => {
      const data = (await readFile(join(dir, name))).toString('base64');
      const label = name.replace(/\.png$/, '').replace(/[<>&]/g, '');
      return `<figure><img src="data:image/png;base64,${data}" alt=""><figcaption>${label}</figcaption></figure>`;
    }),
  );
  const html = `<!doctype html><meta charset="utf-8"><style>
    body{margin:16px;font:12px system-ui,sans-serif;background:#eee}
    main{display:grid;grid-template-columns:repeat(6,1fr);gap:10px}
    figure{margin:0;background:#fff;padding:4px;border:1px solid #ccc}
    img{width:100%;display:block}figcaption{padding-top:3px;overflow-wrap:anywhere}
  </style><h1>Engagement Workbench: every screen</h1><main>${cells.join('')}</main>`;
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1800, height: 1000 } });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: out, fullPage: true });
  } finally {
    await browser.close();
  }
  return names.length;
}
