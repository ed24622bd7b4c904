// tools/verify-memo.mjs, run as a recipient runs it (node, no dependency), on a Markdown memo
// issued and signed as the app does and on a real Chromium PDF signed at export.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signPdfExport } from '../../../electron/main/handlers/memoSigning';
import { unzipSync, zipSync } from 'fflate';
import { signIssueManifest } from '../../../electron/main/handlers/memoSigning';
import { buildExhibitsZip } from '../../../shared/memo/exhibitsZip';
import {
  appendSignatureBlock,
  issueManifest,
  parseManifest,
  withSignatureNote,
} from '../../../shared/memo/signedManifest';
import { chromiumPdf, SIGN_NOW, signedSampleMemo, signingDeps } from '../memo/signing';

const TOOL = join(import.meta.dirname, '..', '..', '..', 'tools', 'verify-memo.mjs');

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verify-tool-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the tool on bytes written to `name`: its exit status and output. */
async function run(name: string, bytes: Uint8Array | string, ...args: string[]) {
  const path = join(dir, name);
  await writeFile(path, bytes);
  try {
    const out = execFileSync(process.execPath, [TOOL, path, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: 0, out };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const EMAIL = new TextEncoder().encode('From: cio@acme.example\r\n\r\nAgreed.\r\n');

/** A signed Markdown memo citing one email as exhibit E1, and its "Export with exhibits" zip. */
async function markdownWithExhibit() {
  const fp = 'ef'.repeat(32);
  const exhibits = [{ ref: 'E1', name: 'Re disk.eml', sha256: sha(EMAIL) }];
  const body = withSignatureNote(
    `# Memo\n\nMemo NWL-M-2026-009 · version 1 · fingerprint SHA-256 ${fp}\n`,
  );
  const header = { memoId: 'NWL-M-2026-009', version: 1, fromName: 'Alex Morgan', fromFirm: '' };
  const manifest = await issueManifest({
    memo: { header, exhibits },
    fingerprint: fp,
    body,
    issuedAt: SIGN_NOW.toISOString(),
    previousFingerprint: null,
  });
  const markdown = appendSignatureBlock(body, await signIssueManifest(signingDeps(), manifest));
  const { zip } = await buildExhibitsZip(
    { fileName: 'memo.md', bytes: new TextEncoder().encode(markdown) },
    [{ ...exhibits[0]!, bytes: EMAIL }],
    sha,
  );
  return { markdown, zip };
}

/** The zip with its files changed (fflate writes it again, deflated). */
const rezip = (zip: Uint8Array, change: (files: Record<string, Uint8Array>) => void) => {
  const files = unzipSync(zip);
  change(files);
  return zipSync(files);
};

describe('verify-memo.mjs', () => {
  it('verifies a genuine Markdown memo and names memo, issuer and device', async () => {
    const { markdown, signed } = await signedSampleMemo(signingDeps('device-a'));
    const result = await run('memo.md', markdown);
    expect(result.out).toContain('VERIFIED: the signature holds');
    expect(result.status).toBe(0);
    expect(result.out).toContain(
      'Issued: 2026-06-15T12:00:00.000Z by Alex Morgan, Morgan Advisory',
    );
    expect(result.out).toContain('Device: device-a');
    const key = parseManifest(signed.text)?.device.publicKey ?? '';
    expect((await run('memo.md', markdown, '--key', key)).status).toBe(0);
    // CRLF line ends (a mail client) still verify
    expect((await run('crlf.md', markdown.replace(/\n/g, '\r\n'))).status).toBe(0);
  });

  it('fails a changed byte, another key, and a file with no signature', async () => {
    const { markdown } = await signedSampleMemo(signingDeps());
    const changed = await run('changed.md', markdown.replace('Open issues', 'Opem issues'));
    expect(changed.status).toBe(1);
    expect(changed.out).toContain('the text was changed after it was signed');
    const other = (await signedSampleMemo(signingDeps())).signed;
    const pinned = await run(
      'memo.md',
      markdown,
      '--key',
      parseManifest(other.text)?.device.publicKey ?? '',
    );
    expect(pinned.status).toBe(1);
    expect(pinned.out).toContain('issued with another key than the ones you gave');
    const forgedDate = await run(
      'date.md',
      markdown.replace('"issuedAt":"2026-06-15', '"issuedAt":"2026-06-01'),
    );
    expect(forgedDate.out).toContain('the signature does not match the manifest');
    expect((await run('plain.md', '# A memo\n')).status).toBe(2);
  });

  it('verifies a signed Chromium PDF and fails it after one changed byte or an appended update', async () => {
    const deps = signingDeps('device-a');
    const { signed, record } = await signedSampleMemo(deps);
    const printed = await chromiumPdf();
    const text = new TextDecoder('latin1').decode(printed);
    printed.set(new TextEncoder().encode(record.fingerprint), text.indexOf('ab'.repeat(32)));
    const memo = { memoId: record.memoId, version: 1, fingerprint: record.fingerprint };
    const pdf = await signPdfExport(deps, printed, signed, memo);
    const good = await run('memo.pdf', pdf);
    expect(good.out).toContain('VERIFIED');
    expect(good.out).toContain('PDF exported: 2026-06-15T12:00:00.000Z by device device-a');
    expect(good.status).toBe(0);
    const changed = pdf.slice();
    changed[3000] = (changed[3000] ?? 0) ^ 0x20;
    const bad = await run('changed.pdf', changed);
    expect(bad.status).toBe(1);
    expect(bad.out).toContain('the pages are not the bytes that were signed at export');
    const appended = new Uint8Array([
      ...pdf,
      ...new TextEncoder().encode('1 0 obj\n<<>>\nendobj\n'),
    ]);
    expect((await run('appended.pdf', appended)).out).toContain('bytes were added or changed');
  });

  it('refuses pages signed at export by another key, unless the reader trusts that key', async () => {
    const issuer = signingDeps('device-a');
    const { signed, record } = await signedSampleMemo(issuer);
    // forged pages: other printed bytes, the genuine manifest copied in, signed with the forger's key
    const forged = await chromiumPdf();
    forged[2500] = (forged[2500] ?? 0) ^ 1;
    const memo = { memoId: record.memoId, version: 1, fingerprint: record.fingerprint };
    const forger = signingDeps('device-a');
    const pdf = await signPdfExport(forger, forged, signed, memo);
    const result = await run('forged.pdf', pdf);
    expect(result.status).toBe(1);
    expect(result.out).toContain(
      'signed at export by another key than the one that issued the memo',
    );
    const issuerKey = parseManifest(signed.text)?.device.publicKey ?? '';
    expect((await run('forged.pdf', pdf, '--key', issuerKey)).status).toBe(1);
    const forgerKey = Buffer.from((await forger.keys.signer()).publicKey).toString('base64');
    const trusted = await run('forged.pdf', pdf, '--key', issuerKey, '--key', forgerKey);
    expect(trusted.status).toBe(0);
  });

  it('checks each exhibit of an unzipped "Export with exhibits" against the signed hashes', async () => {
    const { markdown, zip } = await markdownWithExhibit();
    await mkdir(join(dir, 'exhibits'));
    for (const [name, bytes] of Object.entries(unzipSync(zip)))
      await writeFile(join(dir, name), bytes);
    const ok = await run('memo.md', markdown);
    expect(ok.out).toContain('Exhibit E1: Re disk.eml');
    expect(ok.out).toContain('(exhibits/E1 Re disk.eml: same bytes)');
    expect(ok.status).toBe(0);
    await writeFile(
      join(dir, 'exhibits', 'E1 Re disk.eml'),
      'From: cio@acme.example\r\n\r\nRefused.\r\n',
    );
    const changed = await run('memo.md', markdown);
    expect(changed.status).toBe(1);
    expect(changed.out).toContain('exhibit E1 is not in the exhibits folder with its signed hash');
  });

  it('verifies straight from an "Export with exhibits" zip, Markdown inside', async () => {
    const { zip } = await markdownWithExhibit();
    const ok = await run('memo-exhibits.zip', zip);
    expect(ok.out).toContain('File: memo.md in the zip');
    expect(ok.out).toContain('(exhibits/E1 Re disk.eml: same bytes)');
    expect(ok.out).toContain('VERIFIED');
    expect(ok.status).toBe(0);
    // an exhibit swapped, the memo's text changed, or the exhibit gone: not verified
    const refused = new TextEncoder().encode('From: cio@acme.example\r\n\r\nRefused.\r\n');
    const swapped = rezip(zip, (f) => (f['exhibits/E1 Re disk.eml'] = refused));
    const bad = await run('swapped.zip', swapped);
    expect(bad.status).toBe(1);
    expect(bad.out).toContain('exhibit E1 is not in the exhibits folder with its signed hash');
    const edited = rezip(zip, (f) => {
      const text = new TextDecoder().decode(f['memo.md']).replace('# Memo', '# Memo (final)');
      f['memo.md'] = new TextEncoder().encode(text);
    });
    expect((await run('edited.zip', edited)).out).toContain(
      'the text was changed after it was signed',
    );
    const gone = rezip(zip, (f) => delete f['exhibits/E1 Re disk.eml']);
    expect((await run('gone.zip', gone)).status).toBe(1);
    // exhibits.json and SHA256SUMS are not trusted: rewriting them changes nothing
    const lied = rezip(swapped, (f) => {
      f.SHA256SUMS = new TextEncoder().encode(`${sha(refused)}  exhibits/E1 Re disk.eml\n`);
    });
    expect((await run('lied.zip', lied)).status).toBe(1);
  });

  it('verifies straight from an "Export with exhibits" zip, signed PDF inside', async () => {
    const deps = signingDeps('device-a');
    const { signed, record } = await signedSampleMemo(deps);
    const printed = await chromiumPdf();
    const text = new TextDecoder('latin1').decode(printed);
    printed.set(new TextEncoder().encode(record.fingerprint), text.indexOf('ab'.repeat(32)));
    const memo = { memoId: record.memoId, version: 1, fingerprint: record.fingerprint };
    const pdf = await signPdfExport(deps, printed, signed, memo);
    const { zip } = await buildExhibitsZip({ fileName: 'memo.pdf', bytes: pdf }, [], sha);
    const ok = await run('memo-exhibits.zip', zip);
    expect(ok.out).toContain('File: memo.pdf in the zip');
    expect(ok.out).toContain('VERIFIED');
    expect(ok.status).toBe(0);
    const changed = rezip(zip, (f) => {
      const bytes = f['memo.pdf'] ?? new Uint8Array();
      bytes[3000] = (bytes[3000] ?? 0) ^ 0x20;
    });
    expect((await run('changed.zip', changed)).status).toBe(1);
  });

  it('refuses a zip bomb, a lying size, two memos and what is not a zip, as unreadable', async () => {
    const { zip } = await markdownWithExhibit();
    // 101 MB of zeros deflate to ~100 KB: refused by its declared size before inflating
    const bomb = zipSync({ 'memo.md': new Uint8Array(101 * 1024 * 1024) }, { level: 1 });
    const big = await run('bomb.zip', bomb);
    expect(big.status).toBe(2);
    expect(big.out).toContain('too large');
    // the same bomb declaring 10 bytes: inflating stops at 10
    const lying = bomb.slice();
    const view = Buffer.from(lying.buffer, lying.byteOffset, lying.byteLength);
    const central = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    view.writeUInt32LE(10, central + 24);
    const lie = await run('lying.zip', lying);
    expect(lie.status).toBe(2);
    expect(lie.out).toMatch(/cannot read .*lying\.zip/);
    const two = rezip(zip, (f) => (f['other.md'] = f['memo.md'] ?? new Uint8Array()));
    expect((await run('two.zip', two)).out).toContain('it holds 2 memo files at its top level');
    expect((await run('text.zip', 'not a zip at all')).out).toContain('not a zip');
    const cut = await run('cut.zip', zip.subarray(0, zip.length - 30));
    expect(cut.status).toBe(2);
  }, 60_000);
});
