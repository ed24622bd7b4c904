// Signed issued memos (issue 16, item 5): genuine passes; a changed byte, another key, a forged
// manifest or a PDF drawn over after export fail; a superseded version says so.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signPdfExport } from '../../../electron/main/handlers/memoSigning';
import { memoFreezeIssues, refusedMemoChange } from '../../../shared/memo/freeze';
import { inspectSignedPdf } from '../../../shared/memo/pdfSignature';
import {
  SIGNATURE_FENCE,
  parseManifest,
  splitMarkdownSignature,
} from '../../../shared/memo/signedManifest';
import {
  readPdfTitle,
  verifyMemoFile,
  type FileForVerify,
  type IssuedMemoForVerify,
} from '../../../shared/memo/verify';
import { verifySignature, type KnownDevice } from '../../../shared/memo/verifySigned';
import { chromiumPdf, signedSampleMemo, signingDeps } from './signing';

const md = (text: string): FileForVerify => ({
  fileName: 'memo.md',
  kind: 'markdown',
  sha256: '0'.repeat(64),
  text,
  pdfTitle: null,
});

async function verify(
  file: FileForVerify,
  issued: readonly IssuedMemoForVerify[],
  known: readonly KnownDevice[] = [],
) {
  return verifySignature(file, verifyMemoFile(file, issued), issued, known);
}

/** The file with one character of its body changed (the first "Open" becomes "Opem"). */
const tamper = (text: string): string => text.replace('Open issues', 'Opem issues');

describe('signed memo: the record', () => {
  it('keeps the signed manifest frozen: no edit, no removal, whoever sends it', async () => {
    const a = (await signedSampleMemo(signingDeps())).signed;
    const b = (await signedSampleMemo(signingDeps())).signed;
    expect(memoFreezeIssues([{ field: 'signed', old: a, new: b }])).toHaveLength(1);
    expect(memoFreezeIssues([{ field: 'signed', old: a, new: undefined }])).toHaveLength(1);
    expect(
      refusedMemoChange({ op: 'update', changes: [{ field: 'signed', old: a, new: b }] }, true),
    ).toMatch(/issued memo: signed cannot change/);
  });
});

