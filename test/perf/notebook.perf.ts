import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWorkbench, type WorkbenchSession } from '../browser/harness/launchWorkbench';
import { BENCHMARK_SIZE, buildLargeEngagement } from '../fixtures/largeEngagement';
import { median, percentile, reportBench, type BenchFigure } from './report';

/**
 * The notebook on a large engagement (10,000 notes, 2,000 raised issues, 5,000
 * acknowledgements, 500 stakeholders, 1,000 risks, 300 areas) in real Chromium IndexedDB.
 * The records are written with raw IndexedDB into the app's own tables (the Dexie schema of
 * renderer/db/migrations; no test code in the app), then the page is reloaded. Timings are
 * taken in the page with performance.now(), up to the next animation frame after the content
 * is in the DOM (painted):
 * - opening the engagement to an interactive overview: cold (reload with it selected) and warm
 *   (clicking it in the sidebar while another engagement is open);
 * - switching between screens (tab click to the screen's first row or counts);
 * - scrolling the 2,000-row raised-issue list: frames counted with requestAnimationFrame during
 *   a scripted scroll, a frame "dropped" when its interval exceeds 1.5 frames (25 ms);
 * - opening the chain-of-command chart of the 500 stakeholders (view button click to the chart's
 *   boxes laid out, fitted and painted): the first time, right after the table shows and after
 *   3 s on it (the layout runs in the background), and again;
 * - the raw IndexedDB getAll of the same records, the floor the figures are compared to.
 */

const TABLES = {
  engagements: 'engagement',
  stakeholders: 'stakeholders',
  ownershipAreas: 'ownershipAreas',
  risks: 'risks',
  raisedIssues: 'raisedIssues',
  acknowledgements: 'acknowledgements',
  notes: 'notes',
  decisions: 'decisions',
} as const;

const RUNS = 7;

/** The screens, with what shows they are ready. */
const SCREENS = [
  ['overview', '.overview[aria-busy="false"] .overview-counts'],
  ['stakeholders', '[role="grid"] [role="row"][aria-rowindex="2"]'],
  ['ownership', '[role="grid"] [role="row"][aria-rowindex="2"]'],
  ['risks', '[role="grid"] [role="row"][aria-rowindex="2"]'],
  ['raised-issues', '[role="grid"] [role="row"][aria-rowindex="2"]'],
  ['notes', '[role="grid"] [role="row"][aria-rowindex="2"]'],
] as const;

/** Writes the generated engagement into the app's tables with raw IndexedDB. */
async function writeLargeEngagement(page: Page): Promise<{ id: string; count: number }> {
  const data = buildLargeEngagement(BENCHMARK_SIZE);
  const rows: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(TABLES)) {
    const value = (data as unknown as Record<string, unknown>)[key];
    rows[table] = Array.isArray(value) ? value : [value];
  }
  const count = await page.evaluate(async (tables) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('engagement-workbench');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    let written = 0;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(Object.keys(tables), 'readwrite');
      for (const name of Object.keys(tables)) {
        const store = tx.objectStore(name);
        for (const row of tables[name] ?? []) {
          store.put(row);
          written += 1;
        }
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return written;
  }, rows);
  return { id: data.engagement.id, count };
}

