import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';
import { screenshotDir } from './harness/paths';
import { chosen, picker } from './harness/pickers';

describe('pickers: searchable people, risks and issues, by keyboard', () => {
  let app: WorkbenchSession;

  beforeEach(async () => {
    app = await launchWorkbench();
    await app.page.setViewportSize({ width: 1280, height: 800 });
  });

  afterEach(async () => {
    await app?.close();
  });

  it('chooses people by type-ahead, removes chips by keyboard, and Escape closes only the list', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load sample engagement' }).click();
    await page.getByRole('tab', { name: 'Raised issues', exact: true }).click();
    await page.getByRole('button', { name: 'New raised issue' }).click();
    const dialog = page.getByRole('dialog', { name: 'New raised issue' });
    const raisedTo = picker(dialog, 'Raised to');
    await raisedTo.focus();
    // Accents and case ignored, every word must match.
    await page.keyboard.type('HELEN oka');
    const list = page.locator(`[id="${await raisedTo.getAttribute('aria-controls')}"]`);
    await expect
      .poll(() => list.getByRole('option').allTextContents())
      .toEqual(['Helen Okafor, Director of Course Products']);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => chosen(dialog, 'Raised to'))
      .toEqual(['Helen Okafor, Director of Course Products']);
    // The list stays open for the next one; arrows walk it.
    // No waiting between keys: Enter right after typing chooses from the narrowed list.
    await page.keyboard.type('vic');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => chosen(dialog, 'Raised to'))
      .toEqual([
        'Helen Okafor, Director of Course Products',
        'Victor Hale, Chief Technology Officer',
      ]);
    expect(await raisedTo.getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: join(screenshotDir, 'screens', 'picker-open-1280x800.png') });
    // Backspace in the empty box removes the last chip (the box empties once the choice is
    // rendered: wait for that, else Backspace would delete a typed letter).
    await expect.poll(() => raisedTo.inputValue()).toBe('');
    await page.keyboard.press('Backspace');
    await expect
      .poll(() => chosen(dialog, 'Raised to'))
      .toEqual(['Helen Okafor, Director of Course Products']);
    // Escape closes the list, not the dialog.
    await page.keyboard.press('Escape');
    await expect.poll(() => raisedTo.getAttribute('aria-expanded')).toBe('false');
    expect(await dialog.isVisible()).toBe(true);
    // A chip's remove button.
    await dialog
      .getByRole('button', { name: 'Remove Helen Okafor, Director of Course Products' })
      .click();
    await expect.poll(() => chosen(dialog, 'Raised to')).toEqual([]);

    // A single choice: the owner of the fix, by type-ahead.
    const owner = picker(dialog, 'Owner of the fix');
    await owner.focus();
    await page.keyboard.type('rosa');
    await page.keyboard.press('Enter');
    await expect.poll(() => owner.inputValue()).toBe('Rosa Lindqvist');
    // Nothing matches: said so, nothing chosen.
    await raisedTo.focus();
    await page.keyboard.type('zzz');
    await list.getByText('Nothing matches “zzz”.').waitFor();
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(true);

    // The main action is always in view: the footer is inside the window.
    const save = dialog.getByRole('button', { name: 'Save raised issue' });
    const box = await save.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(800);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus returns to where it came from.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''))
      .toContain('New raised issue');
  });
});
