import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';

describe('global search: counts and spelling correction', () => {
  let app: WorkbenchSession;

  beforeEach(async () => {
    app = await launchWorkbench();
  });

  afterEach(async () => {
    await app?.close();
  });

  it('says how many records match, and corrects a mistyped word when nothing does', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load sample engagement' }).click();
    await page
      .getByRole('heading', { name: 'Database operations and publishing review', level: 1 })
      .waitFor();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search everything' });
    const box = palette.getByRole('combobox', { name: 'Search all engagements' });
    const results = palette.getByRole('listbox', { name: 'Search results' });

    await box.pressSequentially('publishing');
    await palette.getByText(/^\d+ match(es)? for “publishing”/).waitFor();
    expect(await results.getByRole('option').count()).toBeGreaterThan(0);

    await box.fill('');
    await box.pressSequentially('publsihing');
    await palette
      .getByText(/^No exact matches; showing results for “publishing” \(\d+ match(es)?/)
      .waitFor();
    expect(await results.getByRole('option').count()).toBeGreaterThan(0);
    const marks = await results.locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.toLowerCase().startsWith('publishing'))).toBe(true);
    await app.screenshot('search-corrected');

    await box.fill('');
    await box.pressSequentially('qwzxv');
    await palette.getByText('No matches for “qwzxv”.').waitFor();
    expect(await results.getByRole('option').count()).toBe(0);
  });
});
