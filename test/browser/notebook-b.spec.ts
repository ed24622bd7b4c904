import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chosen, pick, picker } from './harness/pickers';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';

/** Loads the sample engagement and waits for it to open. */
async function loadSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load sample engagement' }).click();
  await page
    .getByRole('heading', { name: 'Database operations and publishing review', level: 1 })
    .waitFor();
}

/** Closes the messages at the bottom (so screenshots show what they cover). */
async function dismissToasts(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Dismiss' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

/** Opens a tab of the engagement. */
async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

/** Chooses a row of a grid by some text it holds. */
async function chooseRow(page: Page, grid: string, text: string): Promise<void> {
  await page.getByRole('grid', { name: grid }).getByRole('row').filter({ hasText: text }).click();
}

describe('notebook B: raised issues, notes, search, history', () => {
  let app: WorkbenchSession;
  const dialogs: string[] = [];

  beforeEach(async () => {
    dialogs.length = 0;
    app = await launchWorkbench();
    app.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  afterEach(async () => {
    await app?.close();
  });

  it('records the CTO’s acknowledgement on the disk-space issue', async () => {
    const { page } = app;
    await loadSample(page);
    // The overview's acknowledgement radar lists it; the link opens it on Raised issues.
    const radar = page.getByRole('region', { name: /^Awaiting acknowledgement/ });
    await radar.getByText('Disk on the reporting server is filled').click();
    expect(
      await page
        .getByRole('tab', { name: 'Raised issues', exact: true })
        .getAttribute('aria-selected'),
    ).toBe('true');
    const row = page
      .getByRole('grid', { name: 'Raised issues' })
      .getByRole('row')
      .filter({ hasText: 'Disk on the reporting server is filled' });
    await row.getByText('overdue').waitFor();
    const detail = page.getByRole('region', { name: 'Raised issue details' });
    await detail.getByRole('heading', { name: /Disk on the reporting server is filled/ }).waitFor();
    await dismissToasts(page);
    await app.screenshot('notebook-b-raised-issues');

    await detail.getByRole('button', { name: 'Record acknowledgement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record acknowledgement' });
    expect(await dialog.getByLabel('Answered by').inputValue()).not.toBe('');
    const answeredBy = await picker(dialog, 'Answered by').inputValue();
    expect(answeredBy).toContain('Victor Hale');
    await dialog.getByLabel('Response').selectOption('accepted');
    await dialog
      .getByLabel('Their words')
      .fill(
        'Agreed. Move the backup rotations this week; I will name an owner for the disk. — Victor',
      );
    await app.screenshot('notebook-b-acknowledgement-form');
    await dialog.getByRole('button', { name: 'Save acknowledgement' }).click();
    await page.getByRole('status').filter({ hasText: 'Acknowledgement recorded' }).waitFor();
    await row.getByText('yes, by all').waitFor();
    await detail.getByText('Move the backup rotations this week').waitFor();
    await detail.locator('.badge-issue-acknowledged').waitFor();

    // It leaves the overview's radar.
    await openTab(page, 'Overview');
    await radar.waitFor();
    await radar.getByText('Disk on the reporting server is filled').waitFor({ state: 'detached' });
  });

  it('edits the evidence and linked risks of the batch-job issue; a refused save keeps them', async () => {
    const { page } = app;
    await loadSample(page);
    await openTab(page, 'Raised issues');
    await chooseRow(page, 'Raised issues', 'The weekly batch jobs are not monitored');
    const detail = page.getByRole('region', { name: 'Raised issue details' });
    await dismissToasts(page);
    await detail.getByRole('button', { name: /^Edit The weekly batch jobs/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit raised issue' });

    // The stored evidence, in order, each item with its kind and words.
    const evidence = dialog.getByRole('group', { name: 'Evidence', exact: true });
    const first = evidence.getByRole('group', { name: 'Evidence 1' });
    const second = evidence.getByRole('group', { name: 'Evidence 2' });
    expect(await first.getByLabel('Kind').inputValue()).toBe('reference');
    expect(await first.getByLabel('Reference').inputValue()).toContain('Scheduler log');
    expect(await second.getByLabel('Kind').inputValue()).toBe('quote');
    expect(await second.getByLabel('Quote').inputValue()).toContain('enrolment columns');

    // Edit one, add a quote left empty, and change the linked risks.
    await first
      .getByLabel('Reference')
      .fill('Scheduler log of the weekend run, 14 June: three jobs failed with "no space left".');
    await evidence.getByRole('button', { name: 'Add quote' }).click();
    const third = evidence.getByRole('group', { name: 'Evidence 3' });
    const newQuote = third.getByLabel('Quote');
    expect(await newQuote.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect
      .poll(() => chosen(dialog, 'Linked risks'))
      .toContain('Weekly batch jobs fail without anyone noticing');
    await pick(dialog, 'Linked risks', 'disk space');
    await dialog
      .getByRole('button', { name: 'Remove Escalations reach nobody who can decide' })
      .click();

    // Saving with the empty quote is refused on that field; nothing typed is lost.
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await third.getByRole('alert').filter({ hasText: 'Quote is required' }).waitFor();
    expect(await newQuote.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.isVisible()).toBe(true);
    expect(await first.getByLabel('Reference').inputValue()).toContain('14 June');
    const linkedNow = await chosen(dialog, 'Linked risks');
    expect(linkedNow).toContain('Reporting database server runs out of disk space');
    expect(linkedNow).not.toContain('Escalations reach nobody who can decide');
    await third.scrollIntoViewIfNeeded();
    await app.screenshot('notebook-b-evidence-refused');

    // Fill it, move it to the top, remove the old quote, and save.
    await newQuote.fill('Nobody told us the jobs were ours to watch. — Service desk lead');
    await third.getByRole('button', { name: 'Move evidence 3 up' }).click();
    await evidence
      .getByRole('group', { name: 'Evidence 2' })
      .getByRole('button', {
        name: 'Move evidence 2 up',
      })
      .click();
    expect(await first.getByLabel('Quote').inputValue()).toContain('Service desk lead');
    await evidence.getByRole('button', { name: 'Remove evidence 3' }).click();
    expect(await evidence.getByRole('group', { name: /^Evidence \d$/ }).count()).toBe(2);
    await evidence.scrollIntoViewIfNeeded();
    await app.screenshot('notebook-b-evidence-form');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('notebook-b-evidence-form-dark');
    await picker(dialog, 'Linked risks').scrollIntoViewIfNeeded();
    await app.screenshot('notebook-b-linked-risks-form-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Raised issue saved' }).waitFor();
    await dialog.waitFor({ state: 'detached' });

    // The detail shows the evidence in the new order and the linked risks, which open the risk.
    const items = detail.locator('.evidence-list li');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain('Service desk lead');
    expect(await items.nth(1).textContent()).toContain('14 June');
    const linked = detail.getByRole('list', { name: 'Linked risks' });
    await linked
      .getByRole('button', { name: 'Reporting database server runs out of disk space' })
      .waitFor();
    expect(await linked.getByRole('listitem').count()).toBe(2);
    await dismissToasts(page);
    await linked.scrollIntoViewIfNeeded();
    await app.screenshot('notebook-b-evidence-detail');
    await linked
      .getByRole('button', { name: 'Weekly batch jobs fail without anyone noticing' })
      .click();
    expect(
      await page.getByRole('tab', { name: 'Risks', exact: true }).getAttribute('aria-selected'),
    ).toBe('true');
    await page
      .getByRole('heading', { name: 'Weekly batch jobs fail without anyone noticing' })
      .waitFor();

    // The edit is in the issue's history.
    await openTab(page, 'Raised issues');
    await chooseRow(page, 'Raised issues', 'The weekly batch jobs are not monitored');
    await detail.getByText('Service desk lead').first().waitFor();
  });

  it('names the issued memo an acknowledgement answers, memos with the issue first', async () => {
    const { page } = app;
    await loadSample(page);
    await openTab(page, 'Memos');
    const composer = page.getByRole('form', { name: 'Memo composer' });
    const actions = page.getByRole('toolbar', { name: 'Memo actions' });
    // The sample holds memo 001, issued two weeks ago and answered by the CEO.
    // Memo 2: every open issue (the disk-space issue among them).
    await pick(composer, 'To (decision makers)', 'Victor Hale');
    await composer.getByLabel('Subject').fill('Open issues needing a decision');
    await actions.getByRole('button', { name: 'Issue', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Issued NWL-M-\d{4}-002 version 1/ })
      .first()
      .waitFor();
    // Memo 3: only the publishing issue.
    await pick(composer, 'To (decision makers)', 'Victor Hale');
    await composer.getByLabel('Subject').fill('Publishing depends on one person');
    await composer.getByLabel('Selected issues').check();
    await composer
      .getByRole('group', { name: 'Issues in this memo' })
      .getByLabel('Publishing depends on one database administrator')
      .check();
    await actions.getByRole('button', { name: 'Issue', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Issued NWL-M-\d{4}-003 version 1/ })
      .first()
      .waitFor();
    await dismissToasts(page);

    await openTab(page, 'Raised issues');
    await chooseRow(page, 'Raised issues', 'Disk on the reporting server is filled');
    const detail = page.getByRole('region', { name: 'Raised issue details' });
    await detail.getByRole('button', { name: 'Record acknowledgement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record acknowledgement' });
    const memo = dialog.getByLabel('Answers memo');
    // Optional: no memo named unless one is picked.
    expect(await memo.inputValue()).toBe('');
    const covering = memo.locator('optgroup[label="Memos that include this issue"] option');
    const others = memo.locator('optgroup[label="Other issued memos"] option');
    await covering.first().waitFor({ state: 'attached' });
    expect(await covering.allTextContents()).toEqual([
      expect.stringMatching(
        /^NWL-M-\d{4}-002 v1, \d{4}-\d{2}-\d{2}: Open issues needing a decision$/,
      ),
      expect.stringMatching(
        /^NWL-M-\d{4}-001 v1, \d{4}-\d{2}-\d{2}: Open issues needing a decision$/,
      ),
    ]);
    expect(await others.allTextContents()).toEqual([
      expect.stringMatching(/^NWL-M-\d{4}-003 v1, .*: Publishing depends on one person$/),
    ]);
    const label = (await covering.first().textContent()) ?? '';
    await memo.selectOption({ label });
    await dialog.getByLabel('Channel').selectOption('memo');
    await dialog
      .getByLabel('Their words')
      .fill('Received your memo; we are moving the backups. — Victor');
    await app.screenshot('notebook-b-acknowledgement-memo');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('notebook-b-acknowledgement-memo-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByRole('button', { name: 'Save acknowledgement' }).click();
    await page.getByRole('status').filter({ hasText: 'Acknowledgement recorded' }).waitFor();
    const memoId = label.split(' ')[0] ?? '';
    const timeline = detail.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(`answered memo ${memoId} v1 by memo`).waitFor();
  });

  it('escalates the batch-job issue to the escalation point, saying why', async () => {
    const { page } = app;
    await loadSample(page);
    await openTab(page, 'Raised issues');
    await chooseRow(page, 'Raised issues', 'The weekly batch jobs are not monitored');
    const detail = page.getByRole('region', { name: 'Raised issue details' });
    await detail.getByRole('button', { name: 'Escalate' }).click();
    const dialog = page.getByRole('dialog', { name: 'Escalate issue' });
    const path = dialog.getByRole('note', { name: 'Escalation path' });
    // The sample's lead architect is the escalation point for the engagement.
    await path
      .getByText(
        'Proposed: Rosa Lindqvist, Lead Architect. Rosa Lindqvist is the escalation point for this engagement.',
      )
      .waitFor();
    const raisedTo = await chosen(dialog, 'Raised to');
    expect(raisedTo.some((n) => n.startsWith('Rosa Lindqvist'))).toBe(true);
    expect(raisedTo.some((n) => n.startsWith('Margaret Oduya'))).toBe(false);
    expect(raisedTo.some((n) => n.startsWith('Victor Hale'))).toBe(false);
    expect(await dialog.getByLabel('Title').inputValue()).toContain(
      'Escalation: The weekly batch jobs',
    );
    await app.screenshot('notebook-b-escalate');
    await dialog.getByRole('button', { name: 'Save raised issue' }).click();
    await detail.getByRole('heading', { name: /^Escalation: The weekly batch jobs/ }).waitFor();
    const timeline = detail.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Escalated').first().waitFor();
    await timeline
      .getByRole('button', { name: 'The weekly batch jobs are not monitored and have no owner' })
      .waitFor();
    await dismissToasts(page);
    await timeline.scrollIntoViewIfNeeded();
    await app.screenshot('notebook-b-escalated-timeline');
  });

  it('finds "batch" with Ctrl+K and opens the result', async () => {
    const { page } = app;
    await loadSample(page);
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search everything' });
    const box = palette.getByRole('combobox', { name: 'Search all engagements' });
    await box.pressSequentially('batch');
    const results = palette.getByRole('listbox', { name: 'Search results' });
    await results.getByRole('option').first().waitFor();
    expect(await results.getByRole('option').count()).toBeGreaterThan(2);
    const marks = await results.locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.toLowerCase().startsWith('batch'))).toBe(true);
    await app.screenshot('notebook-b-search');
    const issueResult = results
      .getByRole('option')
      .filter({ hasText: 'The weekly batch jobs are not monitored' })
      .first();
    await issueResult.click();
    await palette.waitFor({ state: 'detached' });
    expect(
      await page
        .getByRole('tab', { name: 'Raised issues', exact: true })
        .getAttribute('aria-selected'),
    ).toBe('true');
    await page
      .getByRole('region', { name: 'Raised issue details' })
      .getByRole('heading', { name: 'The weekly batch jobs are not monitored and have no owner' })
      .waitFor();
  });

  it('renders hostile Markdown as text, opens links only through main, and keeps history', async () => {
    const { page } = app;
    await loadSample(page);
    await openTab(page, 'Notes');
    await page.getByRole('button', { name: 'New note' }).click();
    const form = page.getByRole('dialog', { name: 'New note' });
    await form.getByLabel('Title').fill('');
    await form.getByRole('button', { name: 'Save note' }).click();
    await form.getByText('Title is required').waitFor();
    await form.getByLabel('Title').fill('Hostile note');
    await form
      .getByLabel('Note', { exact: true })
      .fill(
        [
          'Before <script>window.__pwned = 1; alert(1)</script> after.',
          '',
          '<img src=x onerror="window.__pwned = 2; alert(2)">',
          '',
          '[click me](javascript:alert(3)) and [the runbook](https://example.com/runbook)',
          '',
          '| a | b |',
          '|---|---|',
          '| **bold** | ~~gone~~ |',
        ].join('\n'),
      );
    await form.getByRole('button', { name: 'Save note' }).click();
    const detail = page.getByRole('region', { name: 'Note' });
    await detail.getByRole('heading', { name: 'Hostile note' }).waitFor();
    const body = detail.getByLabel('Note text');
    await body.getByText('<script>window.__pwned = 1; alert(1)</script>').waitFor();
    await body.getByText('<img src=x onerror="window.__pwned = 2; alert(2)">').waitFor();
    expect(await body.locator('script, img, iframe').count()).toBe(0);
    expect(await body.getByRole('link', { name: 'click me' }).count()).toBe(0);
    await body.getByText('click me').waitFor();
    expect(await body.locator('table').count()).toBe(1);
    await body.getByRole('link', { name: 'the runbook' }).click();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
      undefined,
    );
    expect(dialogs).toEqual([]);
    expect(page.url()).toContain('/index.html');
    if (app.bridge) expect(app.bridge.openedExternally).toContain('https://example.com/runbook');
    await app.screenshot('notebook-b-notes-hostile');

    // Edit, then read the history.
    await detail.getByRole('button', { name: 'Edit Hostile note' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit note' });
    await edit.getByLabel('Title').fill('Hostile note, reviewed');
    await edit.getByRole('button', { name: 'Save note' }).click();
    const history = detail.getByRole('region', { name: 'History' });
    await history.getByText('Edited').waitFor();
    const titleRow = history.getByRole('row').filter({ hasText: 'Hostile note, reviewed' });
    await titleRow.getByText('Hostile note', { exact: true }).waitFor();
    await history.getByText('Created').waitFor();
    await dismissToasts(page);
    await history.scrollIntoViewIfNeeded();
    await app.screenshot('notebook-b-history');

    // Soft-delete, then Undo.
    await detail.getByRole('button', { name: 'Delete Hostile note, reviewed' }).click();
    const toast = page
      .getByRole('status')
      .filter({ hasText: 'Note “Hostile note, reviewed” deleted' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page
      .getByRole('grid', { name: 'Notes' })
      .getByRole('row')
      .filter({ hasText: 'Hostile note, reviewed' })
      .waitFor();

    // Delete, then Restore from the deleted list.
    await detail.getByRole('button', { name: 'Delete Hostile note, reviewed' }).click();
    await page.getByText('This note is deleted.').waitFor();
    await page
      .getByRole('grid', { name: 'Notes' })
      .getByRole('row')
      .filter({ hasText: 'Hostile note, reviewed' })
      .waitFor({ state: 'detached' });
    await page.getByText('Deleted notes (1)').click();
    await app.screenshot('notebook-b-deleted-notes');
    await page
      .locator('.deleted-records')
      .getByRole('button', { name: 'Restore Hostile note, reviewed' })
      .click();
    await page
      .getByRole('grid', { name: 'Notes' })
      .getByRole('row')
      .filter({ hasText: 'Hostile note, reviewed' })
      .waitFor();
    await page.getByText('Deleted notes (1)').waitFor({ state: 'detached' });
    // Undo and Restore each left a restore in the history.
    await history.getByText('Deleted', { exact: true }).nth(1).waitFor();
    expect(await history.getByText('Restored', { exact: true }).count()).toBe(2);
  });

  it('keeps a decision log; a refused save keeps what was typed and names the field', async () => {
    const { page } = app;
    await loadSample(page);
    await openTab(page, 'Notes');
    await page.getByRole('tab', { name: /Decision log/ }).click();
    // N is the screen's "new" key.
    await page.getByRole('grid', { name: 'Decisions' }).focus();
    await page.keyboard.press('n');
    const form = page.getByRole('dialog', { name: 'Log decision' });
    await form.getByLabel('What was decided').fill('Backups move to the backup host');
    await pick(form, 'Decided by', 'Victor Hale');
    await form.getByLabel('Rationale').fill('The reporting server is not a backup target.');
    // Accepted yet superseded: the store refuses it (a cross-field rule of the shared schema).
    await picker(form, 'Superseded by').click();
    await form.page().keyboard.press('ArrowDown');
    await form.page().keyboard.press('Enter');
    await form.getByRole('button', { name: 'Save decision' }).click();
    await form
      .getByText('Status must be superseded when a later decision replaces it', { exact: true })
      .waitFor();
    await form.getByText(/^Not saved:/).waitFor();
    expect(await form.getByLabel('Rationale').inputValue()).toBe(
      'The reporting server is not a backup target.',
    );
    expect(await form.getByLabel('What was decided').inputValue()).toBe(
      'Backups move to the backup host',
    );
    await app.screenshot('notebook-b-decision-refused');
    await pick(form, 'Superseded by', 'nothing');
    await form.getByRole('button', { name: 'Save decision' }).click();
    const detail = page.getByRole('region', { name: 'Decision' });
    await detail.getByRole('heading', { name: 'Backups move to the backup host' }).waitFor();
    await detail.getByText(/by Victor Hale/).waitFor();
    await dismissToasts(page);
    await app.screenshot('notebook-b-decisions');
  });
});
