// The signed manifest embedded in an exported memo PDF (issue 16, item 5): poppler lists and
// extracts it, the pages render pixel for pixel as printed, and it is covered by the export
// signature (a changed byte of it fails Verify).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EMBEDDED_MANIFEST_KIND,
  embedManifest,
  embeddedManifestBytes,
} from '../../../electron/main/handlers/pdfEmbeddedManifest';
import { signPdfExport } from '../../../electron/main/handlers/memoSigning';
import { inspectSignedPdf } from '../../../shared/memo/pdfSignature';
import { parseManifest } from '../../../shared/memo/signedManifest';
import { readPdfTitle, verifyMemoFile, type FileForVerify } from '../../../shared/memo/verify';
import { verifySignature } from '../../../shared/memo/verifySigned';
import { fromB64, verifyBytes } from '../../../shared/sync/identity';
import { chromiumPdf, signedSampleMemo, signingDeps } from './signing';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pdf-embedded-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The fixture printed for `fingerprint` (its stamp and title name it), and its signed export. */
async function exported() {
  const deps = signingDeps('device-a');
  const { signed, record } = await signedSampleMemo(deps);
  const printed = await chromiumPdf();
  const text = new TextDecoder('latin1').decode(printed);
  for (
    let at = text.indexOf('ab'.repeat(32));
    at !== -1;
    at = text.indexOf('ab'.repeat(32), at + 1)
  )
    printed.set(new TextEncoder().encode(record.fingerprint), at);
  const memo = { memoId: record.memoId, version: 1, fingerprint: record.fingerprint };
  const pdf = await signPdfExport(deps, printed, signed, memo);
  return { printed, pdf, signed, record };
}

/** Each page rendered at 72 dpi by poppler, as PNG bytes. */
async function pages(name: string, bytes: Uint8Array): Promise<Buffer[]> {
  await writeFile(join(dir, `${name}.pdf`), bytes);
  execFileSync('pdftoppm', ['-r', '72', '-png', join(dir, `${name}.pdf`), join(dir, name)]);
  const files = (await readdir(dir)).filter((f) => f.startsWith(`${name}-`)).sort();
  return Promise.all(files.map((f) => readFile(join(dir, f))));
}

const asFile = async (pdf: Uint8Array): Promise<FileForVerify> => ({
  fileName: 'memo.pdf',
  kind: 'pdf',
  sha256: '0'.repeat(64),
  text: null,
  pdfTitle: readPdfTitle(new TextDecoder('latin1').decode(pdf)),
  pdfSigned: await inspectSignedPdf(pdf),
});

describe('the signed manifest embedded in the PDF', () => {
  it('is listed and extracted by pdfdetach: the manifest exactly as signed, and its signature', async () => {
    const { pdf, signed, record } = await exported();
    await writeFile(join(dir, 'memo.pdf'), pdf);
    const list = execFileSync('pdfdetach', ['-list', join(dir, 'memo.pdf')], { encoding: 'utf8' });
    const name = `${record.memoId}-v1-signed-manifest.json`;
    expect(list).toBe(`1 embedded files\n1: ${name}\n`);
    execFileSync('pdfdetach', ['-save', '1', '-o', join(dir, 'out.json'), join(dir, 'memo.pdf')]);
    const bytes = new Uint8Array(await readFile(join(dir, 'out.json')));
    expect(bytes).toEqual(embeddedManifestBytes(signed));
    const file = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, string>;
    expect(file.kind).toBe(EMBEDDED_MANIFEST_KIND);
    expect(file.manifest).toBe(signed.text);
    const key = fromB64(parseManifest(file.manifest ?? '')?.device.publicKey, 32);
    const sig = fromB64(file.signature, 64);
    if (!key || !sig) throw new Error('no key or signature');
    expect(await verifyBytes(sig, new TextEncoder().encode(file.manifest), key)).toBe(true);
  });

  it('changes nothing the pages show: every page renders pixel for pixel as printed', async () => {
    const { printed, pdf } = await exported();
    const before = await pages('printed', printed);
    const after = await pages('signed', pdf);
    expect(before.length).toBeGreaterThan(0);
    expect(after).toHaveLength(before.length);
    after.forEach((png, i) => expect(png.equals(before[i] ?? Buffer.alloc(0))).toBe(true));
    const text = (bytes: Uint8Array, name: string) =>
      writeFile(join(dir, name), bytes).then(() =>
        execFileSync('pdftotext', [join(dir, name), '-'], { encoding: 'utf8' }),
      );
    expect(await text(pdf, 's.pdf')).toBe(await text(printed, 'p.pdf'));
  });

  it('is covered by the export signature: Verify accepts it, one changed byte of it fails', async () => {
    const { printed, pdf, record } = await exported();
    const issued = [record];
    const file = await asFile(pdf);
    const verdict = await verifySignature(file, verifyMemoFile(file, issued), issued, []);
    expect(verdict.outcome).toBe('match');
    // a byte of the embedded file's stream (after the printed bytes, before the signature update)
    const text = new TextDecoder('latin1').decode(pdf);
    const at = text.indexOf('stream', text.indexOf('/Type /EmbeddedFile', printed.length)) + 10;
    const changed = pdf.slice();
    changed[at] = (changed[at] ?? 0) ^ 1;
    const bad = await asFile(changed);
    const refused = await verifySignature(bad, verifyMemoFile(bad, issued), issued, []);
    expect(refused.outcome).toBe('altered');
    expect(refused.signature?.problem).toBe(
      'its pages are not the bytes that were signed at export',
    );
  });

  it('refuses what is not a PDF it can extend, rather than export a changed one', async () => {
    const { signed, record } = await exported();
    const memo = { memoId: record.memoId, version: 1 };
    await expect(
      embedManifest(new TextEncoder().encode('%PDF-1.4\nnot a pdf'), signed, memo, new Date()),
    ).rejects.toThrow();
  });
});
