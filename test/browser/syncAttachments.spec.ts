import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tinyPdf } from './evidenceFixtures';
import { launchWorkbench, type WorkbenchSession } from './harness/launchWorkbench';
import { openRaisedIssue } from './harness/raisedIssue';
import { chooseFolderForAll, folderDialog } from './harness/syncFolder';

const SAMPLE_TITLE = 'Database operations and publishing review';
const ISSUE = 'Disk on the reporting server is filled';
const PASSPHRASE = 'correct horse battery';
/** Words in the PDF's content stream: plaintext of the file anywhere in the folder shows them. */
const MARKER = 'ZEBRA-MARKER-4417 volume data at 97 percent';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function openIssue(page: Page) {
  await page
    .getByRole('button', { name: new RegExp(SAMPLE_TITLE) })
    .first()
    .click();
  await page.getByRole('heading', { name: SAMPLE_TITLE, level: 1 }).waitFor();
  return openRaisedIssue(page, ISSUE);
}

/** Every file under `dir` (hidden ones too), with its path. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** SHA-256 and size of every attachment blob the page's IndexedDB holds (read raw, not via the app). */
function storedBlobs(page: Page): Promise<Array<{ key: string; sha256: string; size: number }>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('engagement-workbench');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<Array<{ sha256: string; bytes: Blob }>>((resolve, reject) => {
      const get = db.transaction('attachmentBlobs').objectStore('attachmentBlobs').getAll();
      get.onsuccess = () => resolve(get.result as Array<{ sha256: string; bytes: Blob }>);
      get.onerror = () => reject(get.error);
    });
    db.close();
    const hex = (b: ArrayBuffer) =>
      Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
    return Promise.all(
      rows.map(async (r) => {
        const bytes = await r.bytes.arrayBuffer();
        return {
          key: r.sha256,
          sha256: hex(await crypto.subtle.digest('SHA-256', bytes)),
          size: bytes.byteLength,
        };
      }),
    );
  });
}

