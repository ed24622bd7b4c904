import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';
import { arrowToTab, expectFocusOn, expectFocusVisible, tabTo } from './harness/keyboard';

/** Types into the focused picker and chooses the option named `option` with Enter. */
async function pickByKeyboard(page: Page, text: string, option: RegExp): Promise<void> {
  await page.keyboard.type(text);
  // The first option is highlighted once the list shows the match.
  await page.getByRole('option', { name: option, selected: true }).waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Starts recording what the app's live region says (each announcement replaces its text), so a
 * test can read the whole sequence, "Exporting…" included, however fast the export was.
 */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const region = document.querySelector('[role="status"][aria-label="Announcements"]');
    if (!region) throw new Error('no live region');
    const said: string[] = [];
    (window as unknown as { __announced: string[] }).__announced = said;
    new MutationObserver(() => {
      const text = region.textContent ?? '';
      if (text !== '') said.push(text);
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
}

function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __announced: string[] }).__announced]);
}

/**
 * The core flow with the keyboard alone (page.keyboard only: no click, no focus() call), with
 * focus visible at every stop: create an engagement, add a person, raise an issue to them,
 * record their answer, issue a memo and export it as Markdown and PDF.
 */
describe('the core flow by keyboard alone', () => {
  let app: WorkbenchSession;
  let out = '';

  beforeAll(async () => {
    app = await launchWorkbench();
    if (!app.bridge)
      throw new Error('this spec scripts the save dialog: it needs the Chromium harness');
    out = await mkdtemp(join(tmpdir(), 'keyboard-flow-'));
    await app.page.setViewportSize({ width: 1280, height: 800 });
  });

  afterAll(async () => {
    await app?.bridge?.dispose();
    await app?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('creates, adds, raises, records, issues and exports with focus always visible', async () => {
    const { page } = app;
    const bridge = app.bridge;
    if (!bridge) throw new Error('bridge');
    await page.getByRole('heading', { name: 'Start your first engagement' }).waitFor();

    // The engagement: the dialog takes focus, Enter in a field submits it, focus goes to the page.
    await tabTo(page, 'Create engagement');
    await page.keyboard.press('Enter');
    const newEngagement = page.getByRole('dialog', { name: 'New engagement' });
    await newEngagement.waitFor();
    await expectFocusOn(page, 'Client', 'new engagement opens');
    await page.keyboard.type('Helios Media');
    await tabTo(page, 'Start date'); // a date field shows the ring on every part
    await tabTo(page, 'Your name on memos');
    await page.keyboard.type('Alex Morgan');
    await app.screenshot('keyboard-flow-new-engagement');
    await page.keyboard.press('Enter');
    await newEngagement.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Helios Media', level: 1 }).waitFor();
    // The button that opened the dialog is gone with the empty state: focus is on the heading.
    await expectFocusOn(page, 'Helios Media', 'engagement created');

    // A person.
    await tabTo(page, 'Overview', { role: 'tab' });
    await arrowToTab(page, 'Stakeholders');
    await tabTo(page, 'New stakeholder');
    // Escape closes a dialog and gives focus back to the button that opened it.
    await page.keyboard.press('Enter');
    const newPerson = page.getByRole('dialog', { name: 'New stakeholder' });
    await newPerson.waitFor();
    await expectFocusOn(page, 'Name', 'new stakeholder opens');
    await page.keyboard.press('Escape');
    await newPerson.waitFor({ state: 'detached' });
    await expectFocusOn(page, 'New stakeholder', 'new stakeholder cancelled');
    await page.keyboard.press('Enter');
    await newPerson.waitFor();
    await expectFocusOn(page, 'Name', 'new stakeholder opens');
    await page.keyboard.type('Dana Whit');
    await tabTo(page, 'Job title');
    await page.keyboard.type('Chief Technology Officer');
    await tabTo(page, 'Decision authority');
    await page.keyboard.press('ArrowDown'); // a closed select steps to the next choice
    await tabTo(page, 'Add stakeholder');
    await page.keyboard.press('Enter');
    await newPerson.waitFor({ state: 'detached' });
    await expectFocusOn(page, 'New stakeholder', 'stakeholder added');
    await page
      .getByRole('grid', { name: 'Stakeholders' })
      .getByRole('row')
      .filter({ hasText: 'Dana Whit' })
      .waitFor();

    // An issue raised to her.
    await tabTo(page, 'Stakeholders', { back: true, role: 'tab' });
    await arrowToTab(page, 'Raised issues');
    await tabTo(page, 'New raised issue');
    await page.keyboard.press('Enter');
    const raise = page.getByRole('dialog', { name: 'New raised issue' });
    await raise.waitFor();
    await expectFocusOn(page, 'Title', 'new raised issue opens');
    await page.keyboard.type('Disk on the reporting server is filling up');
    await tabTo(page, /^Raised to/);
    await pickByKeyboard(page, 'Dana', /Dana Whit/);
    await raise.getByRole('list', { name: 'Chosen: Raised to' }).getByText('Dana Whit').waitFor();
    // Escape closes the open list, not the dialog.
    await page.keyboard.press('Escape');
    await expectFocusOn(page, 'Raised to (1)', 'picker closed');
    expect(await raise.isVisible()).toBe(true);
    await tabTo(page, 'Recommendation');
    await page.keyboard.type('Move the reporting database to the new volume.');
    await app.screenshot('keyboard-flow-raise-issue');
    await tabTo(page, 'Save raised issue');
    await page.keyboard.press('Enter');
    await raise.waitFor({ state: 'detached' });
    await expectFocusOn(page, 'New raised issue', 'issue saved');
    const detail = page.getByRole('region', { name: 'Raised issue details' });
    await detail
      .getByRole('heading', { name: 'Disk on the reporting server is filling up' })
      .waitFor();

    // Her acknowledgement.
    await tabTo(page, 'Record acknowledgement');
    await page.keyboard.press('Enter');
    const ack = page.getByRole('dialog', { name: 'Record acknowledgement' });
    await ack.waitFor();
    await expectFocusOn(page, 'Answered by', 'acknowledgement opens');
    await pickByKeyboard(page, 'Dana', /Dana Whit/);
    await expect
      .poll(() => ack.getByRole('combobox', { name: 'Answered by' }).inputValue())
      .toBe('Dana Whit, Chief Technology Officer');
    await tabTo(page, 'Their words');
    await page.keyboard.type('Agreed: we move it this week.');
    await tabTo(page, 'Save acknowledgement');
    await page.keyboard.press('Enter');
    await ack.waitFor({ state: 'detached' });
    await expectFocusOn(page, 'Record acknowledgement', 'acknowledgement saved');
    await detail
      .getByRole('list', { name: 'Answers per person raised to' })
      .getByText(/Dana Whit: answered/)
      .waitFor();

    // The memo to her: issued, then exported as Markdown and PDF.
    await tabTo(page, 'Raised issues', { back: true, role: 'tab' });
    await arrowToTab(page, 'Memos');
    const composer = page.getByRole('form', { name: 'Memo composer' });
    await composer.waitFor();
    await tabTo(page, /^To \(decision makers\)/);
    await pickByKeyboard(page, 'Dana', /Dana Whit/);
    await composer
      .getByRole('list', { name: 'Chosen: To (decision makers)' })
      .getByText('Dana Whit')
      .waitFor();
    await page.keyboard.press('Escape');
    const issueButton = page
      .getByRole('toolbar', { name: 'Memo actions' })
      .getByRole('button', { name: 'Issue', exact: true });
    await expect.poll(() => issueButton.getAttribute('aria-disabled')).toBeNull();
    await tabTo(page, 'Issue', { back: true });
    await page.keyboard.press('Enter');
    const memoRow = page.getByRole('row', { name: /-001 version 1/ });
    await memoRow.waitFor();
    await expectFocusVisible(page, 'memo issued');
    const memoId = ((await memoRow.getByRole('cell').first().textContent()) ?? '').replace(
      / v1$/,
      '',
    );

    // The live region says the export starts and how it ended: a full disk first, then saved.
    await recordAnnouncements(page);
    const md = join(out, 'memo.md');
    bridge.memoFiles.failNextWrite('ENOSPC');
    bridge.dialogs.answerNextSave(md);
    await tabTo(page, `Export ${memoId} v1 as Markdown`);
    await page.keyboard.press('Enter');
    const subject = `memo ${memoId} version 1 (Markdown)`;
    await expect
      .poll(() => announcements(page), { timeout: 15_000 })
      .toEqual([
        `Exporting ${subject}…`,
        `Export of ${subject} failed: Could not save memo.md: the disk is full. Nothing was lost: choose another place and try again.`,
      ]);
    await expectFocusOn(page, `Export ${memoId} v1 as Markdown`, 'Markdown export failed');
    bridge.dialogs.answerNextSave(md);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Saved memo.md' }).first().waitFor();
    await expect
      .poll(async () => (await announcements(page)).slice(2), { timeout: 15_000 })
      .toEqual([
        `Exporting ${subject}…`,
        `Memo ${memoId} version 1 (Markdown) exported to memo.md.`,
      ]);
    await expectFocusOn(page, `Export ${memoId} v1 as Markdown`, 'Markdown exported');
    const pdf = join(out, 'memo.pdf');
    bridge.dialogs.answerNextSave(pdf);
    await tabTo(page, `Export ${memoId} v1 as PDF`);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Saved memo.pdf' }).first().waitFor();
    await expectFocusOn(page, `Export ${memoId} v1 as PDF`, 'PDF exported');
    await app.screenshot('keyboard-flow-memo-exported');

    // Her dossier, twice: the toasts saying so must not hide the next button (they move aside).
    await tabTo(page, 'Dossier stakeholder');
    await page.keyboard.press('ArrowDown'); // a closed select steps to its first person
    await expect
      .poll(() => page.getByLabel('Dossier stakeholder').inputValue(), { timeout: 15_000 })
      .not.toBe('');
    await tabTo(page, 'Stakeholder dossier (Markdown)');
    for (const name of ['dossier-1.md', 'dossier-2.md']) {
      bridge.dialogs.answerNextSave(join(out, name));
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: `Saved ${name}` })
        .first()
        .waitFor();
      await expectFocusOn(page, 'Stakeholder dossier (Markdown)', `${name} exported`);
    }
    await tabTo(page, 'Stakeholder dossier (PDF)');
    await app.screenshot('keyboard-flow-dossier');
    expect(await readFile(join(out, 'dossier-2.md'), 'utf8')).toContain('Dana Whit');

    const markdown = (await readFile(md, 'utf8')).replace(/\s+/g, ' ');
    const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    for (const text of [markdown, pdfText]) {
      expect(text).toContain('Disk on the reporting server is filling up');
      expect(text).toContain('Dana Whit');
      expect(text).toContain('Agreed: we move it this week.');
    }
  });
});
