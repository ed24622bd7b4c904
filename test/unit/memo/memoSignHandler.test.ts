// memo.sign, the signed PDF export, memo.verifyFile's PDF facts and "Export with exhibits" (zip
// round trip, hashes), through the real handlers with a scripted dialog and real files.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScriptedDialogs } from '../../../electron/main/dialogs';
import { createMemoHandlers } from '../../../electron/main/handlers/memo.handler';
import { bytesToBase64 } from '../../../shared/encoding/base64';
import {
  parseManifest,
  MANIFEST_KIND,
  type UnsignedManifest,
} from '../../../shared/memo/signedManifest';
import { verifyMemoFile } from '../../../shared/memo/verify';
import { verifySignature } from '../../../shared/memo/verifySigned';
import { chromiumPdf, SIGN_NOW, signedSampleMemo, signingDeps } from './signing';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'memo-sign-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

const unsigned = (issuedAt: string): UnsignedManifest => ({
  kind: MANIFEST_KIND,
  memoId: 'NWL-M-2026-004',
  version: 1,
  fingerprint: 'ab'.repeat(32),
  markdownSha256: 'cd'.repeat(32),
  issuedAt,
  issuedBy: 'Alex Morgan',
  previousFingerprint: null,
  exhibits: [],
});

describe('memo.sign', () => {
  it('adds this device and signs; refuses a manifest dated another time, or without a key', async () => {
    const handlers = createMemoHandlers({ signing: signingDeps('device-7') });
    const signed = await handlers['memo.sign']({ manifest: unsigned(SIGN_NOW.toISOString()) });
    expect(parseManifest(signed.text)?.device.id).toBe('device-7');
    expect(signed.signature).toMatch(/^[\w+/]{86}==$/);
    await expect(
      handlers['memo.sign']({ manifest: unsigned('2026-01-01T00:00:00.000Z') }),
    ).rejects.toThrow(/issue time must be now/);
    await expect(
      createMemoHandlers({})['memo.sign']({ manifest: unsigned(SIGN_NOW.toISOString()) }),
    ).rejects.toThrow(/no key/);
  });
});

describe('signed PDF export and verify', () => {
  it('writes a signed PDF that memo.verifyFile reads and Verify accepts', async () => {
    const deps = signingDeps('device-a');
    const { signed, record } = await signedSampleMemo(deps);
    const printed = await chromiumPdf();
    const dialogs = createScriptedDialogs();
    const handlers = createMemoHandlers({
      ...dialogs,
      signing: deps,
      printToPdf: async () => printed,
    });
    const path = join(dir, 'memo.pdf');
    dialogs.answerNextSave(path);
    const footer = {
      memoId: record.memoId,
      version: 1,
      fingerprint: record.fingerprint,
      headerText: 'NWL',
    };
    const result = await handlers['memo.exportPdf']({
      html: '<p>memo</p>',
      pageSize: 'A4',
      suggestedName: 'NWL-M-2026-004-v1.pdf',
      footer,
      signed,
    });
    const written = new Uint8Array(await readFile(path));
    expect(result.sha256).toBe(sha(written));
    expect(written.subarray(0, printed.length)).toEqual(printed);
    dialogs.answerNextOpen(path);
    const picked = await handlers['memo.verifyFile']({});
    const file = picked.file;
    if (!file) throw new Error('not picked');
    expect(file.pdfSigned?.tailIntact).toBe(true);
    // the signed prefix: the printed bytes and the update embedding the signed manifest
    const statement = JSON.parse(file.pdfSigned?.entries.pdfExport.text ?? '{}') as {
      prefixLength: number;
    };
    expect(statement.prefixLength).toBeGreaterThan(printed.length);
    expect(file.pdfSigned?.prefixSha256).toBe(sha(written.subarray(0, statement.prefixLength)));
    const embedding = Buffer.from(written.subarray(printed.length, statement.prefixLength));
    expect(embedding.toString('latin1')).toContain('/Type /EmbeddedFile');
    // the fixture's title names another fingerprint: the signature holds, the title does not
    const verdict = await verifySignature(file, verifyMemoFile(file, [record]), [record], []);
    expect(verdict.outcome).toBe('altered');
    expect(verdict.signature?.problem).toBe('its title stamp differs from its manifest');
  });
});

describe('memo.exportExhibits', () => {
  it('writes one zip: the memo, each exhibit once by hash, exhibits.json and SHA256SUMS', async () => {
    const dialogs = createScriptedDialogs();
    const handlers = createMemoHandlers(dialogs);
    const email = new TextEncoder().encode('From: cio@acme.example\r\n\r\nAgreed.\r\n');
    const shot = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const path = join(dir, 'out.zip');
    dialogs.answerNextSave(path);
    const result = await handlers['memo.exportExhibits']({
      suggestedName: 'NWL-M-2026-004-v1-exhibits.zip',
      memo: { format: 'markdown', markdown: '# Memo\n', fileName: 'NWL-M-2026-004-v1.md' },
      exhibits: [
        { ref: 'E1', name: 'reply.eml', sha256: sha(email), data: bytesToBase64(email) },
        {
          ref: 'E2',
          name: '../../etc/\u202Egnp.exe',
          sha256: sha(shot),
          data: bytesToBase64(shot),
        },
        { ref: 'E3', name: 'reply copy.eml', sha256: sha(email), data: bytesToBase64(email) },
      ],
    });
    const zipBytes = new Uint8Array(await readFile(path));
    expect(result).toMatchObject({ saved: true, sha256: sha(zipBytes) });
    const files = unzipSync(zipBytes);
    expect(Object.keys(files).sort()).toEqual([
      'NWL-M-2026-004-v1.md',
      'SHA256SUMS',
      'exhibits.json',
      'exhibits/E1 reply.eml',
      'exhibits/E2 gnp.exe',
    ]);
    expect(files['exhibits/E1 reply.eml']).toEqual(email);
    expect(sha(files['exhibits/E2 gnp.exe'] ?? new Uint8Array())).toBe(sha(shot));
    const listing = JSON.parse(new TextDecoder().decode(files['exhibits.json'])) as {
      exhibits: Array<{ ref: string; file: string; sha256: string }>;
    };
    expect(listing.exhibits.map((e) => [e.ref, e.file])).toEqual([
      ['E1', 'exhibits/E1 reply.eml'],
      ['E2', 'exhibits/E2 gnp.exe'],
      ['E3', 'exhibits/E1 reply.eml'],
    ]);
    for (const line of new TextDecoder().decode(files.SHA256SUMS).trim().split('\n')) {
      const [hash, name] = [line.slice(0, 64), line.slice(66)];
      expect(sha(files[name] ?? new Uint8Array([1]))).toBe(hash);
    }
  });

  it('refuses an exhibit whose bytes are not the recorded hash, and writes nothing', async () => {
    const dialogs = createScriptedDialogs();
    const handlers = createMemoHandlers(dialogs);
    const path = join(dir, 'bad.zip');
    dialogs.answerNextSave(path);
    await writeFile(join(dir, 'keep'), 'x');
    await expect(
      handlers['memo.exportExhibits']({
        suggestedName: 'a-exhibits.zip',
        memo: { format: 'markdown', markdown: '# Memo\n', fileName: 'a.md' },
        exhibits: [
          {
            ref: 'E1',
            name: 'a.txt',
            sha256: '0'.repeat(64),
            data: bytesToBase64(new Uint8Array([1])),
          },
        ],
      }),
    ).rejects.toThrow(/Exhibit E1 does not have the SHA-256/);
    await expect(readFile(path)).rejects.toThrow();
  });
});