describe('sync: attachments travel between two profiles', () => {
  const sessions: WorkbenchSession[] = [];
  const folders: string[] = [];

  afterEach(async () => {
    for (const s of sessions.splice(0)) await s.close();
    for (const f of folders.splice(0)) await rm(f, { recursive: true, force: true });
  });

  it('a PNG, a PDF and a 400 KB log reach the other profile sealed, listed before their bytes, then byte-identical', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'workbench-sync-'));
    const parked = await mkdtemp(join(tmpdir(), 'workbench-parked-'));
    folders.push(folder, parked);
    const a = await launchWorkbench();
    sessions.push(a);

    // Laptop: two files on the issue, then the folder, then encryption turned on
    await a.page.getByRole('button', { name: 'Load sample engagement' }).click();
    const detailA = await openIssue(a.page);
    const png = await a.page.screenshot({ clip: { x: 0, y: 0, width: 400, height: 200 } });
    const pdf = tinyPdf(MARKER);
    // Large enough to be sealed and opened in the sync worker (small files are done inline)
    const log = randomBytes(400 * 1024);
    await detailA.getByLabel('Files to attach').setInputFiles([
      { name: 'disk-alert.png', mimeType: 'image/png', buffer: png },
      { name: 'capacity.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: 'iostat.bin', mimeType: 'application/octet-stream', buffer: log },
    ]);
    const listA = detailA.getByRole('list', { name: 'Attached files' });
    await listA.getByRole('button', { name: 'Preview capacity.pdf' }).waitFor();
    await listA.getByRole('button', { name: 'Preview disk-alert.png' }).waitFor();
    await listA.getByRole('button', { name: 'Open iostat.bin with the system' }).waitFor();
    await chooseFolderForAll(a, folder);
    await a.page.getByLabel('New passphrase (10 characters or more)').fill(PASSPHRASE);
    await a.page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
    await a.page.getByRole('button', { name: 'Encrypt folder' }).click();
    await a.page
      .getByRole('status')
      .filter({ hasText: 'Up to dateEncrypted' })
      .waitFor({ timeout: 20_000 });
    const [laptopId] = await readdir(join(folder, 'devices'));
    if (!laptopId) throw new Error('the laptop wrote no device folder');
    const blobDir = join(folder, 'devices', laptopId, 'blobs');
    await expect.poll(async () => (await readdir(blobDir)).length, { timeout: 20_000 }).toBe(3);
    await a.close();
    sessions.splice(sessions.indexOf(a), 1);

    // The cloud sees no plaintext of either file, anywhere in the folder
    const pngSlice = png.subarray(png.length >> 1, (png.length >> 1) + 48);
    for (const path of await filesUnder(folder)) {
      const bytes = await readFile(path);
      expect(bytes.includes(Buffer.from('ZEBRA-MARKER-4417')), path).toBe(false);
      expect(bytes.includes(pngSlice), path).toBe(false);
      expect(bytes.includes(pdf.subarray(0, 64)), path).toBe(false);
      expect(bytes.includes(log.subarray(200_000, 200_048)), path).toBe(false);
    }
    for (const name of await readdir(blobDir)) {
      expect(name).toMatch(/^[0-9a-f]{64}$/);
      expect([sha256(png), sha256(pdf), sha256(log)]).not.toContain(name); // names hide hashes
    }

    // The cloud client has delivered the records but not the files yet
    await rename(blobDir, join(parked, 'blobs'));
    const b = await launchWorkbench();
    sessions.push(b);
    await b.page.getByRole('heading', { name: 'Start your first engagement' }).waitFor();
    folderDialog(b).answerNext(folder);
    await b.page.getByRole('button', { name: 'Join a sync folder…' }).click();
    await b.page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await b.page.getByRole('button', { name: 'Unlock' }).click();
    await b.page
      .getByRole('button', { name: new RegExp(SAMPLE_TITLE) })
      .first()
      .waitFor({ timeout: 20_000 });
    const detailB = await openIssue(b.page);
    const listB = detailB.getByRole('list', { name: 'Attached files' });
    const rows = listB.getByRole('listitem');
    const pngRow = rows.filter({ hasText: 'disk-alert.png' });
    const pdfRow = rows.filter({ hasText: 'capacity.pdf' });
    for (const [row, bytes] of [
      [pngRow, png],
      [pdfRow, pdf],
    ] as const) {
      await row.getByText('The file has not arrived on this device yet.').waitFor();
      await row.getByText(`SHA-256 ${sha256(bytes)}`).waitFor();
      expect(await row.getByRole('button', { name: /^Preview / }).count()).toBe(0);
      // a record like any other: it can be deleted before its bytes arrive
      expect(await row.getByRole('button', { name: /^Delete / }).count()).toBe(1);
    }
    expect(await pdfRow.textContent()).toContain(`${pdf.length} B`);
    await b.page.setViewportSize({ width: 1280, height: 800 });
    await listB.scrollIntoViewIfNeeded();
    await b.screenshot('sync-attachments-not-arrived');
    expect(await storedBlobs(b.page)).toEqual([]);

    // The files arrive: the same rows turn into previews, without reopening the issue
    await rename(join(parked, 'blobs'), blobDir);
    await pdfRow.getByRole('button', { name: 'Preview capacity.pdf' }).waitFor({ timeout: 20_000 });
    await pngRow.getByRole('button', { name: 'Preview disk-alert.png' }).waitFor();
    expect(await rows.getByText('The file has not arrived on this device yet.').count()).toBe(0);
    await b.screenshot('sync-attachments-arrived');
    await expect.poll(async () => (await storedBlobs(b.page)).length, { timeout: 20_000 }).toBe(3);
    const stored = await storedBlobs(b.page);
    expect(stored.map((s) => s.sha256).sort()).toEqual(
      [sha256(png), sha256(pdf), sha256(log)].sort(),
    );
    for (const s of stored) expect(s.key).toBe(s.sha256);
    expect(stored.map((s) => s.size).sort((x, y) => x - y)).toEqual(
      [png.length, pdf.length, log.length].sort((x, y) => x - y),
    );

    // What the preview shows is those bytes: the Blob behind its blob: URL (the page's CSP
    // does not let even a test fetch it, so the Blobs handed to createObjectURL are kept)
    await b.page.evaluate(() => {
      const made = new Map<string, Blob>();
      const create = URL.createObjectURL.bind(URL);
      (window as unknown as { __blobs: Map<string, Blob> }).__blobs = made;
      URL.createObjectURL = (obj: Blob | MediaSource) => {
        const url = create(obj);
        if (obj instanceof Blob) made.set(url, obj);
        return url;
      };
    });
    await pngRow.getByRole('button', { name: 'Preview disk-alert.png' }).click();
    const imageDialog = b.page.getByRole('dialog', { name: 'disk-alert.png' });
    const src = await imageDialog.getByRole('img', { name: 'disk-alert.png' }).getAttribute('src');
    const shown = await b.page.evaluate(async (url) => {
      const blob = (window as unknown as { __blobs: Map<string, Blob> }).__blobs.get(url);
      if (!blob) return 'no Blob behind the preview URL';
      const digest = new Uint8Array(
        await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()),
      );
      return Array.from(digest, (x) => x.toString(16).padStart(2, '0')).join('');
    }, src ?? '');
    expect(shown).toBe(sha256(png));
    await imageDialog.getByRole('button', { name: 'Close' }).click();
    await pdfRow.getByRole('button', { name: 'Preview capacity.pdf' }).click();
    const pdfDialog = b.page.getByRole('dialog', { name: 'capacity.pdf' });
    await pdfDialog.getByText('Page 1 of 1').waitFor();
    await pdfDialog.getByRole('button', { name: 'Close' }).click();
  });
});
