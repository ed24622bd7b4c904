import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';

describe('Today across every engagement', () => {
  let app: WorkbenchSession;

  beforeEach(async () => {
    app = await launchWorkbench();
  });

  afterEach(async () => {
    await app?.close();
  });

  it('lists overdue answers per person and opens the raised issue; notifies once a day', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load sample engagement' }).click();
    await page
      .getByRole('heading', { name: 'Database operations and publishing review', level: 1 })
      .waitFor();

    // Today from the sidebar
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    const answers = page.getByRole('region', { name: /Answers overdue/ });
    const items = answers.getByRole('button');
    await items.first().waitFor();
    const texts = await items.allTextContents();
    // one line per person who has not answered: same issue, different people
    const people = texts.map((t) => /no answer from (.+?) since/.exec(t)?.[1] ?? '');
    expect(people.every((p) => p.length > 0 && !p.includes('no longer'))).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
    // the batch jobs went to three people: the two who have not answered are listed apart
    const batch = texts.filter((t) => t.startsWith('The weekly batch jobs'));
    expect(batch.map((t) => /no answer from (.+?) since/.exec(t)?.[1]).sort()).toEqual([
      'Helen Okafor',
      'Tomasz Reilly',
    ]);
    expect(texts.some((t) => t.includes('Victor Hale'))).toBe(true);
    const heading = await answers.getByRole('heading').textContent();
    expect(heading).toContain(String(texts.length));
    await app.screenshot('today-sample');

    // opening one lands on the raised issue, chosen
    const first = items.first();
    const title = (await first.locator('.overview-link-title').textContent()) ?? '';
    await first.click();
    await page.getByRole('tab', { name: 'Raised issues', selected: true }).waitFor();
    await page.getByRole('article').getByRole('heading', { name: title }).first().waitFor();

    // a fresh start opens on Today and shows the OS notification once that day
    await page.reload();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await expect.poll(() => app.bridge?.notifications.length ?? 0).toBe(1);
    expect(app.bridge?.notifications[0]?.title).toMatch(/things came due/);
    expect(app.bridge?.notifications[0]?.body).toContain('answers overdue');
    await page.reload();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await page.waitForTimeout(500);
    expect(app.bridge?.notifications.length).toBe(1);

    // turned off in Settings: a new day (forgotten last day) brings no notification
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const remind = dialog.getByLabel('Remind me once a day of what came due');
    expect(await remind.isChecked()).toBe(true);
    await remind.uncheck();
    await app.screenshot('today-settings-switch');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.evaluate(() => localStorage.removeItem('workbench-due-notified-day'));
    await page.reload();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await page.waitForTimeout(500);
    expect(app.bridge?.notifications.length).toBe(1);
  });
});