describe('signed memo: Markdown', () => {
  it('a genuine memo passes, names its issuer and device, and matches the record', async () => {
    const deps = signingDeps('device-a');
    const { markdown, signed, record } = await signedSampleMemo(deps);
    const manifest = parseManifest(signed.text);
    expect(manifest?.device.id).toBe('device-a');
    expect(markdown.trimEnd().endsWith('```')).toBe(true);
    const known = [{ publicKey: manifest?.device.publicKey ?? '', label: 'this device' }];
    const verdict = await verify(md(markdown), [record], known);
    expect(verdict.outcome).toBe('match');
    expect(verdict.signature?.valid).toBe(true);
    expect(verdict.signature?.device).toEqual({ known: true, label: 'this device', vouches: true });
    expect(verdict.message).toContain('Alex Morgan, Morgan Advisory');
    expect(verdict.message).toContain('It is the current version.');
    // without the record (a recipient's copy checked elsewhere): signed, device unknown
    const elsewhere = await verify(md(markdown), []);
    expect(elsewhere.outcome).toBe('signed');
    expect(elsewhere.signature?.device.known).toBe(false);
    expect(elsewhere.message).toContain('whose key this app does not know');
  });

  it('line ends and trailing blanks changed by a mail client do not break it', async () => {
    const { markdown } = await signedSampleMemo(signingDeps());
    const crlf = markdown.replace(/\n/g, ' \r\n');
    expect((await verify(md(`\uFEFF${crlf}`), [])).outcome).toBe('signed');
  });

  it('a changed byte of the body fails, even without the record', async () => {
    const { markdown, record } = await signedSampleMemo(signingDeps());
    const changed = tamper(markdown);
    expect(changed).not.toBe(markdown);
    for (const issued of [[], [record]]) {
      const verdict = await verify(md(changed), issued);
      expect(verdict.outcome).toBe('altered');
      expect(verdict.signature?.problem).toBe('its text was changed after it was signed');
    }
  });

  it('a changed byte of the manifest or the signature fails', async () => {
    const { markdown } = await signedSampleMemo(signingDeps());
    const manifestEdited = markdown.replace(
      '"issuedAt":"2026-06-15T12',
      '"issuedAt":"2026-06-14T12',
    );
    expect(manifestEdited).not.toBe(markdown);
    expect((await verify(md(manifestEdited), [])).signature?.problem).toBe(
      'its signature does not match its manifest',
    );
    const split = splitMarkdownSignature(markdown);
    const sig = split?.signed.signature ?? '';
    const flipped = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    const sigEdited = markdown.replace(sig, flipped);
    expect((await verify(md(sigEdited), [])).outcome).toBe('altered');
  });

  it('re-signed with another key: the signature holds but it is not the issued memo', async () => {
    const genuine = await signedSampleMemo(signingDeps('device-a'));
    // someone edits the memo and signs it again with their own key, same device id
    const forged = await signedSampleMemo(signingDeps('device-a'));
    const verdict = await verify(md(forged.markdown), [genuine.record]);
    expect(verdict.outcome).toBe('altered');
    expect(verdict.message).toContain('not the one NWL-M-2026-004 version 1 was issued with');
    // and a manifest swapped in from another memo: its hash is not this body's
    const split = splitMarkdownSignature(forged.markdown);
    const swapped = `${tamper(split?.body ?? '')}\n\n${SIGNATURE_FENCE}\n${split?.signed.text}\ned25519 ${split?.signed.signature}\n\`\`\`\n`;
    expect((await verify(md(swapped), [])).signature?.problem).toBe(
      'its text was changed after it was signed',
    );
  });

  it('a superseded version says so; anything after the block voids it', async () => {
    const deps = signingDeps();
    const v1 = await signedSampleMemo(deps, 1);
    const v2 = await signedSampleMemo(deps, 2, v1.record.fingerprint);
    const issued: IssuedMemoForVerify[] = [{ ...v1.record, status: 'superseded' }, v2.record];
    const verdict = await verify(md(v1.markdown), issued);
    expect(verdict.outcome).toBe('match');
    expect(verdict.signature?.superseded).toBe(true);
    expect(verdict.message).toContain('A later version has superseded it.');
    expect(parseManifest(v2.signed.text)?.previousFingerprint).toBe(v1.record.fingerprint);
    // text appended after the signature block: the block is no longer the file's end
    const appended = `${v1.markdown}\nP.S. the deadline moved.\n`;
    expect(splitMarkdownSignature(appended)).toBeNull();
    const after = await verify(md(appended), issued);
    expect(after.signature).toBeNull();
    expect(after.outcome).toBe('altered');
  });
});

/** The Chromium fixture with its title's fingerprint set to `fingerprint` (same length). */
async function pdfFor(fingerprint: string): Promise<Uint8Array> {
  const bytes = await chromiumPdf();
  const text = new TextDecoder('latin1').decode(bytes);
  const at = text.indexOf('ab'.repeat(32));
  bytes.set(new TextEncoder().encode(fingerprint), at);
  return bytes;
}

const pdfFile = async (bytes: Uint8Array): Promise<FileForVerify> => ({
  fileName: 'memo.pdf',
  kind: 'pdf',
  sha256: '0'.repeat(64),
  text: null,
  pdfTitle: readPdfTitle(new TextDecoder('latin1').decode(bytes)),
  pdfSigned: await inspectSignedPdf(bytes),
});

