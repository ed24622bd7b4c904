import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';

describe('engagement memo settings: time zone, date style, letterhead, template', () => {
  let app: WorkbenchSession;

  beforeEach(async () => {
    app = await launchWorkbench();
  });

  afterEach(async () => {
    await app?.close();
  });

  it('refuses an unknown zone, saves a valid one and offers the wording as a template', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New engagement' }).click();
    const dialog = page.getByRole('dialog', { name: 'New engagement' });
    await dialog.getByLabel('Client').fill('Fabrikam');
    await dialog.getByLabel('Engagement title').fill('Platform review');
    // the device's zone is the default
    expect(await dialog.getByLabel('Time zone', { exact: true }).inputValue()).not.toBe('');
    await dialog.getByLabel('Time zone', { exact: true }).fill('Mars/Olympus');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await dialog.getByText('Time zone must be a time zone such as Europe/Berlin').waitFor();
    await dialog.getByLabel('Time zone', { exact: true }).fill('Europe/Berlin');
    await dialog.getByLabel('Dates on memos').selectOption('long');
    await dialog.getByLabel('Letterhead on memos').fill('Morgan Advisory\n12 Quay Street');
    await dialog.getByLabel('Signature block on memos').fill('Alex Morgan\nPrincipal');
    await dialog.getByLabel('Save as the template for new engagements').check();
    await app.screenshot('engagement-memo-settings');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // the next new engagement starts from the template
    await page.getByRole('button', { name: 'New engagement' }).click();
    const next = page.getByRole('dialog', { name: 'New engagement' });
    expect(await next.getByLabel('Time zone', { exact: true }).inputValue()).toBe('Europe/Berlin');
    expect(await next.getByLabel('Dates on memos').inputValue()).toBe('long');
    expect(await next.getByLabel('Letterhead on memos').inputValue()).toBe(
      'Morgan Advisory\n12 Quay Street',
    );
  });
});
