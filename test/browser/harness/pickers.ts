import type { Locator } from 'playwright-core';

/** The searchable picker (combobox) labelled `label` inside `scope`. */
export function picker(scope: Locator, label: string | RegExp): Locator {
  const escaped = typeof label === 'string' ? label.replace(/[()]/g, '\\$&') : '';
  const name = typeof label === 'string' ? new RegExp(`^${escaped}( \\(\\d+\\))?$`) : label;
  return scope.getByRole('combobox', { name });
}

/** Types `text` into a picker and chooses the highlighted match with Enter, as a keyboard user does. */
export async function pick(scope: Locator, label: string | RegExp, text: string): Promise<void> {
  const box = picker(scope, label);
  await box.click();
  await box.fill(text);
  const page = box.page();
  const list = page.locator(`[id="${await box.getAttribute('aria-controls')}"]`);
  await list.getByRole('option').first().waitFor();
  await page.keyboard.press('Enter');
  // A multiple picker stays open for the next choice: Escape closes it (not the dialog).
  if ((await box.getAttribute('aria-expanded')) === 'true') await page.keyboard.press('Escape');
}

/** The labels of the chips a multiple picker shows as chosen. */
export async function chosen(scope: Locator, label: string): Promise<string[]> {
  const chips = scope.getByRole('list', { name: `Chosen: ${label}` });
  if ((await chips.count()) === 0) return [];
  return chips.locator('.picker-chip-label').allTextContents();
}

/** Every option a picker lists when opened with nothing typed (at most its first 50). */
export async function pickerOptions(scope: Locator, label: string): Promise<string[]> {
  const box = picker(scope, label);
  await box.focus();
  const page = box.page();
  if ((await box.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowDown');
  const list = page.locator(`[id="${await box.getAttribute('aria-controls')}"]`);
  await list.getByRole('option').first().waitFor();
  const texts = await list.getByRole('option').allTextContents();
  await page.keyboard.press('Escape');
  return texts;
}
