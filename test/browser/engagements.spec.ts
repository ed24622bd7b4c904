import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';

describe('engagements: sample, edit, archive, settings, bad input', () => {
  let app: WorkbenchSession;

  beforeEach(async () => {
    app = await launchWorkbench();
  });

  afterEach(async () => {
    await app?.close();
  });

  it('loads the sample engagement with its records', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load sample engagement' }).click();
    await page
      .getByRole('heading', { name: 'Database operations and publishing review', level: 1 })
      .waitFor();
    await page.getByRole('status').filter({ hasText: 'Sample engagement loaded' }).waitFor();
    // The heading shows before the overview's live query answers: wait for the counts.
    const counts = page.getByRole('region', { name: 'Records in this engagement' });
    const stat = (label: string) =>
      counts.locator('.stat', { hasText: label }).locator('.stat-value');
    await stat('Stakeholders').waitFor();
    expect(Number(await stat('Stakeholders').textContent())).toBeGreaterThanOrEqual(10);
    expect(Number(await stat('Raised issues').textContent())).toBeGreaterThanOrEqual(5);
    await app.screenshot('engagement-sample-loaded');
  });

  it('refuses an engagement without a client, names the field and keeps what was typed', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New engagement' }).click();
    const dialog = page.getByRole('dialog', { name: 'New engagement' });
    await dialog.getByLabel('Engagement title').fill('Review with no client');
    await dialog.getByLabel('Scope').fill('Everything typed here must survive a refused save.');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await dialog.getByText('Client is required').waitFor();
    expect(await dialog.getByLabel('Engagement title').inputValue()).toBe('Review with no client');
    expect(await dialog.getByLabel('Scope').inputValue()).toContain('must survive');
    expect(await dialog.getByLabel('Client').getAttribute('aria-invalid')).toBe('true');

    await dialog.getByLabel('End date').fill('2020-01-01');
    await dialog.getByLabel('Start date').fill('2021-01-01');
    await dialog.getByLabel('Client').fill('Fabrikam');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await dialog.getByText('End date must not be before the start date').waitFor();
    await app.screenshot('engagement-form-errors');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('heading', { name: 'Start your first engagement' }).waitFor();
  });

  it('renames, archives with undo, and lists archived engagements on request', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Start your first engagement' }).waitFor();
    // The menu's New engagement (Ctrl/Cmd+N is its accelerator; browsers keep Ctrl+N for themselves).
    await app.menuCommand('new-engagement');
    const dialog = page.getByRole('dialog', { name: 'New engagement' });
    await dialog.getByLabel('Client').fill('Initech');
    await dialog.getByLabel('Engagement title').fill('TPS report pipeline');
    await dialog.getByLabel('Engagement title').press('Enter');
    await page.getByRole('heading', { name: 'TPS report pipeline', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit engagement' });
    await edit.getByLabel('Engagement title').fill('Weekly batch pipeline review');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Weekly batch pipeline review', level: 1 }).waitFor();

    const sidebar = page.getByRole('navigation', { name: 'Engagements' });
    await page.getByRole('button', { name: 'Archive' }).click();
    await sidebar.getByText('No open engagements.').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await sidebar.getByRole('button', { name: /Initech/ }).waitFor();

    await page.getByRole('button', { name: 'Archive' }).click();
    await sidebar.getByText('No open engagements.').waitFor();
    await sidebar.getByLabel('Show archived').check();
    await sidebar.getByRole('button', { name: /Initech.*archived/ }).waitFor();
    await app.screenshot('engagement-archived');

    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('New engagement').waitFor();
    await page.keyboard.press('Escape');
    expect(await help.count()).toBe(0);
  });

  it('takes the consultant name and firm for new engagements from the settings', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('Your name').fill('Dana Whitfield');
    await settings.getByLabel('Your firm').fill('Whitfield Data Consulting');
    await settings.getByLabel('This device’s name').fill('Work laptop');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();

    await page.getByRole('button', { name: 'Create engagement' }).click();
    const dialog = page.getByRole('dialog', { name: 'New engagement' });
    expect(await dialog.getByLabel('Your name on memos').inputValue()).toBe('Dana Whitfield');
    expect(await dialog.getByLabel('Your firm on memos').inputValue()).toBe(
      'Whitfield Data Consulting',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const restarted = await app.restart();
    await restarted.getByRole('button', { name: 'Settings' }).click();
    expect(await restarted.getByLabel('This device’s name').inputValue()).toBe('Work laptop');
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load sample engagement' }).click();
    await page
      .getByRole('heading', { name: 'Database operations and publishing review', level: 1 })
      .waitFor();

    // A newer app version upgrades the database (the open app's connection is told to close).
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('engagement-workbench', 990);
          request.onupgradeneeded = () => request.result.createObjectStore('futureThings');
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(new Error(String(request.error)));
          request.onblocked = () => undefined;
        }),
    );
    await page.reload();
    await page.getByRole('heading', { name: /saved by a newer version/ }).waitFor();
    await app.screenshot('engagement-newer-database');

    const after = await page.evaluate(
      () =>
        new Promise<{ version: number; stores: string[]; engagements: number }>(
          (resolve, reject) => {
            const request = indexedDB.open('engagement-workbench');
            request.onsuccess = () => {
              const db = request.result;
              const count = db.transaction('engagements').objectStore('engagements').count();
              count.onsuccess = () => {
                resolve({
                  version: db.version,
                  stores: [...db.objectStoreNames],
                  engagements: count.result,
                });
                db.close();
              };
            };
            request.onerror = () => reject(new Error(String(request.error)));
          },
        ),
    );
    expect(after.version).toBe(990);
    expect(after.stores).toContain('futureThings');
    expect(after.engagements).toBe(1);
  });
});