/** Raw IndexedDB: every record of the engagement, table by table, through the engagementId index. */
async function rawReadMs(page: Page, engagementId: string): Promise<number> {
  return page.evaluate(
    async ({ names, id }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('engagement-workbench');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const t0 = performance.now();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(names, 'readonly');
        for (const name of names) {
          const store = tx.objectStore(name);
          if (name === 'engagements') store.get(id);
          else store.index('engagementId').getAll(id);
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      const ms = performance.now() - t0;
      db.close();
      return ms;
    },
    { names: Object.keys(TABLES), id: engagementId },
  );
}

/**
 * Clicks `clickSelector` (or nothing) and resolves to the milliseconds until `readySelector`
 * matches inside the engagement screen and the next frame was painted.
 */
async function timeUntilReady(
  page: Page,
  clickSelector: string | null,
  readySelector: string,
  mustContain?: string,
): Promise<number> {
  return page.evaluate(
    async ({ click, ready, text }) => {
      const t0 = performance.now();
      if (click) (document.querySelector(click) as HTMLElement).click();
      const deadline = t0 + 20_000;
      for (;;) {
        const panel = document.getElementById('engagement-screen');
        const found = panel?.querySelector(ready);
        const heading = document.getElementById('engagement-page-title')?.textContent ?? '';
        if (found && (!text || heading.includes(text))) break;
        if (performance.now() > deadline) throw new Error(`not ready: ${ready}`);
        await new Promise((r) => setTimeout(r, 0));
      }
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      return performance.now() - t0;
    },
    { click: clickSelector, ready: readySelector, text: mustContain },
  );
}

/**
 * Clicks the Stakeholders screen's "Chain of command" view and resolves to the milliseconds
 * until the chart's boxes are laid out, shown (React Flow shows a box once its size is known)
 * and fitted to the view, and the next frame was painted; with the boxes in the DOM.
 */
async function chartOpenMs(page: Page): Promise<{ ms: number; nodes: number; shown: number }> {
  return page.evaluate(async () => {
    const screen = document.getElementById('engagement-screen');
    const button = [...(screen?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent === 'Chain of command',
    );
    if (!button) throw new Error('no Chain of command button');
    const t0 = performance.now();
    button.click();
    const deadline = t0 + 60_000;
    let nodes: HTMLElement[] = [];
    for (;;) {
      const chart = screen?.querySelector('.chain-canvas .react-flow');
      nodes = [...(chart?.querySelectorAll<HTMLElement>('.react-flow__node') ?? [])];
      const viewport = chart?.querySelector<HTMLElement>('.react-flow__viewport');
      // fitView moves the viewport off its start (no offset, zoom 1) once the boxes are placed.
      const transform = viewport?.style.transform ?? '';
      const fitted = transform !== '' && transform !== 'translate(0px, 0px) scale(1)';
      if (fitted && nodes.some((n) => n.style.visibility === 'visible')) break;
      if (performance.now() > deadline) throw new Error('chart not ready');
      await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const ms = performance.now() - t0;
    return {
      ms,
      nodes: nodes.length,
      shown: nodes.filter((n) => n.style.visibility === 'visible').length,
    };
  });
}

/** Shows the benchmark engagement (again, if a late restore of the UI state moved away). */
async function showLarge(page: Page): Promise<void> {
  const heading = page.getByRole('heading', { name: 'Benchmark engagement', level: 1 });
  if (await heading.isVisible()) return;
  await page.getByRole('button', { name: /Generated Client Ltd/ }).click();
  await heading.waitFor({ timeout: 30_000 });
}

/**
 * Cold open: reload (every start opens on Today), click the engagement in the sidebar as soon as
 * it is listed; navigation start to its overview painted, the click included.
 */
async function coldOpenMs(page: Page): Promise<number> {
  await page.reload();
  await page.waitForFunction(
    () => {
      const button = [...document.querySelectorAll<HTMLElement>('.sidebar button')].find((b) =>
        b.textContent?.includes('Generated Client Ltd'),
      );
      button?.click();
      return button !== undefined;
    },
    null,
    { polling: 'raf', timeout: 30_000 },
  );
  await page.waitForFunction(
    () => document.querySelector('.overview[aria-busy="false"] .overview-counts') !== null,
    null,
    {
      polling: 'raf',
      timeout: 30_000,
    },
  );
  return page.evaluate(() => performance.now());
}

/**
 * Scrolls a list's body by `step` pixels per frame for `count` frames (step 0: no scrolling,
 * the frame baseline of the machine); returns the frame intervals in ms and the long tasks
 * (over 50 ms) seen meanwhile.
 */
async function scrollFrames(
  page: Page,
  bodySelector: string,
  count: number,
  step: number | 'to-end',
): Promise<{ intervals: number[]; longTasks: number }> {
  return page.evaluate(
    async ({ selector, frames, by }) => {
      const body = document.querySelector(selector) as HTMLElement;
      body.scrollTop = 0;
      await new Promise((r) => setTimeout(r, 300));
      const px = by === 'to-end' ? (body.scrollHeight - body.clientHeight) / frames : by;
      let longTasks = 0;
      const observer = new PerformanceObserver((list) => {
        longTasks += list.getEntries().length;
      });
      observer.observe({ type: 'longtask' });
      const intervals: number[] = [];
      let last = await new Promise<number>((r) => requestAnimationFrame(r));
      for (let i = 0; i < frames; i += 1) {
        body.scrollTop += px;
        const now = await new Promise<number>((r) => requestAnimationFrame(r));
        intervals.push(now - last);
        last = now;
      }
      observer.disconnect();
      return { intervals, longTasks };
    },
    { selector: bodySelector, frames: count, by: step },
  );
}

describe('notebook benchmark (large engagement)', () => {
  let app: WorkbenchSession;
  let engagementId = '';
  const figures: BenchFigure[] = [];

  beforeAll(async () => {
    app = await launchWorkbench();
    const { page } = app;
    await page.getByRole('button', { name: 'Load sample engagement' }).click();
    await page
      .getByRole('heading', { name: 'Database operations and publishing review', level: 1 })
      .waitFor();
    const written = await writeLargeEngagement(page);
    engagementId = written.id;
    expect(written.count).toBeGreaterThan(18_000);
    await page.reload();
    await page.getByRole('button', { name: /Generated Client Ltd/ }).click();
    await page.getByRole('heading', { name: 'Benchmark engagement', level: 1 }).waitFor();
    await page.locator('.overview-counts').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await reportBench('notebook', figures);
    await app?.close();
  });

  it('opens the engagement to an interactive overview', async () => {
    const { page } = app;
    await showLarge(page);
    const notes = page
      .locator('.overview-counts .stat', { hasText: 'Notes' })
      .locator('.stat-value');
    expect(await notes.textContent()).toBe('10000');

    const cold: number[] = [];
    for (let i = 0; i < RUNS; i += 1) cold.push(await coldOpenMs(page));

    const warm: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      await page.getByRole('button', { name: /Northwind Learning/ }).click();
      await page
        .getByRole('heading', { name: 'Database operations and publishing review' })
        .waitFor();
      await page.locator('.overview-counts').waitFor();
      const handle = await page
        .getByRole('button', { name: /Generated Client Ltd/ })
        .elementHandle();
      await handle?.evaluate((el) => el.setAttribute('data-bench-target', 'large'));
      warm.push(
        await timeUntilReady(
          page,
          '[data-bench-target="large"]',
          '.overview[aria-busy="false"] .overview-counts',
          'Benchmark engagement',
        ),
      );
    }
    figures.push(
      {
        name: 'open engagement → overview, cold (reload), median',
        value: median(cold),
        unit: 'ms',
        goal: '< 1000',
      },
      {
        name: 'open engagement → overview, warm (sidebar click), median',
        value: median(warm),
        unit: 'ms',
        goal: '< 1000',
      },
    );
  });

  it('switches between screens', async () => {
    const { page } = app;
    await showLarge(page);
    const bySCreen = new Map<string, number[]>();
    for (let round = 0; round < RUNS; round += 1) {
      for (const [id, ready] of SCREENS) {
        const ms = await timeUntilReady(page, `#tab-${id}`, ready);
        bySCreen.set(id, [...(bySCreen.get(id) ?? []), ms]);
      }
    }
    const shown: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      await timeUntilReady(page, '#tab-stakeholders', SCREENS[1][1]);
      shown.push(await timeUntilReady(page, '#tab-overview', '.overview-counts'));
    }
    figures.push({
      name: 'switch to overview, last overview shown (refreshing), median',
      value: median(shown),
      unit: 'ms',
      goal: '< 150',
    });
    const all = [...bySCreen.values()].flat();
    // Round 0 is each screen's first visit since the engagement opened (nothing cached yet).
    const first = [...bySCreen.entries()].map(([id, times]) => [id, times[0] ?? 0] as const);
    const slowest = first.reduce((a, b) => (b[1] > a[1] ? b : a));
    figures.push({
      name: `switch screens, first visit of each screen, slowest (${slowest[0]})`,
      value: slowest[1],
      unit: 'ms',
      goal: '< 150',
    });
    for (const [id, times] of bySCreen) {
      figures.push({
        name: `switch to ${id}, median`,
        value: median(times),
        unit: 'ms',
        goal: '< 150',
      });
    }
    figures.push(
      { name: 'switch screens, median of all', value: median(all), unit: 'ms', goal: '< 150' },
      { name: 'switch screens, p95 of all', value: percentile(all, 95), unit: 'ms' },
    );
  });

  it('opens the chain-of-command chart of 500 stakeholders', async () => {
    const { page } = app;
    await showLarge(page);
    const grid = page.getByRole('grid', { name: 'Stakeholders' });
    const table = page.getByRole('button', { name: 'Table', exact: true });
    /** Reloads (no layout kept; the app reopens on this screen) and shows the table. */
    const freshStakeholders = async () => {
      await page.reload();
      await showLarge(page);
      await page.getByRole('tab', { name: 'Stakeholders', exact: true }).click();
      await grid.getByRole('row').nth(1).waitFor({ timeout: 30_000 });
    };
    const onOpening: number[] = [];
    const inBackground: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await freshStakeholders();
      onOpening.push((await chartOpenMs(page)).ms);
      await freshStakeholders();
      await page.waitForTimeout(3_000);
      inBackground.push((await chartOpenMs(page)).ms);
    }
    const again: number[] = [];
    let last = { ms: 0, nodes: 0, shown: 0 };
    for (let i = 0; i < RUNS; i += 1) {
      await table.click();
      await grid.getByRole('row').nth(1).waitFor();
      last = await chartOpenMs(page);
      again.push(last.ms);
    }
    await table.click();
    expect(last.nodes).toBeGreaterThan(0);
    figures.push(
      {
        name: 'open chain-of-command chart (500), first time: laid out on opening, median of 3',
        value: median(onOpening),
        unit: 'ms',
        goal: '< 1000',
      },
      {
        name: 'open chain-of-command chart (500), first time after 3 s on the table, median of 3',
        value: median(inBackground),
        unit: 'ms',
        goal: '< 1000',
      },
      {
        name: 'open chain-of-command chart (500) again, median',
        value: median(again),
        unit: 'ms',
        goal: '< 1000',
      },
      { name: 'chart boxes in the DOM (of 500)', value: last.nodes, unit: 'count' },
    );
  });

  it('scrolls the 2,000-row raised-issue list', async () => {
    const { page } = app;
    await showLarge(page);
    await page.getByRole('tab', { name: 'Raised issues' }).click();
    const grid = page.getByRole('grid', { name: 'Raised issues' });
    await grid.getByRole('row').nth(1).waitFor();
    expect(await grid.getAttribute('aria-rowcount')).toBe('2001');
    // Let the app settle (the search index builds in the background after a reload).
    await page.waitForTimeout(3_000);
    const body = '#engagement-screen .data-table-body';
    const idle = await scrollFrames(page, body, 240, 0);
    const steady = await scrollFrames(page, body, 240, 40);
    const fling = await scrollFrames(page, body, 240, 'to-end');
    const dropped = (intervals: number[]) => intervals.filter((ms) => ms > 25).length;
    const rendered = await grid.getByRole('row').count();
    figures.push(
      {
        name: 'baseline, no scrolling: dropped frames of 240',
        value: dropped(idle.intervals),
        unit: 'count',
      },
      {
        name: 'scroll 2,000 rows at 40 px/frame (2,400 px/s): dropped frames of 240',
        value: dropped(steady.intervals),
        unit: 'count',
        goal: '0',
      },
      {
        name: 'scroll 2,000 rows at 40 px/frame: p95 frame interval',
        value: percentile(steady.intervals, 95),
        unit: 'ms',
      },
      {
        name: 'scroll 2,000 rows at 40 px/frame: long tasks',
        value: steady.longTasks,
        unit: 'count',
      },
      {
        name: 'scroll all 2,000 rows in 240 frames (fling): dropped frames',
        value: dropped(fling.intervals),
        unit: 'count',
        goal: '0',
      },
      {
        name: 'scroll all 2,000 rows (fling): median frame interval',
        value: median(fling.intervals),
        unit: 'ms',
      },
      {
        name: 'scroll all 2,000 rows (fling): p95 frame interval',
        value: percentile(fling.intervals, 95),
        unit: 'ms',
      },
      { name: 'rows in the DOM while scrolling 2,000', value: rendered - 1, unit: 'count' },
    );
  });

  it('narrows the people picker of 500 stakeholders as you type', async () => {
    const { page } = app;
    await showLarge(page);
    await page.getByRole('tab', { name: 'Raised issues' }).click();
    await page.getByRole('button', { name: 'New raised issue' }).click();
    const dialog = page.getByRole('dialog', { name: 'New raised issue' });
    const box = dialog.getByRole('combobox', { name: /^Raised to/ });
    await box.click();
    // Work per keystroke: from the key to the list re-rendered and laid out (the render runs in
    // the keystroke's event; the timer after it forces layout and reads the clock).
    await page.evaluate(() => {
      const w = window as unknown as { __keyWork: number[] };
      w.__keyWork = [];
      let t0 = 0;
      document.addEventListener('keydown', () => (t0 = performance.now()), true);
      document.addEventListener(
        'input',
        () =>
          setTimeout(() => {
            void document.body.offsetHeight;
            w.__keyWork.push(performance.now() - t0);
          }, 0),
        true,
      );
    });
    const typed = 'person 1 ';
    for (let round = 0; round < 5; round++) {
      for (const key of typed) {
        await page.keyboard.type(key);
        await page.waitForTimeout(30);
      }
      for (let i = 0; i < typed.length; i++) {
        await page.keyboard.press('Backspace');
        await page.waitForTimeout(30);
      }
    }
    const work = await page.evaluate(
      () => (window as unknown as { __keyWork: number[] }).__keyWork,
    );
    const options = await page
      .locator(`[id="${await box.getAttribute('aria-controls')}"] [role="option"]`)
      .count();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(work.length).toBeGreaterThanOrEqual(typed.length * 2 * 5 - 2);

    // The floor beside it: a bare input and listbox in plain DOM (no framework), narrowing the
    // same 500 names to at most 50 options per keystroke, timed the same way in the same page.
    await page.evaluate(() => {
      const w = window as unknown as { __keyWork: number[] };
      w.__keyWork = [];
      const names = Array.from({ length: 500 }, (_, i) => `Person ${i} (Role ${i % 37})`);
      const host = document.createElement('div');
      host.id = 'bench-floor';
      host.innerHTML = '<input aria-label="floor" /><ul role="listbox" aria-label="floor"></ul>';
      document.body.append(host);
      const input = host.querySelector('input') as HTMLInputElement;
      const list = host.querySelector('ul') as HTMLUListElement;
      input.addEventListener('input', () => {
        const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
        const shown = names
          .filter((n) => words.every((word) => n.toLowerCase().includes(word)))
          .slice(0, 50);
        list.replaceChildren(
          ...shown.map((n) => {
            const li = document.createElement('li');
            li.setAttribute('role', 'option');
            li.textContent = n;
            return li;
          }),
        );
      });
      input.focus();
    });
    for (let round = 0; round < 5; round++) {
      for (const key of typed) {
        await page.keyboard.type(key);
        await page.waitForTimeout(30);
      }
      for (let i = 0; i < typed.length; i++) {
        await page.keyboard.press('Backspace');
        await page.waitForTimeout(30);
      }
    }
    const floor = await page.evaluate(() => {
      document.getElementById('bench-floor')?.remove();
      return (window as unknown as { __keyWork: number[] }).__keyWork;
    });
    figures.push(
      {
        name: 'people picker (500 stakeholders): work per keystroke, p95',
        value: percentile(work, 95),
        unit: 'ms',
        goal: '< 16.7 (one frame)',
      },
      { name: 'people picker: work per keystroke, median', value: median(work), unit: 'ms' },
      { name: 'people picker: options listed at most', value: options, unit: 'count' },
      {
        name: 'floor: plain-DOM list of the same 500 names (≤ 50 shown), work per keystroke, p95',
        value: percentile(floor, 95),
        unit: 'ms',
      },
      {
        name: 'floor: plain-DOM list, work per keystroke, median',
        value: median(floor),
        unit: 'ms',
      },
    );
  });

  it('compares with the raw IndexedDB read of the same records', async () => {
    const { page } = app;
    await showLarge(page);
    const raw: number[] = [];
    for (let i = 0; i < RUNS; i += 1) raw.push(await rawReadMs(page, engagementId));
    const rawMedian = median(raw);
    figures.push({
      name: 'raw IndexedDB getAll of the engagement (19k records), median',
      value: rawMedian,
      unit: 'ms',
    });
    const warm = figures.find((f) => f.name.startsWith('open engagement → overview, warm'));
    const cold = figures.find((f) => f.name.startsWith('open engagement → overview, cold'));
    if (warm)
      figures.push({ name: 'warm open / raw read', value: warm.value / rawMedian, unit: 'ratio' });
    if (cold)
      figures.push({ name: 'cold open / raw read', value: cold.value / rawMedian, unit: 'ratio' });
  });
});
