import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chosen, pick, pickerOptions } from './harness/pickers';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';
import { screenshotDir } from './harness/paths';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function loadSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load sample engagement' }).click();
  await page
    .getByRole('heading', { name: 'Database operations and publishing review', level: 1 })
    .waitFor();
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

describe('notebook A: overview, stakeholders, ownership, risks', () => {
  let app: WorkbenchSession;
  let cspViolations: string[];

  beforeEach(async () => {
    app = await launchWorkbench();
    cspViolations = [];
    app.page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
  });

  afterEach(async () => {
    await app?.close();
  });

  it('shows what needs attention on the overview and links each item to its record', async () => {
    const { page } = app;
    await loadSample(page);
    const radar = page.getByRole('region', { name: /Awaiting acknowledgement/ });
    const disk = radar.getByRole('button', { name: /Disk on the reporting server/ });
    await disk.waitFor();
    expect(await disk.textContent()).toContain('overdue');
    const gaps = page.getByRole('region', { name: /Ownership gaps/ });
    const batch = gaps.getByRole('button', { name: /Weekly batch jobs/ });
    expect(await batch.textContent()).toMatch(/Accountable|Nobody Responsible/);
    const counts = page.getByRole('region', { name: 'Records in this engagement' });
    expect(await counts.getByText('Stakeholders').isVisible()).toBe(true);
    await app.screenshot('notebook-a-overview');

    await batch.click();
    await page.getByRole('tab', { name: 'Ownership', selected: true }).waitFor();
    const detail = page.getByRole('region', { name: 'Ownership area details' });
    await detail.getByRole('heading', { name: 'Weekly batch jobs' }).waitFor();
    expect(cspViolations).toEqual([]);
  });

  it('lists, sorts, filters stakeholders and draws the chain of command with a PNG export', async () => {
    const { page } = app;
    await loadSample(page);
    await openTab(page, 'Stakeholders');
    const grid = page.getByRole('grid', { name: 'Stakeholders' });
    await grid.getByRole('row', { name: /^Victor Hale/ }).waitFor();

    // Sort by name descending, then filter.
    const nameHeader = grid.getByRole('columnheader', { name: 'Name' });
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await nameHeader.getByRole('button').click();
    expect(await nameHeader.getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('searchbox', { name: 'Filter stakeholders' }).fill('departed');
    await grid.getByRole('row', { name: /^departed Glen Ashworth/ }).waitFor();
    await expect.poll(() => grid.getByRole('row', { name: /^Victor Hale/ }).count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Filter stakeholders' }).fill('');

    // Keyboard: focus the grid, arrow down selects the next row and shows it in the detail pane.
    await grid.getByRole('row', { name: /^Victor Hale/ }).click();
    const detail = page.getByRole('region', { name: 'Stakeholder details' });
    await detail.getByRole('heading', { name: 'Victor Hale' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => detail.getByRole('heading', { name: 'Victor Hale' }).count()).toBe(0);
    expect(await grid.getByRole('row', { selected: true }).count()).toBe(1);
    await page.keyboard.press('ArrowUp');
    await detail.getByRole('heading', { name: 'Victor Hale' }).waitFor();
    await detail.getByRole('heading', { name: 'History' }).waitFor();
    await app.screenshot('notebook-a-stakeholders-table');

    await page.getByRole('button', { name: 'Chain of command' }).click();
    const chart = page.getByRole('region', { name: 'Chain of command' });
    await chart.locator('.chain-node-vacant').first().waitFor();
    expect(await chart.locator('.chain-node-vacant').count()).toBeGreaterThanOrEqual(1);
    expect(await chart.locator('.chain-node-departed').count()).toBeGreaterThanOrEqual(1);
    expect(await chart.getByText('Departed', { exact: true }).count()).toBeGreaterThanOrEqual(1);
    expect(await chart.locator('.chain-edge-dotted').count()).toBeGreaterThanOrEqual(0);
    expect(await chart.locator('.chain-edge-reports').count()).toBeGreaterThanOrEqual(5);
    await app.screenshot('notebook-a-chain-of-command');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('notebook-a-chain-of-command-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    const downloading = page.waitForEvent('download');
    await chart.getByRole('button', { name: 'Export PNG' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('chain-of-command.png');
    const bytes = await readFile((await download.path()) as string);
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(bytes.length).toBeGreaterThan(5_000);
    await mkdir(screenshotDir, { recursive: true });
    await writeFile(join(screenshotDir, 'notebook-a-chain-export.png'), bytes);

    await page.getByRole('button', { name: 'Power/interest grid' }).click();
    const power = page.getByRole('region', { name: 'Power and interest grid' });
    await power.getByRole('button', { name: /Victor Hale, skeptic/ }).waitFor();
    await app.screenshot('notebook-a-power-grid');
    await power.getByRole('button', { name: /Victor Hale, skeptic/ }).click();
    await detail.getByRole('heading', { name: 'Victor Hale' }).waitFor();
    expect(cspViolations).toEqual([]);
  });
  it('flags the ownership gap of the weekly batch jobs with its reasons', async () => {
    const { page } = app;
    await loadSample(page);
    await openTab(page, 'Ownership');
    const grid = page.getByRole('grid', { name: 'Ownership areas' });
    const batch = grid.getByRole('row', { name: /^Weekly batch jobs/ });
    await batch.waitFor();
    expect(await batch.textContent()).toContain('No Accountable');
    await batch.click();
    const detail = page.getByRole('region', { name: 'Ownership area details' });
    const gaps = detail.getByRole('group', { name: 'Ownership gaps' });
    expect(await gaps.textContent()).toContain('No Accountable');
    expect(await gaps.textContent()).toContain('Nobody Responsible');
    // Backups answer to the vacant Head of Operations seat.
    await grid.getByRole('row', { name: /^Backups/ }).click();
    await detail.getByRole('heading', { name: 'Backups' }).waitFor();
    expect(await detail.getByRole('group', { name: 'Ownership gaps' }).textContent()).toContain(
      'Accountable is a vacant position',
    );
    await page.getByRole('button', { name: 'Only gaps' }).click();
    await expect
      .poll(() => grid.getByRole('row', { name: /^Disk space monitoring/ }).count())
      .toBe(0);
    await app.screenshot('notebook-a-ownership');
  });

  it('filters the risk register by clicking a heat-map cell, before and after controls', async () => {
    const { page } = app;
    await loadSample(page);
    await openTab(page, 'Risks');
    const grid = page.getByRole('grid', { name: 'Risk register' });
    await grid.getByRole('row', { name: /^Weekly batch jobs fail/ }).waitFor();
    const total = await grid.getByRole('row').count();
    const heat = page.getByRole('region', { name: 'Heat map before controls' });
    const cell = heat.getByRole('button', { name: /^Likelihood 4, impact 4: 2 risks/ });
    await cell.click();
    expect(await cell.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('status').filter({ hasText: 'Showing likelihood 4, impact 4' }).waitFor();
    // Header row + the two risks scored 4 x 4 before controls.
    expect(await grid.getByRole('row').count()).toBe(3);
    expect(
      await grid.getByRole('row', { name: /^Reporting database server runs out/ }).count(),
    ).toBe(1);
    expect(total).toBeGreaterThan(3);
    await app.screenshot('notebook-a-risks-heatmap');

    // After controls the disk risk moves to 2 x 3.
    await page.getByRole('button', { name: 'After controls' }).click();
    const after = page.getByRole('region', { name: 'Heat map after controls' });
    await after.getByRole('button', { name: /^Likelihood 2, impact 3/ }).click();
    await grid.getByRole('row', { name: /^Reporting database server runs out/ }).click();
    const detail = page.getByRole('region', { name: 'Risk details' });
    await detail.getByRole('heading', { name: /Reporting database server/ }).waitFor();
    expect(await detail.getByLabel('Score after controls 6').count()).toBe(1);
    await page.getByRole('button', { name: 'Show all risks' }).click();
    expect(await grid.getByRole('row').count()).toBe(total);
    expect(cspViolations).toEqual([]);
  });
  it('creates and edits a stakeholder: errors on the field, nothing typed lost, no reporting loop', async () => {
    const { page } = app;
    await loadSample(page);
    await openTab(page, 'Stakeholders');
    await page.getByRole('button', { name: 'New stakeholder' }).click();
    const dialog = page.getByRole('dialog', { name: 'New stakeholder' });
    await dialog.getByLabel('Name', { exact: true }).fill('(vacant) Head of Data');
    await dialog.getByLabel('Contact').fill('recruiting@northwind-learning.example');
    await dialog.getByLabel('Vacant position').check();
    await pick(dialog, 'Reports to', 'Victor Hale');
    await dialog.getByRole('button', { name: 'Add stakeholder' }).click();
    await dialog.getByText('Job title is required for a vacant position').waitFor();
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe(
      '(vacant) Head of Data',
    );
    expect(await dialog.getByLabel('Contact').inputValue()).toContain('recruiting@');
    expect(await dialog.getByLabel('Job title').getAttribute('aria-invalid')).toBe('true');
    await app.screenshot('notebook-a-stakeholder-form-error');
    await dialog.getByLabel('Job title').fill('Head of Data');
    await dialog.getByRole('button', { name: 'Add stakeholder' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const detail = page.getByRole('region', { name: 'Stakeholder details' });
    await detail.getByRole('heading', { name: '(vacant) Head of Data' }).waitFor();
    expect(await detail.getByRole('button', { name: 'Victor Hale' }).count()).toBe(1);

    // Edit: a blank name is refused on the field, the rest stays as typed.
    await detail.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit stakeholder' });
    await edit.getByLabel('Name', { exact: true }).fill('');
    await edit.getByLabel('Job title').fill('Head of Data and Reporting');
    await edit.getByRole('button', { name: 'Save stakeholder' }).click();
    await edit.getByText('Name is required').waitFor();
    expect(await edit.getByLabel('Job title').inputValue()).toBe('Head of Data and Reporting');
    await edit.getByLabel('Name', { exact: true }).fill('(vacant) Head of Data and Reporting');
    await edit.getByRole('button', { name: 'Save stakeholder' }).click();
    await detail.getByRole('heading', { name: '(vacant) Head of Data and Reporting' }).waitFor();
    const history = detail.getByRole('region', { name: 'History' });
    await history.getByText('Head of Data and Reporting').first().waitFor();

    // The reports-to picker never offers someone below the stakeholder.
    const grid = page.getByRole('grid', { name: 'Stakeholders' });
    await grid.getByRole('row', { name: /^Victor Hale/ }).click();
    await detail.getByRole('heading', { name: 'Victor Hale' }).waitFor();
    await detail.getByRole('button', { name: 'Edit' }).click();
    const victor = page.getByRole('dialog', { name: 'Edit stakeholder' });
    const options = await pickerOptions(victor, 'Reports to');
    expect(options.some((o) => o.startsWith('Margaret Oduya'))).toBe(true);
    expect(options.some((o) => o.startsWith('Rosa Lindqvist'))).toBe(false);
    expect(options.some((o) => o.startsWith('Tomasz Reilly'))).toBe(false);
    expect(options.some((o) => o.startsWith('Victor Hale'))).toBe(false);
    await victor.getByRole('button', { name: 'Cancel' }).click();

    // Delete with undo, then delete again and restore from the deleted list.
    await grid.getByRole('row', { name: /^vacant \(vacant\) Head of Data and Reporting/ }).click();
    await detail
      .getByRole('button', { name: 'Delete (vacant) Head of Data and Reporting' })
      .click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await grid
      .getByRole('row', { name: /^vacant \(vacant\) Head of Data and Reporting/ })
      .waitFor();
    await detail
      .getByRole('button', { name: 'Delete (vacant) Head of Data and Reporting' })
      .click();
    await expect
      .poll(() =>
        grid.getByRole('row', { name: /^vacant \(vacant\) Head of Data and Reporting/ }).count(),
      )
      .toBe(0);
    await page.getByText('Deleted stakeholders (1)').click();
    await page
      .getByRole('button', { name: 'Restore (vacant) Head of Data and Reporting' })
      .first()
      .click();
    await grid
      .getByRole('row', { name: /^vacant \(vacant\) Head of Data and Reporting/ })
      .waitFor();
    expect(cspViolations).toEqual([]);
  });
  it('closes the batch-job gap by editing its RACI, and refuses an accepted risk with no acceptor', async () => {
    const { page } = app;
    await loadSample(page);
    await openTab(page, 'Ownership');
    const grid = page.getByRole('grid', { name: 'Ownership areas' });
    await grid.getByRole('row', { name: /^Weekly batch jobs/ }).click();
    const detail = page.getByRole('region', { name: 'Ownership area details' });
    await detail.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit ownership area' });
    await pick(dialog, 'Accountable', 'rosa lind');
    await pick(dialog, 'Responsible', 'tomasz');
    await expect
      .poll(() => chosen(dialog, 'Responsible'))
      .toContain('Tomasz Reilly, Senior Operations Engineer');
    await dialog.getByRole('button', { name: 'Save area' }).click();
    await detail.getByText('Owned: an Accountable who can decide').waitFor();
    expect(await detail.getByRole('group', { name: 'Ownership gaps' }).count()).toBe(0);
    await detail
      .getByRole('region', { name: 'History' })
      .getByText(/Rosa Lindqvist/)
      .first()
      .waitFor();
    await openTab(page, 'Overview');
    // Coming back, the overview first shows its last figures (aria-busy) while it re-reads.
    await page.locator('.overview[aria-busy="false"]').waitFor();
    const gaps = page.getByRole('region', { name: /Ownership gaps/ });
    await gaps.getByRole('button', { name: /Backups/ }).waitFor();
    expect(await gaps.getByRole('button', { name: /Weekly batch jobs/ }).count()).toBe(0);

    await openTab(page, 'Risks');
    await page.getByRole('button', { name: 'New risk' }).click();
    const risk = page.getByRole('dialog', { name: 'New risk' });
    await risk.getByLabel('Title').fill('Backups are never test-restored');
    await risk.getByLabel('Likelihood before controls').selectOption('3');
    await risk.getByLabel('Impact before controls').selectOption('5');
    await risk.getByLabel('Likelihood after controls').selectOption('2');
    await risk.getByLabel('Status').selectOption('accepted');
    await risk.getByRole('button', { name: 'Add risk' }).click();
    await risk
      .getByText('Impact after controls must be set together with the other residual score')
      .waitFor();
    await risk.getByText('Accepted by is required for an accepted risk').waitFor();
    expect(await risk.getByLabel('Title').inputValue()).toBe('Backups are never test-restored');
    await risk.getByLabel('Impact after controls').selectOption('4');
    await pick(risk, 'Accepted by', 'Victor Hale');
    await risk.getByLabel('Accepted until').fill('2027-03-31');
    await risk.getByRole('button', { name: 'Add risk' }).click();
    const riskDetail = page.getByRole('region', { name: 'Risk details' });
    await riskDetail.getByRole('heading', { name: 'Backups are never test-restored' }).waitFor();
    const accepted = await riskDetail.locator('dt:has-text("Accepted by") + dd').textContent();
    expect(accepted).toContain('Victor Hale');
    expect(accepted).toMatch(/until .*2027/);
    expect(await riskDetail.getByLabel('Score before controls 15').count()).toBe(1);
    expect(await riskDetail.getByLabel('Score after controls 8').count()).toBe(1);
    await app.screenshot('notebook-a-risk-accepted');
  });
});
