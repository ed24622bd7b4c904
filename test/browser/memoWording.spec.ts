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
    // the rating key starts from the standard wording and can be the firm's own
    const highTime = dialog.getByLabel('High: time to act');
    expect(await highTime.inputValue()).toBe('Within 2 weeks');
    await highTime.fill('This week');
    await dialog.getByLabel('Low: meaning').fill('');
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await dialog.getByText('Low: meaning is required').waitFor();
    await dialog.getByLabel('Low: meaning').fill('Worth planning.');
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
    expect(await next.getByLabel('High: time to act').inputValue()).toBe('This week');
    expect(await next.getByLabel('Low: meaning').inputValue()).toBe('Worth planning.');
    await next.getByLabel('Client').fill('Contoso');
    await next.getByRole('button', { name: 'Create engagement' }).click();
    await next.waitFor({ state: 'hidden' });

    // its memos print the firm's rating key
    await page.getByRole('tab', { name: 'Memos' }).click();
    const preview = page.getByTestId('memo-preview');
    await preview.getByRole('heading', { name: '4. Rating key' }).waitFor();
    await preview.getByText('This week').first().waitFor();
    await preview.getByText('Worth planning.').first().waitFor();
  });
});
