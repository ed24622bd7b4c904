import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';
import { screenshotDir } from './harness/paths';
import { seriousViolations, type AxeFinding } from './harness/axe';
import { writeContactSheet } from './harness/contactSheet';

const SCREENS = [
  'Overview',
  'Stakeholders',
  'Ownership',
  'Risks',
  'Raised issues',
  'Notes',
  'Memos',
  'Data',
  'Sync',
] as const;

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

async function loadSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load sample engagement' }).click();
  await page
    .getByRole('heading', { name: 'Database operations and publishing review', level: 1 })
    .waitFor();
}

describe('every screen at 1280x800 and 1920x1080, light and dark', () => {
  let app: WorkbenchSession;
  const dir = join(screenshotDir, 'screens');

  beforeAll(async () => {
    app = await launchWorkbench();
    await mkdir(dir, { recursive: true });
    await loadSample(app.page);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('keeps a screenshot of every screen and never scrolls the document', async () => {
    const { page } = app;
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const size of SIZES) {
        await page.setViewportSize(size);
        for (const name of SCREENS) {
          await page.getByRole('tab', { name, exact: true }).click();
          await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
          await page.waitForTimeout(150);
          const slug = name.toLowerCase().replace(/\s+/g, '-');
          await page.screenshot({
            path: join(dir, `${slug}-${size.width}x${size.height}-${scheme}.png`),
          });
          const overflow = await page.evaluate(
            () => document.documentElement.scrollHeight - window.innerHeight,
          );
          expect(overflow, `${name} scrolls the document`).toBeLessThanOrEqual(0);
          // The header and the tabs stay in view (only the screen below them scrolls).
          const tabs = await page
            .getByRole('tablist', { name: 'Engagement screens' })
            .boundingBox();
          expect(tabs && tabs.y + tabs.height).toBeLessThan(size.height / 4);
        }
      }
    }
    // One page of thumbnails of them all, for a reviewer's glance (with the shots other specs
    // keep in the same folder, such as an open picker, when they ran first).
    const count = await writeContactSheet(dir, join(screenshotDir, 'contact-sheet.png'));
    if (app.kind === 'chromium') {
      expect(count).toBeGreaterThanOrEqual(SCREENS.length * SIZES.length * 2);
    }
  });

  it('has no critical or serious WCAG 2.1 A/AA violation on any screen or main dialog, light and dark', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 800 });
    const findings: AxeFinding[] = [];
    const dialog = async (where: string, open: () => Promise<void>) => {
      await open();
      await page.getByRole('dialog').first().waitFor();
      await page.waitForTimeout(100);
      findings.push(...(await seriousViolations(page, where)));
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').first().waitFor({ state: 'detached' });
    };
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const name of SCREENS) {
        await page.getByRole('tab', { name, exact: true }).click();
        await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
        await page.waitForTimeout(150);
        findings.push(...(await seriousViolations(page, `${name} (${scheme})`)));
      }
      // The other views of a screen.
      await page.getByRole('tab', { name: 'Stakeholders', exact: true }).click();
      for (const view of ['Chain of command', 'Power/interest grid', 'Table']) {
        await page.getByRole('button', { name: view, exact: true }).click();
        await page.waitForTimeout(300);
        findings.push(...(await seriousViolations(page, `Stakeholders ${view} (${scheme})`)));
      }
      await page.getByRole('tab', { name: 'Notes', exact: true }).click();
      await page.getByRole('tab', { name: /Decision log/ }).click();
      findings.push(...(await seriousViolations(page, `Decision log (${scheme})`)));
      await page
        .getByRole('tablist', { name: 'Notes and decisions' })
        .getByRole('tab')
        .first()
        .click();
      // A record open in its detail pane.
      await page.getByRole('tab', { name: 'Raised issues', exact: true }).click();
      await page
        .getByRole('grid', { name: 'Raised issues' })
        .getByRole('row', { name: /Disk on the reporting/ })
        .click();
      findings.push(...(await seriousViolations(page, `Raised issue detail (${scheme})`)));
      await dialog(`New raised issue (${scheme})`, () =>
        page.getByRole('button', { name: 'New raised issue' }).click(),
      );
      await dialog(`Record acknowledgement (${scheme})`, () =>
        page.getByRole('button', { name: 'Record acknowledgement' }).click(),
      );
      await page.getByRole('tab', { name: 'Stakeholders', exact: true }).click();
      await dialog(`New stakeholder (${scheme})`, () =>
        page.getByRole('button', { name: 'New stakeholder' }).click(),
      );
      await page.getByRole('tab', { name: 'Ownership', exact: true }).click();
      await dialog(`New ownership area (${scheme})`, () =>
        page.getByRole('button', { name: /New (ownership )?area/ }).click(),
      );
      await page.getByRole('tab', { name: 'Risks', exact: true }).click();
      await dialog(`New risk (${scheme})`, () =>
        page.getByRole('button', { name: 'New risk' }).click(),
      );
      await dialog(`New engagement (${scheme})`, () =>
        page.getByRole('button', { name: 'New engagement' }).click(),
      );
      await dialog(`Edit engagement (${scheme})`, () =>
        page.getByRole('button', { name: 'Edit', exact: true }).click(),
      );
      if (scheme === 'light') {
        // The chain of command as a list: by keyboard, each person opens their details.
        await page.getByRole('tab', { name: 'Stakeholders', exact: true }).click();
        await page.getByRole('button', { name: 'Chain of command', exact: true }).click();
        await page.getByText(/The chain of command as a list/).click();
        const list = page.getByRole('navigation', { name: 'Chain of command as a list' });
        await list.getByRole('button', { name: 'Victor Hale' }).focus();
        await page.keyboard.press('Enter');
        await page
          .getByRole('region', { name: 'Stakeholder details' })
          .getByRole('heading', { name: 'Victor Hale' })
          .waitFor();
        findings.push(...(await seriousViolations(page, 'Chain of command list')));
        await page.getByRole('button', { name: 'Table', exact: true }).click();
      }
      await dialog(`Search (${scheme})`, () =>
        page
          .getByRole('button', { name: /Search/ })
          .first()
          .click(),
      );
      // The memo preview.
      await page.getByRole('tab', { name: 'Memos', exact: true }).click();
      await page.waitForTimeout(300);
      findings.push(...(await seriousViolations(page, `Memo preview (${scheme})`)));
    }
    expect(findings).toEqual([]);
  }, 480_000);

  it('splits list and detail with a keyboard-operable divider remembered per screen', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('tab', { name: 'Raised issues', exact: true }).click();
    const divider = page.getByRole('separator', { name: /raised issue details/i });
    const start = Number(await divider.getAttribute('aria-valuenow'));
    await divider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(start + 4);
    const list = page.getByRole('grid', { name: 'Raised issues' });
    const wide = (await list.boundingBox())?.width ?? 0;
    await page.keyboard.press('Home');
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(25);
    expect((await list.boundingBox())?.width ?? 0).toBeLessThan(wide);
    await page.keyboard.press('End');
    // Another screen keeps its own split; coming back finds this one where it was left.
    await page.getByRole('tab', { name: 'Risks', exact: true }).click();
    const risks = page.getByRole('separator', { name: /risk details/i });
    expect(Number(await risks.getAttribute('aria-valuenow'))).toBe(55);
    await page.getByRole('tab', { name: 'Raised issues', exact: true }).click();
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(75);

    // The mouse drags it too.
    const box = await divider.boundingBox();
    if (!box) throw new Error('no divider');
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x - 200, box.y + 200, { steps: 4 });
    await page.mouse.up();
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBeLessThan(75);

    // A detail opens full width and back.
    await list.getByRole('row', { name: /Disk on the reporting/ }).click();
    const detail = page.getByRole('region', { name: 'Raised issue details' });
    await detail.getByRole('button', { name: 'Full width' }).click();
    expect(await list.isVisible()).toBe(false);
    expect((await detail.boundingBox())?.width ?? 0).toBeGreaterThan(900);
    await page.screenshot({ path: join(dir, 'raised-issue-full-width-1280x800-light.png') });
    await detail.getByRole('button', { name: 'Full width' }).click();
    expect(await list.isVisible()).toBe(true);
  });
});
