import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';
import type { HarnessBridge } from './harness/harnessBridge';
import { liveRegionsSaying } from './harness/liveRegions';

const SAMPLE_TITLE = 'Database operations and publishing review';

/** The scripted dialogs (the browser harness); these tests drive the native dialogs through it. */
function dialogsOf(app: WorkbenchSession): HarnessBridge['dialogs'] {
  if (!app.bridge) throw new Error('these tests script the file dialogs: run them in Chromium');
  return app.bridge.dialogs;
}

async function loadSampleAndOpenData(app: WorkbenchSession) {
  const { page } = app;
  await page.getByRole('button', { name: 'Load sample engagement' }).click();
  await page.getByRole('heading', { name: SAMPLE_TITLE, level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('heading', { name: 'Engagement archive' }).waitFor();
}

describe('data: archives, spreadsheets, backups', () => {
  let app: WorkbenchSession;
  let other: WorkbenchSession | null = null;
  let files: string;

  beforeEach(async () => {
    app = await launchWorkbench();
    files = await mkdtemp(join(tmpdir(), 'workbench-files-'));
  });

  afterEach(async () => {
    await other?.close();
    other = null;
    await app?.close();
    await rm(files, { recursive: true, force: true });
  });

  it('exports the sample engagement and imports it into a fresh profile', async () => {
    const { page } = app;
    await loadSampleAndOpenData(app);
    await app.screenshot('data-tab');
    const target = join(files, 'northwind.engagement.json');
    dialogsOf(app).answerNextSave(target);
    await page.getByRole('button', { name: 'Export archive…' }).click();
    const toast = page.locator('.toast', { hasText: 'Exported to “northwind.engagement.json”' });
    await toast.waitFor();
    // Said once, by the app's live region; the toast shows it without reading it again.
    await page
      .getByRole('status', { name: 'Announcements' })
      .getByText('The engagement archive exported to northwind.engagement.json.')
      .waitFor();
    expect(await liveRegionsSaying(page, 'northwind.engagement.json')).toBe(1);
    expect(await toast.isVisible()).toBe(true);
    expect(dialogsOf(app).saveRequests[0]?.defaultName).toMatch(/\.engagement\.json$/);
    const archive = JSON.parse(await readFile(target, 'utf8')) as {
      format: string;
      summary: { counts: Record<string, number> };
    };
    expect(archive.format).toBe('engagement-workbench-archive');
    const stakeholders = archive.summary.counts.stakeholder ?? 0;
    expect(stakeholders).toBeGreaterThanOrEqual(10);

    other = await launchWorkbench();
    const fresh = other.page;
    await fresh.getByRole('heading', { name: 'Start your first engagement' }).waitFor();
    dialogsOf(other).answerNextOpen(target);
    await other.menuCommand('import-engagement');
    const dialog = fresh.getByRole('dialog', { name: 'Import engagement' });
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await dialog.getByText('it will be added as a copy').waitFor();
    const row = dialog.getByRole('row', { name: /Stakeholders/ });
    expect(await row.getByRole('cell').first().textContent()).toBe(String(stakeholders));
    await other.screenshot('data-import-preview');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText(/Added “Northwind Learning/).waitFor();
    // The archive was written by the reader's worker: the window's live list hears of it.
    await fresh
      .getByRole('navigation', { name: 'Engagements' })
      .getByText(/Northwind Learning/)
      .first()
      .waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await fresh.getByRole('heading', { name: SAMPLE_TITLE, level: 1 }).waitFor();
    await fresh.getByRole('tab', { name: 'Stakeholders' }).click();
    const counts = await fresh.evaluate(async () => {
      const open = indexedDB.open('engagement-workbench');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const count = (name: string, index?: string) =>
        new Promise<number>((resolve) => {
          const store = db.transaction(name).objectStore(name);
          const req = index ? store.index(index).count() : store.count();
          req.onsuccess = () => resolve(req.result);
        });
      // The change log: this device's rows, and the packs of changes made elsewhere (one
      // `changeIds` index entry per packed change).
      const result = {
        stakeholders: await count('stakeholders'),
        changes: (await count('changes')) + (await count('changePacks', 'changeIds')),
      };
      db.close();
      return result;
    });
    expect(counts.stakeholders).toBe(stakeholders);
    expect(counts.changes).toBeGreaterThan(stakeholders);

    // A file that is not an archive is refused with its name, and nothing changes.
    const bad = join(files, 'notes.json');
    await writeFile(bad, '{"hello": "world"}');
    dialogsOf(other).answerNextOpen(bad);
    await other.menuCommand('import-engagement');
    const again = fresh.getByRole('dialog', { name: 'Import engagement' });
    await again.getByRole('button', { name: 'Choose file…' }).click();
    await again.getByRole('alert').filter({ hasText: '“notes.json” was not imported' }).waitFor();
    await other.screenshot('data-import-refused');
  });

  it('imports a stakeholder spreadsheet and reports the bad row', async () => {
    const { page } = app;
    await loadSampleAndOpenData(app);
    const csv = join(files, 'client-people.csv');
    await writeFile(
      csv,
      '\uFEFFFull name;Job title;Department;Influence\r\n' +
        'Priya Raman;Data engineer;"IT Operations; Data";4\r\n' +
        'Lee Novak;Analyst;Finance;9\r\n' +
        '"Okafor, Amara";"Head of\nPublishing";Publishing;3\r\n',
    );
    dialogsOf(app).answerNextOpen(csv);
    await page.getByRole('button', { name: 'Import Stakeholders from CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import stakeholders' });
    await dialog.getByText('2 to create · 0 to update · 0 unchanged · 1 refused').waitFor();
    const refused = dialog.getByRole('table').filter({ hasText: 'Problem' });
    const cells = await refused.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(cells).toEqual(['3', 'Influence', 'must be 1 to 5']);
    expect(await dialog.getByLabel('Column “Full name”').inputValue()).toBe('name');
    await app.screenshot('data-csv-report');
    await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Stakeholders: 2 created, 0 updated.' })
      .waitFor();
    // the app's live region says it too, for a screen reader wherever focus is
    await page
      .getByRole('status', { name: 'Announcements' })
      .getByText('Stakeholders from client-people.csv imported: 2 created, 0 updated.')
      .waitFor();
    expect(await liveRegionsSaying(page, '2 created, 0 updated')).toBe(1);
    await page.getByRole('tab', { name: 'Stakeholders' }).click();
    await page.getByText('Okafor, Amara').first().waitFor();
    expect(await page.getByText('Lee Novak').count()).toBe(0);
  });

  it('imports vacancies as vacant seats and lists each row lost to a cut-off file (read in a worker)', async () => {
    const { page } = app;
    await loadSampleAndOpenData(app);
    const csv = join(files, 'cut-off.csv');
    await writeFile(
      csv,
      'Name;Title;Manager;Notes\n' +
        '(vacant);Head of Data;;\n' +
        'Ria Sen;Analyst;(vacant) Head of Data;ok\n' +
        'Tom Ek;DBA;Ria Sen;"cut off here\n' +
        'Una Li;Tester;Ria Sen;x\n',
    );
    dialogsOf(app).answerNextOpen(csv);
    await page.getByRole('button', { name: 'Import Stakeholders from CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import stakeholders' });
    await dialog.getByText('2 to create · 0 to update · 0 unchanged · 2 refused').waitFor();
    const refused = dialog.getByRole('table').filter({ hasText: 'Problem' });
    const rows = await refused.getByRole('row').allTextContents();
    expect(rows.slice(1).map((r) => r.slice(0, 1))).toEqual(['4', '5']);
    expect(rows[1]).toContain('a quoted cell is never closed');
    await app.screenshot('data-csv-cut-off');
    await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
    await page.getByRole('status').filter({ hasText: 'Stakeholders: 2 created' }).waitFor();
    await page.getByRole('tab', { name: 'Stakeholders' }).click();
    await page.getByText('(vacant) Head of Data').first().waitFor();
  });

  it('restores an engagement from a backup on a fresh profile', async () => {
    const { page } = app;
    await loadSampleAndOpenData(app);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('status').filter({ hasText: 'Backup written.' }).waitFor();
    await page.getByRole('table', { name: 'Backups of this engagement' }).waitFor();

    // A new computer with the old backups folder.
    const profile = await mkdtemp(join(tmpdir(), 'workbench-profile-'));
    await mkdir(join(profile, 'userData'), { recursive: true });
    await cp(join(app.profileDir, 'userData', 'backups'), join(profile, 'userData', 'backups'), {
      recursive: true,
    });
    other = await launchWorkbench({ profileDir: profile });
    const fresh = other.page;
    await fresh.getByRole('heading', { name: 'Start your first engagement' }).waitFor();
    await other.menuCommand('restore-backup');
    const dialog = fresh.getByRole('dialog', { name: 'Restore from backup' });
    await dialog.getByRole('button', { name: /Northwind Learning/ }).click();
    await dialog.getByRole('row', { name: /Raised issues/ }).waitFor();
    await other.screenshot('data-restore-dialog');
    await dialog.getByRole('button', { name: 'Restore…' }).click();
    await dialog.getByRole('button', { name: 'Restore as copy' }).click();
    await dialog.getByText(/Added “Northwind Learning/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await fresh.getByRole('heading', { name: SAMPLE_TITLE, level: 1 }).waitFor();
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  });
});
