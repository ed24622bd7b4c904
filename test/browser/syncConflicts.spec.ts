import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';

const SAMPLE_TITLE = 'Database operations and publishing review';
const NOTE = 'Disk alerts on the reporting server';

async function chooseFolderForAll(app: WorkbenchSession, folder: string) {
  const { page } = app;
  if (!app.bridge) throw new Error('this spec scripts the folder dialog: run it in Chromium');
  await page.getByRole('tab', { name: 'Sync' }).click();
  await page.getByRole('heading', { name: 'Sync folder' }).waitFor();
  app.bridge.syncFolderDialog.answerNext(folder);
  await page.getByRole('button', { name: 'Use one folder for all engagements…' }).click();
  await page.getByText(folder).waitFor();
  await page.getByRole('status').filter({ hasText: 'Up to date' }).waitFor({ timeout: 20_000 });
}

/** Edits the note's text on the Notes tab (through the app's own form). */
async function editNoteText(page: Page, text: string) {
  await page.getByRole('tab', { name: 'Notes', exact: true }).click();
  await page
    .getByRole('grid', { name: 'Notes' })
    .getByRole('row')
    .filter({ hasText: NOTE })
    .click();
  const detail = page.getByRole('region', { name: 'Note' });
  await detail.getByRole('button', { name: `Edit ${NOTE}` }).click();
  const edit = page.getByRole('dialog', { name: 'Edit note' });
  await edit.getByLabel('Note', { exact: true }).fill(text);
  await edit.getByRole('button', { name: 'Save note' }).click();
  await edit.waitFor({ state: 'detached' });
}

