import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';
import { arrowToTab, expectFocusOn, tabTo, walkTabStops } from './harness/keyboard';

/**
 * The screens the core-flow spec does not visit, by keyboard alone (page.keyboard only): the
 * chain-of-command chart, Data and Sync. Every Tab stop on each has visible focus and a name;
 * the chart's list of people opens a person.
 */
describe('chain chart, Data and Sync by keyboard alone', () => {
  let app: WorkbenchSession;

  beforeAll(async () => {
    app = await launchWorkbench();
    await app.page.setViewportSize({ width: 1280, height: 800 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reaches every control with visible focus', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Start your first engagement' }).waitFor();
    await tabTo(page, 'Create engagement');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New engagement' });
    await dialog.waitFor();
    await page.keyboard.type('Helios Media');
    await tabTo(page, 'Your name on memos');
    await page.keyboard.type('Alex Morgan');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expectFocusOn(page, 'Helios Media', 'engagement created');

    // One person, then the chart.
    await tabTo(page, 'Overview', { role: 'tab' });
    await arrowToTab(page, 'Stakeholders');
    await tabTo(page, 'New stakeholder');
    await page.keyboard.press('Enter');
    const person = page.getByRole('dialog', { name: 'New stakeholder' });
    await person.waitFor();
    await page.keyboard.type('Dana Whit');
    await tabTo(page, 'Add stakeholder');
    await page.keyboard.press('Enter');
    await person.waitFor({ state: 'detached' });
    await tabTo(page, 'Chain of command');
    await page.keyboard.press('Enter');
    const chart = page.getByRole('region', { name: 'Chain of command' });
    await chart.getByRole('button', { name: 'Export PNG' }).waitFor();
    const chartStops = await walkTabStops(page, 'section.chain');
    expect(chartStops).toEqual(['Export PNG', 'The chain of command as a list (1 person)']);
    // The list opens with Enter; Enter on a person opens them in the table.
    await tabTo(page, 'The chain of command as a list (1 person)', { back: true });
    await page.keyboard.press('Enter');
    await tabTo(page, /Dana Whit/);
    await app.screenshot('keyboard-chain-chart');
    await page.keyboard.press('Enter');
    await page
      .getByRole('grid', { name: 'Stakeholders' })
      .getByRole('row')
      .filter({ hasText: 'Dana Whit' })
      .waitFor();

    // Data.
    await tabTo(page, 'Stakeholders', { back: true, role: 'tab' });
    await arrowToTab(page, 'Data');
    const dataStops = await walkTabStops(page, '[role="tabpanel"]');
    expect(dataStops.length).toBeGreaterThan(2);
    await app.screenshot('keyboard-data');

    // Sync.
    await tabTo(page, 'Data', { back: true, role: 'tab' });
    await arrowToTab(page, 'Sync');
    const syncStops = await walkTabStops(page, '[role="tabpanel"]');
    expect(syncStops.length).toBeGreaterThan(0);
    await app.screenshot('keyboard-sync');
  });
});
