import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';
import type { HarnessBridge } from './harness/harnessBridge';
import { openRaisedIssue } from './harness/raisedIssue';
import { tinyPdf } from './evidenceFixtures';

const SAMPLE_TITLE = 'Database operations and publishing review';
const ISSUE = 'Disk on the reporting server is filled';

function dialogsOf(app: WorkbenchSession): HarnessBridge['dialogs'] {
  if (!app.bridge) throw new Error('these tests script the file dialogs: run them in Chromium');
  return app.bridge.dialogs;
}

describe('the engagement as one zip, in the app', () => {
  let app: WorkbenchSession;
  let other: WorkbenchSession | null = null;
  let files: string;

  beforeEach(async () => {
    app = await launchWorkbench();
    files = await mkdtemp(join(tmpdir(), 'workbench-zip-'));
  });

  afterEach(async () => {
    await other?.close();
    other = null;
    await app?.close();
    await rm(files, { recursive: true, force: true });
  });

  it('exports with attachments as a zip, imports it into a fresh profile, refuses a zip bomb', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load sample engagement' }).click();
    await page.getByRole('heading', { name: SAMPLE_TITLE, level: 1 }).waitFor();
    // a file attached to an issue travels in the zip (written from the importing worker)
    const pdf = tinyPdf('Volume data at 97 percent');
    const issue = await openRaisedIssue(page, ISSUE);
    await issue
      .getByLabel('Files to attach')
      .setInputFiles([{ name: 'capacity.pdf', mimeType: 'application/pdf', buffer: pdf }]);
    await issue.getByRole('button', { name: 'Preview capacity.pdf' }).waitFor();
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByRole('heading', { name: 'Engagement archive' }).waitFor();
    await app.screenshot('data-tab-zip');
    const target = join(files, 'northwind.engagement.zip');
    dialogsOf(app).answerNextSave(target);
    await page.getByRole('button', { name: 'Export with attachments (zip)…' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Exported to “northwind.engagement.zip”' })
      .waitFor();
    expect(dialogsOf(app).saveRequests[0]?.defaultName).toMatch(/\.engagement\.zip$/);
    const entries = unzipSync(new Uint8Array(await readFile(target)));
    const archive = JSON.parse(new TextDecoder().decode(entries['engagement.json'])) as {
      format: string;
    };
    expect(archive.format).toBe('engagement-workbench-archive');

    other = await launchWorkbench();
    const fresh = other.page;
    await fresh.getByRole('heading', { name: 'Start your first engagement' }).waitFor();
    const bomb = join(files, 'bomb.engagement.zip');
    const zeros = new Uint8Array(150_000_000);
    await writeFile(
      bomb,
      zipSync({
        'engagement.json': entries['engagement.json']!,
        ['attachments/' + 'ab'.repeat(32)]: [zeros, { level: 9 }],
      }),
    );
    dialogsOf(other).answerNextOpen(bomb);
    await other.menuCommand('import-engagement');
    const dialog = fresh.getByRole('dialog', { name: 'Import engagement' });
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await dialog.getByText(/inflates to more than 100,000,000 bytes/).waitFor();
    await other.screenshot('data-import-zip-bomb');

    dialogsOf(other).answerNextOpen(target);
    await dialog.getByRole('button', { name: /Choose (another )?file…/ }).click();
    await dialog.getByText('it will be added as a copy').waitFor();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText(/Added “Northwind Learning/).waitFor();
    await other.screenshot('data-import-zip-done');
    expect(Object.keys(entries).filter((n) => n.startsWith('attachments/'))).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await fresh
      .getByRole('button', { name: new RegExp(SAMPLE_TITLE) })
      .first()
      .click();
    await fresh.getByRole('heading', { name: SAMPLE_TITLE, level: 1 }).waitFor();
    const imported = await openRaisedIssue(fresh, ISSUE);
    await imported.getByRole('button', { name: 'Preview capacity.pdf' }).waitFor();
    expect(await imported.getByText('The file has not arrived on this device yet.').count()).toBe(
      0,
    );
  });
});
