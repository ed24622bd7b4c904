import type { Locator, Page } from 'playwright-core';

/** Raised issues tab › the row titled `issue`: resolves to its detail pane, once it shows. */
export async function openRaisedIssue(page: Page, issue: string): Promise<Locator> {
  await page.getByRole('tab', { name: 'Raised issues', exact: true }).click();
  await page
    .getByRole('grid', { name: 'Raised issues' })
    .getByRole('row')
    .filter({ hasText: issue })
    .click();
  const detail = page.getByRole('region', { name: 'Raised issue details' });
  await detail.getByRole('heading', { name: new RegExp(issue) }).waitFor();
  return detail;
}
