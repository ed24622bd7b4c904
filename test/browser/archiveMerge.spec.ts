import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';
import type { HarnessBridge } from './harness/harnessBridge';

const SAMPLE_TITLE = 'Database operations and publishing review';

function dialogsOf(app: WorkbenchSession): HarnessBridge['dialogs'] {
  if (!app.bridge) throw new Error('these tests script the file dialogs: run them in Chromium');
  return app.bridge.dialogs;
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** Exports the open engagement from its Data tab to `target`. */
async function exportTo(app: WorkbenchSession, target: string, name: string): Promise<void> {
  await openTab(app.page, 'Data');
  dialogsOf(app).answerNextSave(target);
  await app.page.getByRole('button', { name: 'Export archive…' }).click();
  await app.page
    .getByRole('status')
    .filter({ hasText: `Exported to “${name}”` })
    .waitFor();
}

/** Changes a stakeholder's job title through the Edit form. */
async function retitle(page: Page, person: string, title: string): Promise<void> {
  await openTab(page, 'Stakeholders');
  const grid = page.getByRole('grid', { name: 'Stakeholders' });
  await grid.getByRole('row', { name: new RegExp(`^${person}`) }).click();
  const detail = page.getByRole('region', { name: 'Stakeholder details' });
  await detail.getByRole('heading', { name: person }).waitFor();
  await detail.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit stakeholder' });
  await edit.getByLabel('Job title').fill(title);
  await edit.getByRole('button', { name: 'Save stakeholder' }).click();
  await expect.poll(() => edit.count()).toBe(0);
}

/** The job title a stakeholder's row shows. */
async function rowText(page: Page, person: string): Promise<string> {
  await openTab(page, 'Stakeholders');
  const grid = page.getByRole('grid', { name: 'Stakeholders' });
  return (await grid.getByRole('row', { name: new RegExp(`^${person}`) }).textContent()) ?? '';
}

/** Merges `file` into the open engagement from its Data tab; returns the result message. */
async function mergeFrom(app: WorkbenchSession, file: string, shot?: string): Promise<string> {
  const { page } = app;
  await openTab(page, 'Data');
  dialogsOf(app).answerNextOpen(file);
  await page.getByRole('button', { name: 'Merge an archive into this engagement…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge an archive into this engagement' });
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await dialog.getByText('its records will be merged by id').waitFor();
  if (shot) await app.screenshot(shot);
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  const result = dialog.getByText(/^(Merged: |Nothing new: )/);
  await result.waitFor();
  const text = (await result.textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Close' }).click();
  return text;
}

describe('data: merging two diverged copies through the Data tab', () => {
  let laptop: WorkbenchSession;
  let desktop: WorkbenchSession | null = null;
  let files: string;

  beforeEach(async () => {
    laptop = await launchWorkbench();
    files = await mkdtemp(join(tmpdir(), 'workbench-merge-'));
  });

  afterEach(async () => {
    await desktop?.close();
    desktop = null;
    await laptop?.close();
    await rm(files, { recursive: true, force: true });
  });

  it('brings in the other copy’s edits, keeps this one’s, and changes nothing the second time', async () => {
    const { page } = laptop;
    await page.getByRole('button', { name: 'Load sample engagement' }).click();
    await page.getByRole('heading', { name: SAMPLE_TITLE, level: 1 }).waitFor();
    const first = join(files, 'laptop.engagement.json');
    await exportTo(laptop, first, 'laptop.engagement.json');

    // The desktop starts from the laptop's archive, then the two copies diverge.
    desktop = await launchWorkbench();
    await desktop.page.getByRole('heading', { name: 'Start your first engagement' }).waitFor();
    dialogsOf(desktop).answerNextOpen(first);
    await desktop.menuCommand('import-engagement');
    const importing = desktop.page.getByRole('dialog', { name: 'Import engagement' });
    await importing.getByRole('button', { name: 'Choose file…' }).click();
    await importing.getByRole('button', { name: 'Import', exact: true }).click();
    await importing.getByText(/Added “Northwind Learning/).waitFor();
    await importing.getByRole('button', { name: 'Close' }).click();
    await desktop.page.getByRole('heading', { name: SAMPLE_TITLE, level: 1 }).waitFor();

    await retitle(desktop.page, 'Victor Hale', 'Chief Technology Officer (interim COO)');
    await retitle(page, 'Tomasz Reilly', 'Lead Operations Engineer');
    const second = join(files, 'desktop.engagement.json');
    await exportTo(desktop, second, 'desktop.engagement.json');

    const merged = await mergeFrom(laptop, second, 'data-merge-preview');
    expect(merged).toMatch(/^Merged: 1 change brought in, 1 record updated\.$/);
    expect(await rowText(page, 'Victor Hale')).toContain('Chief Technology Officer (interim COO)');
    expect(await rowText(page, 'Tomasz Reilly')).toContain('Lead Operations Engineer');
    // The merged change carries its history: the desktop's edit is in the record's history.
    const detail = page.getByRole('region', { name: 'Stakeholder details' });
    await page
      .getByRole('grid', { name: 'Stakeholders' })
      .getByRole('row', { name: /^Victor Hale/ })
      .click();
    await detail
      .getByRole('region', { name: 'History' })
      .getByText('Chief Technology Officer (interim COO)')
      .first()
      .waitFor();
    await laptop.screenshot('data-merged-history');

    // The same archive again brings in nothing.
    const again = await mergeFrom(laptop, second);
    expect(again).toBe('Nothing new: this engagement already holds everything in the file.');
  });
});
