// Test helpers of the signed-memo tests: a device key in memory, main's signing deps over it, and
// a composed sample memo signed as issuing signs it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MemoSigningDeps } from '../../../electron/main/handlers/memoSigning';
import { signIssueManifest } from '../../../electron/main/handlers/memoSigning';
import { composeMemo } from '../../../shared/memo/compose';
import {
  appendSignatureBlock,
  issueManifest,
  withSignatureNote,
  type SignedManifest,
} from '../../../shared/memo/signedManifest';
import type { IssuedMemoForVerify } from '../../../shared/memo/verify';
import { newSecretKey, signBytes, signerFromSecret } from '../../../shared/sync/identity';
import { sample, sampleMemoOptions } from './fixtures';

/** The clock of the signing tests. */
export const SIGN_NOW = new Date('2026-06-15T12:00:00.000Z');

/** Main's signing deps over a fresh key (or the given secret). */
export function signingDeps(deviceId = 'device-a', secret = newSecretKey()): MemoSigningDeps {
  return {
    keys: {
      signer: () => signerFromSecret(secret),
      signStatement: (message) => signBytes(message, secret),
    },
    deviceId: async () => deviceId,
    now: () => SIGN_NOW,
  };
}

/** A sample memo issued and signed with `deps`: its Markdown, manifest and record for Verify. */
export async function signedSampleMemo(
  deps: MemoSigningDeps,
  version = 1,
  previousFingerprint: string | null = null,
): Promise<{ markdown: string; signed: SignedManifest; record: IssuedMemoForVerify }> {
  const final = await composeMemo(sample(), { ...sampleMemoOptions(sample()), version }, 'issued');
  const body = withSignatureNote(final.markdown);
  const manifest = await issueManifest({
    memo: final.memo,
    fingerprint: final.fingerprint,
    body,
    issuedAt: SIGN_NOW.toISOString(),
    previousFingerprint,
  });
  const signed = await signIssueManifest(deps, manifest);
  const markdown = appendSignatureBlock(body, signed);
  return {
    markdown,
    signed,
    record: {
      memoId: final.memo.header.memoId,
      version,
      status: 'issued',
      fingerprint: final.fingerprint,
      markdown,
      exports: [],
      signed,
    },
  };
}

/** A real PDF printed by Chromium 156 (title "NWL-M-2026-004 v1 SHA-256 abab…"). */
export async function chromiumPdf(): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(import.meta.dirname, 'pdf', 'chromium-memo.pdf')));
}
