import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';

describe('a new engagement: titled after the client, truthful empty overview', () => {
  let app: WorkbenchSession;

  beforeEach(async () => {
    app = await launchWorkbench();
    await app.page.setViewportSize({ width: 1280, height: 800 });
  });

  afterEach(async () => {
    await app?.close();
  });

  it('creates an engagement from the client alone, by keyboard, and says nothing is recorded yet', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New engagement' }).first().focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New engagement' });
    const client = dialog.getByLabel('Client');
    // Focus starts in the first field; the placeholder reads as an example, not a value.
    expect(await client.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await client.getAttribute('placeholder')).toMatch(/^For example/);
    await page.keyboard.type('Fabrikam');
    expect(await dialog.getByLabel('Engagement title').getAttribute('placeholder')).toContain(
      'Fabrikam',
    );
    // Enter submits the form.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Fabrikam', level: 1 }).waitFor();
    // The client once in the sidebar, not twice.
    const item = page.getByRole('button', { name: /^Fabrikam/ });
    expect((await item.textContent())?.match(/Fabrikam/g)).toHaveLength(1);
    // Nothing recorded yet, rather than "all clear".
    const overview = page.locator('.overview');
    await overview.getByText('Nothing recorded yet: no issue has been raised.').waitFor();
    expect(await overview.getByText(/Every raised issue/).count()).toBe(0);
    expect(await overview.getByText(/Every area has an Accountable/).count()).toBe(0);
    await overview
      .getByText('Nothing recorded yet: no system or process has been mapped.')
      .waitFor();
    await app.screenshot('shell-new-engagement-overview');
  });
});