describe('signed memo: PDF', () => {
  it('an exported PDF keeps its printed bytes as a prefix and verifies', async () => {
    const deps = signingDeps('device-a');
    const { signed, record } = await signedSampleMemo(deps);
    const printed = await pdfFor(record.fingerprint);
    const memo = { memoId: record.memoId, version: 1, fingerprint: record.fingerprint };
    const laptop = signingDeps('device-b');
    const pdf = await signPdfExport(laptop, printed, signed, memo);
    expect(pdf.subarray(0, printed.length)).toEqual(printed);
    // exported by the consultant's other device, which this app knows (its roster, its own key)
    const laptopKey = Buffer.from((await laptop.keys.signer()).publicKey).toString('base64');
    const known = [{ publicKey: laptopKey, label: 'the laptop' }];
    const verdict = await verify(await pdfFile(pdf), [record], known);
    expect(verdict.outcome).toBe('match');
    expect(verdict.signature?.exported).toEqual({
      at: '2026-06-15T12:00:00.000Z',
      deviceId: 'device-b',
      publicKey: laptopKey,
    });
    expect((await verify(await pdfFile(pdf), [], known)).outcome).toBe('signed');
    // exported by the issuing device itself: no other key to know
    const own = await signPdfExport(deps, printed, signed, memo);
    expect((await verify(await pdfFile(own), [record])).outcome).toBe('match');
  });

  it('forged pages carrying the genuine manifest, signed at export by an unknown key, fail', async () => {
    const { signed, record } = await signedSampleMemo(signingDeps('device-a'));
    const other = await pdfFor(record.fingerprint);
    other[2500] = (other[2500] ?? 0) ^ 1; // other pages than the ones the consultant printed
    const memo = { memoId: record.memoId, version: 1, fingerprint: record.fingerprint };
    const pdf = await signPdfExport(signingDeps('device-a'), other, signed, memo);
    for (const issued of [[record], []]) {
      const verdict = await verify(await pdfFile(pdf), issued);
      expect(verdict.outcome).toBe('altered');
      expect(verdict.message).toContain('signed at export by a key this app does not know');
    }
  });

  it('poppler reads the signed PDF: same text, the signature in its metadata, no error', async () => {
    const { signed, record } = await signedSampleMemo(signingDeps());
    const printed = await pdfFor(record.fingerprint);
    const memo = { memoId: record.memoId, version: 1, fingerprint: record.fingerprint };
    const pdf = await signPdfExport(signingDeps(), printed, signed, memo);
    const dir = await mkdtemp(join(tmpdir(), 'signed-pdf-'));
    try {
      await writeFile(join(dir, 'printed.pdf'), printed);
      await writeFile(join(dir, 'signed.pdf'), pdf);
      const run = (cmd: string, file: string) =>
        execFileSync(cmd, cmd === 'pdftotext' ? [join(dir, file), '-'] : [join(dir, file)], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      expect(run('pdftotext', 'signed.pdf')).toBe(run('pdftotext', 'printed.pdf'));
      const info = run('pdfinfo', 'signed.pdf');
      expect(info).toMatch(/Keywords:\s+ews-memo-signature\n/);
      expect(info).toContain(`NWL-M-2026-004 v1 SHA-256 ${record.fingerprint}`);
      expect(info).toMatch(/Custom Metadata:\s+yes\n/);
      expect(info).toMatch(/Pages:\s+1\n/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a changed byte in the pages, the tail or a second update fails', async () => {
    const { signed, record } = await signedSampleMemo(signingDeps());
    const printed = await pdfFor(record.fingerprint);
    const memo = { memoId: record.memoId, version: 1, fingerprint: record.fingerprint };
    const pdf = await signPdfExport(signingDeps(), printed, signed, memo);
    const inPages = pdf.slice();
    inPages[2000] = (inPages[2000] ?? 0) ^ 1;
    expect((await verify(await pdfFile(inPages), [])).signature?.problem).toBe(
      'its pages are not the bytes that were signed at export',
    );
    const update = new TextEncoder().encode(
      '\n99 0 obj\n<</Length 0>>\nstream\nendstream\nendobj\n',
    );
    const appended = new Uint8Array([...pdf, ...update]);
    expect((await verify(await pdfFile(appended), [])).signature?.problem).toBe(
      'bytes were added or changed after it was signed',
    );
  });

  it('main refuses to put a manifest of another memo into a PDF', async () => {
    const { signed, record } = await signedSampleMemo(signingDeps());
    const printed = await pdfFor(record.fingerprint);
    await expect(
      signPdfExport(signingDeps(), printed, signed, {
        memoId: record.memoId,
        version: 2,
        fingerprint: record.fingerprint,
      }),
    ).rejects.toThrow(/does not match the memo/);
  });

  it('an unsigned PDF reads as before, with "no signature"', async () => {
    const printed = await chromiumPdf();
    const file = await pdfFile(printed);
    expect(file.pdfSigned).toBeNull();
    const verdict = await verify(file, []);
    expect(verdict.outcome).toBe('unknown');
    expect(verdict.message).toContain('It carries no signature.');
  });
});
