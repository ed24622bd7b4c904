import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localIsoDay } from '../../shared/rules/dates';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';
import { chosen, pick, picker } from './harness/pickers';
import { screenshotDir } from './harness/paths';

/** A local datetime-local value `days` from now at 09:30. */
function localDateTime(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${localIsoDay(d)}T09:30`;
}

/** A local YYYY-MM-DD `days` from today. */
function localDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localIsoDay(d);
}

async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}

async function dismissToasts(page: Page): Promise<void> {
  const buttons = page.locator('.toast').getByRole('button', { name: 'Dismiss' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

/** Adds a stakeholder through the form. */
async function addPerson(
  page: Page,
  fields: { name: string; title: string; reportsTo?: string; decides?: boolean; vacant?: boolean },
): Promise<void> {
  await page.getByRole('button', { name: 'New stakeholder' }).click();
  const dialog = page.getByRole('dialog', { name: 'New stakeholder' });
  await dialog.getByLabel('Name', { exact: true }).fill(fields.name);
  await dialog.getByLabel('Job title').fill(fields.title);
  if (fields.reportsTo) {
    await pick(dialog, 'Reports to', fields.reportsTo);
    expect(await picker(dialog, 'Reports to').inputValue()).toContain(fields.reportsTo);
  }
  if (fields.decides) await dialog.getByLabel('Decision authority').selectOption('decides');
  if (fields.vacant) await dialog.getByLabel('Vacant position').check();
  await dialog.getByRole('button', { name: 'Add stakeholder' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * The field story, as a user: a CTO who wants escalations only to her, a vacant head of
 * operations, a lead architect who becomes the escalation point, and the CTO's delegate.
 */
describe('the paper trail tells the truth', () => {
  let app: WorkbenchSession;
  let out = '';

  beforeAll(async () => {
    app = await launchWorkbench();
    if (!app.bridge)
      throw new Error('this spec scripts the save dialog: it needs the Chromium harness');
    out = await mkdtemp(join(tmpdir(), 'paper-trail-'));
  });

  afterAll(async () => {
    await app?.bridge?.dispose();
    await app?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('raise, chase, answers per person, escalation point, delegate, memo says who did not answer', async () => {
    const { page } = app;
    const bridge = app.bridge;
    if (!bridge) throw new Error('bridge');

    // The engagement.
    await page.getByRole('button', { name: 'New engagement' }).click();
    const newEngagement = page.getByRole('dialog', { name: 'New engagement' });
    await newEngagement.getByLabel('Client').fill('Helios Media');
    await newEngagement.getByLabel('Engagement title').fill('Monitoring and escalation review');
    await newEngagement.getByLabel('Your name on memos').fill('Alex Morgan');
    await newEngagement.getByLabel('Your firm on memos').fill('Morgan Advisory');
    await newEngagement.getByRole('button', { name: 'Create engagement' }).click();
    await page
      .getByRole('heading', { name: 'Monitoring and escalation review', level: 1 })
      .waitFor();

    // The people, with a vacant seat.
    await page.getByRole('tab', { name: 'Stakeholders', exact: true }).click();
    await addPerson(page, { name: 'Dana Whit', title: 'Chief Technology Officer', decides: true });
    const cto = 'Dana Whit';
    await addPerson(page, {
      name: '(vacant) Head of Operations',
      title: 'Head of Operations',
      reportsTo: cto,
      vacant: true,
    });
    await addPerson(page, { name: 'Nadia Brooks', title: 'Operations Engineer', reportsTo: cto });
    await addPerson(page, { name: 'Sam Ortiz', title: 'Lead Architect', reportsTo: cto });
    // The CTO's assistant may answer for her.
    await page.getByRole('button', { name: 'New stakeholder' }).click();
    const pia = page.getByRole('dialog', { name: 'New stakeholder' });
    await pia.getByLabel('Name', { exact: true }).fill('Pia Grant');
    await pia.getByLabel('Job title').fill('Executive Assistant to the CTO');
    await pick(pia, 'Reports to', cto);
    expect(await picker(pia, 'Reports to').inputValue()).toBe(
      'Dana Whit, Chief Technology Officer',
    );
    await pick(pia, 'Delegate for', 'Dana Whit');
    await expect
      .poll(() => chosen(pia, 'Delegate for'))
      .toEqual(['Dana Whit, Chief Technology Officer']);
    await pia.getByRole('button', { name: 'Add stakeholder' }).click();
    await pia.waitFor({ state: 'detached' });
    // "Send issues only to me."
    await page
      .getByRole('grid', { name: 'Stakeholders' })
      .getByRole('row')
      .filter({ hasText: 'Dana Whit' })
      .click();
    const personDetail = page.getByRole('region', { name: 'Stakeholder details' });
    await personDetail.getByRole('button', { name: 'Edit' }).click();
    const editCto = page.getByRole('dialog', { name: 'Edit stakeholder' });
    await editCto.getByLabel('Wants escalations only to them').check();
    await editCto.getByRole('button', { name: 'Save stakeholder' }).click();
    await editCto.waitFor({ state: 'detached' });
    await personDetail.getByText('Wants escalations only to them').waitFor();

    // Raise to the CTO (and the operations engineer), follow-up day already past.
    await page.getByRole('tab', { name: 'Raised issues', exact: true }).click();
    await page.getByRole('button', { name: 'New raised issue' }).click();
    const raise = page.getByRole('dialog', { name: 'New raised issue' });
    await raise.getByLabel('Title').fill('Disk on the reporting server is filling up');
    await raise.getByLabel('Raised at').fill(localDateTime(-10));
    await pick(raise, 'Raised to', 'Dana Whit');
    await pick(raise, 'Raised to', 'Nadia Brooks');
    await expect
      .poll(() => chosen(raise, 'Raised to'))
      .toEqual(['Dana Whit, Chief Technology Officer', 'Nadia Brooks, Operations Engineer']);
    await raise.getByLabel('Follow up by').fill(localDay(-3));
    await raise.getByRole('button', { name: 'Save raised issue' }).click();
    await raise.waitFor({ state: 'detached' });
    const detail = page.getByRole('region', { name: 'Raised issue details' });
    await detail
      .getByRole('heading', { name: 'Disk on the reporting server is filling up' })
      .waitFor();
    const row = page
      .getByRole('grid', { name: 'Raised issues' })
      .getByRole('row')
      .filter({ hasText: 'Disk on the reporting server is filling up' });
    await row.getByText('overdue').waitFor();

    // Silence by the follow-up day, recorded; then a chaser with no answer.
    await detail.getByRole('button', { name: /^Record no answer by/ }).click();
    await toast(page, 'No answer by the follow-up day recorded');
    await detail.getByText(/No answer by the follow-up day/).waitFor();
    await detail.getByRole('button', { name: 'Record follow-up' }).click();
    const chase = page.getByRole('dialog', { name: 'Record follow-up' });
    const chasedWith = await chosen(chase, 'Followed up with');
    expect(chasedWith).toContain('Dana Whit, Chief Technology Officer');
    expect(chasedWith).toContain('Nadia Brooks, Operations Engineer');
    expect(await chase.getByLabel('Outcome').inputValue()).toBe('no_answer');
    await chase.getByLabel('Note').fill('Resent with the disk usage report.');
    await app.screenshot('paper-trail-follow-up-form');
    await chase.getByRole('button', { name: 'Save follow-up' }).click();
    await toast(page, 'Follow-up recorded');
    await detail.getByText(/Followed up/).waitFor();

    // The chaser is corrected (its note), then deleted and brought back with Undo.
    await detail
      .getByRole('button', { name: /^Correct the follow-up of / })
      .last()
      .click();
    const fix = page.getByRole('dialog', { name: 'Correct follow-up' });
    await fix.getByLabel('Note').fill('Resent with the disk usage report, by hand.');
    await app.screenshot('paper-trail-follow-up-correct');
    await fix.getByRole('button', { name: 'Save correction' }).click();
    await toast(page, 'Follow-up corrected');
    await detail.getByText(/by hand\./).waitFor();
    await detail
      .getByRole('button', { name: /^Delete the follow-up of / })
      .last()
      .click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await toast(page, 'restored');
    await detail.getByText(/by hand\./).waitFor();
    await row.getByText('awaiting').waitFor();

    // The architect answers for himself: the CTO is still awaited.
    await detail.getByRole('button', { name: 'Record acknowledgement' }).click();
    const ack = page.getByRole('dialog', { name: 'Record acknowledgement' });
    await pick(ack, 'Answered by', 'Sam Ortiz');
    expect(await picker(ack, 'Answered by').inputValue()).toBe('Sam Ortiz, Lead Architect');
    // Nobody else: the answer is his own.
    expect(await picker(ack, 'On behalf of').inputValue()).toBe('— their own answer —');
    await ack.getByLabel('Their words').fill('I will take this to the CTO.');
    await ack.getByRole('button', { name: 'Save acknowledgement' }).click();
    await toast(page, 'Acknowledgement recorded');
    const who = detail.getByRole('list', { name: 'Answers per person raised to' });
    await who.getByText(/Dana Whit: no answer since/).waitFor();
    await who.getByText(/Nadia Brooks: no answer since/).waitFor();
    await detail.locator('.badge-issue-raised').waitFor();
    expect(await row.textContent()).toContain('Dana Whit: no answer');
    // A wrong word is corrected (history kept); a delete can be undone.
    await detail.getByRole('button', { name: 'Correct the answer of Sam Ortiz' }).click();
    const correct = page.getByRole('dialog', { name: 'Correct acknowledgement' });
    expect(await correct.getByLabel('Their words').inputValue()).toBe(
      'I will take this to the CTO.',
    );
    await correct.getByLabel('Their words').fill('I will take this to the CTO today.');
    await correct.getByRole('button', { name: 'Save correction' }).click();
    await toast(page, 'Acknowledgement corrected');
    await detail.getByText('I will take this to the CTO today.').waitFor();
    await detail.getByRole('button', { name: 'Delete the answer of Sam Ortiz' }).click();
    await detail.getByText('I will take this to the CTO today.').waitFor({ state: 'detached' });
    await page
      .locator('.toast')
      .filter({ hasText: 'deleted' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await detail.getByText('I will take this to the CTO today.').waitFor();
    await dismissToasts(page);
    await app.screenshot('paper-trail-architect-answered');

    // The architect becomes the escalation point; Escalate proposes him, and says why.
    await page.getByRole('tab', { name: 'Stakeholders', exact: true }).click();
    await page
      .getByRole('grid', { name: 'Stakeholders' })
      .getByRole('row')
      .filter({ hasText: 'Sam Ortiz' })
      .click();
    await personDetail.getByRole('button', { name: 'Edit' }).click();
    const editSam = page.getByRole('dialog', { name: 'Edit stakeholder' });
    await editSam.getByLabel('Escalation point').selectOption('engagement');
    await app.screenshot('paper-trail-escalation-point-form');
    await editSam.getByRole('button', { name: 'Save stakeholder' }).click();
    await editSam.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Raised issues', exact: true }).click();
    await row.click();
    await detail.getByRole('button', { name: 'Escalate' }).click();
    const escalate = page.getByRole('dialog', { name: 'Escalate issue' });
    const path = escalate.getByRole('note', { name: 'Escalation path' });
    await path
      .getByText(
        'Proposed: Sam Ortiz, Lead Architect. Sam Ortiz is the escalation point for this engagement.',
      )
      .waitFor();
    await expect.poll(() => chosen(escalate, 'Raised to')).toContain('Sam Ortiz, Lead Architect');
    await app.screenshot('paper-trail-escalate');
    await escalate.getByRole('button', { name: 'Cancel' }).click();

    // The CTO's delegate answers on her behalf.
    await detail.getByRole('button', { name: 'Record acknowledgement' }).click();
    await pick(ack, 'Answered by', 'Pia Grant');
    expect(await picker(ack, 'Answered by').inputValue()).toBe(
      'Pia Grant, Executive Assistant to the CTO',
    );
    await ack.getByText(/Pia Grant is recorded as delegate for Dana Whit/).waitFor();
    await pick(ack, 'On behalf of', 'Dana Whit');
    expect(await picker(ack, 'On behalf of').inputValue()).toBe('Dana Whit');
    await ack.getByLabel('Their words').fill('Dana has read it and asks Sam to plan the move.');
    await app.screenshot('paper-trail-delegate-form');
    await ack.getByRole('button', { name: 'Save acknowledgement' }).click();
    await toast(page, 'Acknowledgement recorded');
    await who.getByText(/Dana Whit: answered .* by Pia Grant on their behalf/).waitFor();
    await who.getByText(/Nadia Brooks: no answer since/).waitFor();
    // still not acknowledged by everyone: Nadia has not answered
    await detail.locator('.badge-issue-raised').waitFor();
    expect(await row.textContent()).toContain('Nadia Brooks: no answer');

    // The follow-up dates still awaiting someone export as a calendar file.
    const ics = join(out, 'follow-ups.ics');
    bridge.dialogs.answerNextSave(ics);
    await page.getByRole('button', { name: 'Export follow-ups (.ics)' }).click();
    await toast(page, /Saved 1 follow-up dates/);
    const calendar = await readFile(ics, 'utf8');
    expect(calendar).toContain('SUMMARY:Follow up: Disk on the reporting server is filling up');
    expect(calendar.replaceAll('\r\n ', '')).toContain('No answer from Nadia Brooks');
    expect(calendar).toContain(`DTSTART;VALUE=DATE:${localDay(7).replaceAll('-', '')}`);

    // Issue the memo to the CTO; the Markdown and the PDF say who answered and who did not.
    await page.getByRole('tab', { name: 'Memos', exact: true }).click();
    const composer = page.getByRole('form', { name: 'Memo composer' });
    await pick(composer, 'To (decision makers)', 'Dana Whit');
    await expect
      .poll(() => chosen(composer, 'To (decision makers)'))
      .toContain('Dana Whit, Chief Technology Officer');
    await page
      .getByRole('toolbar', { name: 'Memo actions' })
      .getByRole('button', { name: 'Issue', exact: true })
      .click();
    await toast(page, /Issued .* version 1/);
    const memoRow = page.getByRole('row', { name: /-001 version 1/ });
    await memoRow.waitFor();
    const memoId = ((await memoRow.getByRole('cell').first().textContent()) ?? '').replace(
      / v1$/,
      '',
    );
    const md = join(out, 'memo.md');
    bridge.dialogs.answerNextSave(md);
    await memoRow.getByRole('button', { name: `Export ${memoId} v1 as Markdown` }).click();
    await toast(page, 'Saved memo.md');
    const pdf = join(out, 'memo.pdf');
    bridge.dialogs.answerNextSave(pdf);
    await memoRow.getByRole('button', { name: `Export ${memoId} v1 as PDF` }).click();
    await toast(page, 'Saved memo.pdf');

    const markdown = (await readFile(md, 'utf8')).replace(/\s+/g, ' ');
    const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    for (const text of [markdown, pdfText]) {
      expect(text).not.toContain('Every item has been acknowledged');
      expect(text).toContain('Dana Whit, ');
      expect(text).toContain('(by Pia Grant on their behalf)');
      expect(text).toContain('Nadia Brooks: no answer');
      expect(text).toContain('Sam Ortiz (not addressed)');
      expect(text).toContain('not yet answered by Nadia Brooks; answered by Dana Whit');
      expect(text).toContain('on behalf of Dana Whit');
      expect(text).toContain('followed up with Dana Whit, Nadia Brooks by email: no answer');
      expect(text).toMatch(
        /no answer by the follow-up day \d{4}-\d{2}-\d{2} from Dana Whit, Nadia Brooks/,
      );
      expect(text).toContain('Nadia Brooks has not answered');
      expect(text).toContain('I will take this to the CTO today.');
    }
    await mkdir(screenshotDir, { recursive: true });
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-png',
      pdf,
      join(screenshotDir, 'paper-trail-memo-pdf'),
    ]);
  });
});