async function syncNow(page: Page) {
  await page.getByRole('tab', { name: 'Sync' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByRole('status').filter({ hasText: 'Up to date' }).waitFor({ timeout: 20_000 });
}

async function dismissToasts(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Dismiss' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

describe('sync conflicts where the record is', () => {
  const sessions: WorkbenchSession[] = [];
  let folder = '';

  afterEach(async () => {
    for (const s of sessions.splice(0)) await s.close();
    if (folder) {
      await rm(folder, { recursive: true, force: true });
      await rm(`${folder}-away`, { recursive: true, force: true });
    }
  });

  it('a note edited on two profiles at once shows a badge and a diff, and is resolved there', async () => {
    folder = await mkdtemp(join(tmpdir(), 'workbench-conflict-'));
    const a = await launchWorkbench();
    sessions.push(a);
    const b = await launchWorkbench();
    sessions.push(b);
    await a.page.getByRole('button', { name: 'Load sample engagement' }).click();
    await a.page.getByRole('heading', { name: SAMPLE_TITLE, level: 1 }).waitFor();
    await chooseFolderForAll(a, folder);
    await b.page.getByRole('button', { name: 'New engagement' }).click();
    const dialog = b.page.getByRole('dialog', { name: 'New engagement' });
    await dialog.getByLabel('Client').fill('Initech');
    await dialog.getByLabel('Engagement title').fill('TPS report pipeline');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await b.page.getByRole('heading', { name: 'TPS report pipeline', level: 1 }).waitFor();
    await chooseFolderForAll(b, folder);
    const sample = b.page.getByRole('button', { name: new RegExp(SAMPLE_TITLE) }).first();
    await sample.waitFor({ timeout: 20_000 });
    await sample.click();
    await b.page.getByRole('heading', { name: SAMPLE_TITLE, level: 1 }).waitFor();
    // The folder is signed: the desktop's changes count only once the laptop approves it.
    await syncNow(b.page);
    await a.page.getByRole('tab', { name: 'Sync' }).click();
    await a.page.getByRole('button', { name: 'Sync now' }).click();
    const devices = a.page.getByRole('table', { name: 'Devices syncing in this folder' });
    const waiting = devices.getByRole('row').filter({ hasText: 'Waiting for approval' });
    await waiting.waitFor({ timeout: 20_000 });
    await waiting.getByRole('button', { name: /^Approve / }).click();
    await devices
      .getByRole('row')
      .filter({ hasText: 'Approved by' })
      .nth(1)
      .waitFor({ timeout: 20_000 });
    await syncNow(b.page);

    // The share goes offline; both edit the same note's text, each without the other's edit.
    await rename(folder, `${folder}-away`);
    await editNoteText(
      a.page,
      'Disk at 91 %.\nAgreed: weekly disk report to the CIO.\nOwner: Dana.',
    );
    await editNoteText(b.page, 'Disk at 91 %.\nAgreed: add a volume this week.\nOwner: Dana.');
    await rename(`${folder}-away`, folder);
    await syncNow(a.page);
    await syncNow(b.page);
    await syncNow(a.page);

    // The Sync tab lists the conflict with the note's name (not an id).
    const list = b.page.getByRole('region', { name: 'Conflicts to review' });
    await list.getByText(`Note “${NOTE}”, body`).waitFor({ timeout: 20_000 });
    await dismissToasts(b.page);
    await list.scrollIntoViewIfNeeded();
    await b.screenshot('sync-conflict-sync-tab');

    // The Notes list shows a badge on the note; its detail pane shows both versions.
    await b.page.getByRole('tab', { name: 'Notes', exact: true }).click();
    const row = b.page
      .getByRole('grid', { name: 'Notes' })
      .getByRole('row')
      .filter({ hasText: NOTE });
    await row.getByTitle('Unresolved sync conflict').waitFor();
    expect(
      await b.page
        .getByRole('grid', { name: 'Notes' })
        .getByTitle('Unresolved sync conflict')
        .count(),
    ).toBe(1);
    await row.click();
    const detail = b.page.getByRole('region', { name: 'Note' });
    const conflicts = detail.getByRole('region', { name: 'A sync conflict to review' });
    await conflicts.waitFor();
    const mine = conflicts.getByRole('figure', { name: 'Mine (this device)' });
    const theirs = conflicts.getByRole('figure', { name: /^Theirs/ });
    await mine.getByText('Agreed: add a volume this week.').waitFor();
    await theirs.getByText('Agreed: weekly disk report to the CIO.').waitFor();
    // Only the differing line is marked as changed, on each side.
    expect(await mine.locator('.conflict-line-changed').allTextContents()).toEqual([
      'only here: Agreed: add a volume this week.\n',
    ]);
    await dismissToasts(b.page);
    await conflicts.scrollIntoViewIfNeeded();
    await b.page.setViewportSize({ width: 1280, height: 800 });
    await b.screenshot('sync-conflict-on-record');

    // Merge by editing, right there: the merged text wins on both profiles.
    await conflicts.getByRole('button', { name: 'Merge by editing…' }).click();
    const merged =
      'Disk at 91 %.\nAgreed: add a volume and send a weekly disk report.\nOwner: Dana.';
    await conflicts.getByLabel('Merged text').fill(merged);
    await conflicts.getByRole('button', { name: 'Save merged text' }).click();
    await conflicts.waitFor({ state: 'detached' });
    expect(await row.getByTitle('Unresolved sync conflict').count()).toBe(0);
    await detail
      .getByLabel('Note text')
      .getByText('Agreed: add a volume and send a weekly disk report.')
      .waitFor();
    await syncNow(b.page);
    await syncNow(a.page);
    await a.page.getByRole('tab', { name: 'Notes', exact: true }).click();
    await a.page
      .getByRole('grid', { name: 'Notes' })
      .getByRole('row')
      .filter({ hasText: NOTE })
      .click();
    const aDetail = a.page.getByRole('region', { name: 'Note' });
    await aDetail
      .getByLabel('Note text')
      .getByText('Agreed: add a volume and send a weekly disk report.')
      .waitFor({ timeout: 20_000 });
    // The laptop's own copy of the conflict is overtaken by the desktop's merge: it says so and
    // lets the merged text stand.
    const aConflicts = aDetail.getByRole('region', { name: 'A sync conflict to review' });
    await aConflicts.getByText('The record has been edited again since').waitFor();
    await dismissToasts(a.page);
    await aConflicts.scrollIntoViewIfNeeded();
    await a.screenshot('sync-conflict-overtaken');
    await aConflicts.getByRole('button', { name: 'Keep the current text' }).click();
    await aConflicts.waitFor({ state: 'detached' });
    await aDetail
      .getByLabel('Note text')
      .getByText('Agreed: add a volume and send a weekly disk report.')
      .waitFor();
  });
});
