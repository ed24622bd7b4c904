// Signing of issued memos (issue 16, item 5) with this installation's device key, in main: the
// renderer sends what it wants signed, main checks it, adds the device, writes the canonical
// text and signs it. The secret never leaves the key store.
import { createHash } from 'node:crypto';
import { canonicalJson } from '@shared/canonical/canonicalJson';
import { WorkbenchIpcError } from '@shared/ipc/errors';
import {
  PDF_EXPORT_KIND,
  appendPdfSignature,
  type PdfExportStatement,
} from '@shared/memo/pdfSignature';
import {
  parseManifest,
  type MemoManifest,
  type SignedManifest,
  type UnsignedManifest,
} from '@shared/memo/signedManifest';
import { verifyBytes } from '@shared/sync/identity';
import type { DeviceKeyStore } from '../sync/deviceKey';
import { embedManifest } from './pdfEmbeddedManifest';

/** What signing needs. */
export interface MemoSigningDeps {
  /** The device key store (the same one the sync handlers use). */
  keys: Pick<DeviceKeyStore, 'signer' | 'signStatement'>;
  /** This installation's device id (settings). */
  deviceId: () => Promise<string>;
  /** The clock. */
  now: () => Date;
}

/** How far a manifest's issue time may be from main's clock (a manifest is signed as issued). */
const ISSUE_CLOCK_SLACK_MS = 10 * 60 * 1000;

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const encoder = new TextEncoder();

async function device(deps: MemoSigningDeps): Promise<MemoManifest['device']> {
  const signer = await deps.keys.signer();
  return { id: await deps.deviceId(), publicKey: b64(signer.publicKey) };
}

async function sign(deps: MemoSigningDeps, value: unknown): Promise<SignedManifest> {
  const text = canonicalJson(value);
  return { text, signature: b64(await deps.keys.signStatement(encoder.encode(text))) };
}

/** Signs the manifest of a memo being issued now; refuses one dated another time. */
export async function signIssueManifest(
  deps: MemoSigningDeps,
  manifest: UnsignedManifest,
): Promise<SignedManifest> {
  const skew = Math.abs(Date.parse(manifest.issuedAt) - deps.now().getTime());
  if (!(skew <= ISSUE_CLOCK_SLACK_MS)) {
    throw new WorkbenchIpcError(
      'SIGN_REFUSED',
      'A memo is signed when it is issued: its issue time must be now.',
    );
  }
  return sign(deps, { ...manifest, device: await device(deps) });
}

/** The issue manifest a PDF export carries, checked: it reads, its signature holds, it is this memo. */
async function checkedManifest(
  signed: SignedManifest,
  memo: { memoId: string; version: number; fingerprint: string },
): Promise<MemoManifest> {
  const manifest = parseManifest(signed.text);
  const key = manifest ? Buffer.from(manifest.device.publicKey, 'base64') : null;
  const holds =
    manifest !== null &&
    key !== null &&
    (await verifyBytes(
      new Uint8Array(Buffer.from(signed.signature, 'base64')),
      encoder.encode(signed.text),
      new Uint8Array(key),
    ));
  if (
    !holds ||
    manifest.memoId !== memo.memoId ||
    manifest.version !== memo.version ||
    manifest.fingerprint !== memo.fingerprint
  ) {
    throw new WorkbenchIpcError(
      'SIGN_REFUSED',
      'The memo’s signed manifest does not match the memo being exported.',
    );
  }
  return manifest;
}

/**
 * The printed PDF with its signature: the signed issue manifest embedded as a file (one
 * incremental update, pdfEmbeddedManifest.ts), then the issue manifest and an export statement
 * over those bytes, signed now by this device, in the document information (a second one).
 */
export async function signPdfExport(
  deps: MemoSigningDeps,
  printed: Uint8Array,
  signed: SignedManifest,
  memo: { memoId: string; version: number; fingerprint: string },
): Promise<Uint8Array> {
  await checkedManifest(signed, memo);
  let pdf: Uint8Array;
  try {
    pdf = await embedManifest(printed, signed, memo, deps.now());
  } catch {
    throw new WorkbenchIpcError(
      'SIGN_REFUSED',
      'The signed manifest could not be embedded in the printed PDF: nothing was exported.',
    );
  }
  const statement: PdfExportStatement = {
    kind: PDF_EXPORT_KIND,
    memoId: memo.memoId,
    version: memo.version,
    fingerprint: memo.fingerprint,
    manifestSha256: createHash('sha256').update(signed.text, 'utf8').digest('hex'),
    prefixLength: pdf.length,
    prefixSha256: createHash('sha256').update(pdf).digest('hex'),
    exportedAt: deps.now().toISOString(),
    device: await device(deps),
  };
  return appendPdfSignature(pdf, { manifest: signed, pdfExport: await sign(deps, statement) });
}
