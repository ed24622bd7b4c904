import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';
import { clientDkimKey, tinyPdf, victorReply } from './evidenceFixtures';
import { pick } from './harness/pickers';
import { chooseFolderForAll } from './harness/syncFolder';

const ISSUE = 'Disk on the reporting server is filled';
/** This device's name, as Settings sets it and the sync roster shows it. */
const DEVICE = 'Review laptop 7';

async function openDiskIssue(page: Page) {
  await page.getByRole('button', { name: 'Load sample engagement' }).click();
  await page
    .getByRole('heading', { name: 'Database operations and publishing review', level: 1 })
    .waitFor();
  await page.getByRole('tab', { name: 'Raised issues', exact: true }).click();
  await page
    .getByRole('grid', { name: 'Raised issues' })
    .getByRole('row')
    .filter({ hasText: ISSUE })
    .click();
  const detail = page.getByRole('region', { name: 'Raised issue details' });
  await detail.getByRole('heading', { name: new RegExp(ISSUE) }).waitFor();
  return detail;
}

async function dismissToasts(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Dismiss' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

/** Picks files through the panel's file input (what the "Attach file…" dialog fills). */
async function attach(
  page: Page,
  files: Array<{ name: string; mimeType: string; buffer: Buffer }>,
) {
  await page
    .getByRole('region', { name: 'Raised issue details' })
    .getByLabel('Files to attach')
    .setInputFiles(files);
}

describe('evidence: attachments and email in', () => {
  let app: WorkbenchSession;

  beforeEach(async () => {
    app = await launchWorkbench();
  });

  afterEach(async () => {
    await app?.close();
  });

  it('attaches a screenshot and a PDF, previews both, and refuses bad files clearly', async () => {
    const { page } = app;
    const detail = await openDiskIssue(page);
    const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 480, height: 240 } });
    await attach(page, [
      { name: 'disk-alert.png', mimeType: 'image/png', buffer: shot },
      {
        name: 'capacity.pdf',
        mimeType: 'application/pdf',
        buffer: tinyPdf('Volume data at 97 percent'),
      },
    ]);
    const list = detail.getByRole('list', { name: 'Attached files' });
    await list.getByText('capacity.pdf').waitFor();
    await list.getByText('disk-alert.png').waitFor();

    await detail.getByRole('button', { name: 'Preview disk-alert.png' }).click();
    const imageDialog = page.getByRole('dialog', { name: 'disk-alert.png' });
    await imageDialog.getByRole('img', { name: 'disk-alert.png' }).waitFor();
    expect(await imageDialog.getByRole('img').getAttribute('src')).toMatch(/^blob:/);
    await imageDialog.getByRole('button', { name: 'Close' }).click();

    await detail.getByRole('button', { name: 'Preview capacity.pdf' }).click();
    const pdfDialog = page.getByRole('dialog', { name: 'capacity.pdf' });
    await pdfDialog.getByText('Page 1 of 1').waitFor();
    await app.screenshot('evidence-pdf-preview');
    await pdfDialog.getByRole('button', { name: 'Close' }).click();

    // The PDF's text is found by search.
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search everything' });
    await palette
      .getByRole('combobox', { name: 'Search all engagements' })
      .pressSequentially('percent');
    // the result opens the issue the PDF is attached to
    await palette
      .getByRole('option', { name: /capacity\.pdf/ })
      .first()
      .click();
    await palette.waitFor({ state: 'detached' });

    await attach(page, [
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      { name: 'notes.eml', mimeType: 'message/rfc822', buffer: Buffer.from('just some notes\n') },
      { name: '..\\..\\evil\u202Etxt.exe', mimeType: 'text/plain', buffer: Buffer.from('x') },
    ]);
    await page
      .getByText('empty.txt: This file is empty (0 bytes): there is nothing to attach.')
      .waitFor();
    await page
      .getByText(/This file is not an email: it does not start with email headers/)
      .waitFor();
    await list.getByText('eviltxt.exe').waitFor();
    await list.getByText(/Name shown cleaned/).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(3);
    await detail.getByRole('button', { name: 'Open eviltxt.exe with the system' }).click();
    await page
      .getByRole('dialog', { name: /Open “eviltxt.exe” with another program/ })
      .getByRole('button', { name: 'Open' })
      .click();
    await page
      .getByText(/"eviltxt.exe" is a program or script: the app does not open those/)
      .waitFor();
    expect(app.bridge?.openedPaths ?? []).toEqual([]);
    await dismissToasts(page);
    await detail.getByRole('heading', { name: 'Attachments' }).scrollIntoViewIfNeeded();
    await app.screenshot('evidence-attachments');
  });

  it("drops Victor's DKIM-signed reply: an acknowledgement with his own words, verified", async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('This device’s name').fill(DEVICE);
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();
    const key = clientDkimKey();
    app.bridge?.dnsTxt.set(key.name, key.txt);
    const detail = await openDiskIssue(page);
    const eml = await key.sign(victorReply());
    await attach(page, [
      { name: 'Re disk.eml', mimeType: 'message/rfc822', buffer: Buffer.from(eml) },
    ]);

    const dialog = page.getByRole('dialog', { name: 'Import email' });
    await dialog.getByText("Signed by northwind-learning.example's mail server").waitFor();
    expect(await dialog.getByLabel('From').locator('option:checked').textContent()).toBe(
      'Victor Hale',
    );
    expect(await dialog.getByLabel(/Their words/).inputValue()).toBe(
      'Agreed. Move the backup rotations this week; I will name an owner for the disk.\n\nVictor',
    );
    await dialog.getByLabel('Response').selectOption('accepted');
    await app.screenshot('evidence-email-import');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    const ack = detail
      .locator('.timeline-ack')
      .filter({ hasText: 'Agreed. Move the backup rotations' });
    await ack.getByText('Re disk.eml').waitFor();
    await ack
      .getByText(/Signed by northwind-learning\.example's mail server, verified on [^:]+:\d\d/)
      .waitFor();
    await dismissToasts(page);
    await ack.scrollIntoViewIfNeeded();
    await app.screenshot('evidence-acknowledgement-verified');

    // The memo about the issue lists the email as an exhibit; the exported PDF carries it.
    await page.getByRole('tab', { name: 'Memos' }).click();
    const composer = page.getByRole('form', { name: 'Memo composer' });
    await pick(composer, 'To (decision makers)', 'Victor Hale');
    const preview = page.getByTestId('memo-preview');
    await preview.getByRole('heading', { name: 'Appendix C. Exhibits' }).waitFor();
    await preview
      .getByText("Verified: signed by northwind-learning.example's mail server")
      .first()
      .waitFor();
    await preview.getByRole('heading', { name: 'Appendix C. Exhibits' }).scrollIntoViewIfNeeded();
    await app.screenshot('evidence-memo-exhibits');
    await page
      .getByRole('toolbar', { name: 'Memo actions' })
      .getByRole('button', { name: 'Issue', exact: true })
      .click();
    // the sample already holds memo 001 (issued two weeks ago and answered): this is 002
    const row = page.getByRole('row', { name: /NWL-M-\d{4}-002 version 1/ });
    await row.waitFor();
    await row.scrollIntoViewIfNeeded();
    await dismissToasts(page);
    await app.screenshot('evidence-memo-issued-row');
    // the zip exports show where the issued memo lists exhibits, with their count; memo 001
    // cites no file, so it offers none
    const withExhibits = row.getByRole('group', { name: /NWL-M-\d{4}-002 v1 with its exhibits/ });
    expect(await withExhibits.textContent()).toMatch(/^1 exhibit, zip:\s*Markdown\s*PDF$/);
    const first = page.getByRole('row', { name: /NWL-M-\d{4}-001 version 1/ });
    await first.getByRole('button', { name: /Export NWL-M-\d{4}-001 v1 as PDF/ }).waitFor();
    expect(await first.getByRole('button', { name: /with its exhibits/ }).count()).toBe(0);
    expect(await first.getByText(/exhibit/).count()).toBe(0);
    // the row stays compact at 1280x820: both rows of actions fit in three lines of buttons
    for (const r of [row, first]) {
      const cell = r.locator('.memo-row-actions');
      const box = await cell.boundingBox();
      const button = await cell.getByRole('button').first().boundingBox();
      expect(box && button ? box.height / button.height : 99).toBeLessThan(3.6);
    }
    const out = await mkdtemp(join(tmpdir(), 'evidence-memo-'));
    try {
      const pdf = join(out, 'memo.pdf');
      app.bridge?.dialogs.answerNextSave(pdf);
      await row.getByRole('button', { name: /Export NWL-M-\d{4}-002 v1 as PDF/ }).click();
      await page.getByText('Saved memo.pdf').first().waitFor();
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('Appendix C. Exhibits');
      expect(text).toContain('Re disk.eml');
      expect(execFileSync('pdfdetach', ['-list', pdf], { encoding: 'utf8' })).toMatch(
        /^1 embedded files\n1: NWL-M-\d{4}-002-v1-signed-manifest\.json\n$/,
      );
      // the email's SHA-256, as stored, is printed (a table cell may wrap it)
      const sha256 = createHash('sha256').update(eml).digest('hex');
      expect(text.replace(/\s+/g, '')).toContain(sha256);

      // the exported PDF is signed: the app's Verify and the offline tool both accept it; with
      // a sync folder, Verify names the issuing device as the verified roster knows it
      await mkdir(join(out, 'sync'));
      await chooseFolderForAll(app, join(out, 'sync'));
      const roster = page.getByRole('table', { name: 'Devices syncing in this folder' });
      await roster.getByRole('row').filter({ hasText: DEVICE }).waitFor();
      await page.getByRole('tab', { name: 'Memos' }).click();
      const verdict = page.getByRole('status', { name: 'Verification result' });
      app.bridge?.dialogs.answerNextOpen(pdf);
      await page.getByRole('button', { name: 'Verify a file…' }).click();
      await verdict.getByText('Matches an issued memo').waitFor();
      expect(await verdict.textContent()).toContain('signed and unchanged');
      expect(await verdict.textContent()).toMatch(
        new RegExp(
          `from this device \\(“${DEVICE}”\\), approved in the sync roster on \\d{4}-\\d\\d-\\d\\d \\(UTC\\) by the recovery key \\(device `,
        ),
      );
      await app.screenshot('evidence-memo-verified-signed');
      await verdict.getByRole('button', { name: 'Dismiss' }).click();
      const tool = (file: string) =>
        execFileSync(
          process.execPath,
          [join(import.meta.dirname, '..', '..', 'tools', 'verify-memo.mjs'), file],
          {
            encoding: 'utf8',
          },
        );
      const offline = tool(pdf);
      expect(offline).toContain('VERIFIED');
      expect(offline).toContain(`Exhibit E1: Re disk.eml SHA-256 ${sha256}`);

      // export with exhibits: one zip, the signed PDF and the email's original bytes
      const zip = join(out, 'exhibits.zip');
      app.bridge?.dialogs.answerNextSave(zip);
      await row
        .getByRole('button', {
          name: /Export NWL-M-\d{4}-002 v1 with its exhibits, as one zip \(PDF/,
        })
        .click();
      await page.getByText('Saved exhibits.zip').first().waitFor();
      const files = unzipSync(new Uint8Array(await readFile(zip)));
      expect(files['exhibits/E1 Re disk.eml']).toEqual(new Uint8Array(Buffer.from(eml)));
      const sums = new TextDecoder().decode(files.SHA256SUMS);
      expect(sums).toContain(`${sha256}  exhibits/E1 Re disk.eml`);
      const zippedPdf = Object.keys(files).find((f) => f.endsWith('.pdf')) ?? '';
      await writeFile(join(out, 'zipped.pdf'), files[zippedPdf] ?? new Uint8Array());
      expect(tool(join(out, 'zipped.pdf'))).toContain('VERIFIED');
      expect(tool(zip)).toContain('(exhibits/E1 Re disk.eml: same bytes)');

      // the same with the Markdown inside: its signed footer verifies from the zip
      const mdZip = join(out, 'exhibits-md.zip');
      app.bridge?.dialogs.answerNextSave(mdZip);
      await row
        .getByRole('button', {
          name: /Export NWL-M-\d{4}-002 v1 with its exhibits, as one zip \(Markdown/,
        })
        .click();
      await page.getByText('Saved exhibits-md.zip').first().waitFor();
      const mdFiles = unzipSync(new Uint8Array(await readFile(mdZip)));
      expect(mdFiles['exhibits/E1 Re disk.eml']).toEqual(new Uint8Array(Buffer.from(eml)));
      const zippedMd = Object.keys(mdFiles).find((f) => f.endsWith('.md')) ?? '';
      expect(new TextDecoder().decode(mdFiles[zippedMd])).toContain('```ews-memo-signature');
      const fromZip = tool(mdZip);
      expect(fromZip).toContain(`File: ${zippedMd} in the zip`);
      expect(fromZip).toContain('(exhibits/E1 Re disk.eml: same bytes)');
      expect(fromZip).toContain('VERIFIED');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
