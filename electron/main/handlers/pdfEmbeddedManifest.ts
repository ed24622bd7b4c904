// The signed issue manifest as a file embedded in an exported memo PDF (issue 16, item 5), so a
// PDF reader's attachments panel (or `pdfdetach`) shows it. Written with @cantoo/pdf-lib (the
// maintained fork of pdf-lib) as an INCREMENTAL update: a new catalog version naming the file,
// its file specification and the file's stream are appended; no byte the printer wrote changes
// and no page object is touched (test/unit/memo/pdfEmbeddedManifest.test.ts renders the pages
// before and after). The signature update (pdfSignature.ts) follows it; the export statement's
// prefix hash covers the printed bytes and this update together.
import { PDFDocument } from '@cantoo/pdf-lib';
import type { SignedManifest } from '@shared/memo/signedManifest';

/** The kind tag of the embedded file. */
export const EMBEDDED_MANIFEST_KIND = 'ews-memo-signed-manifest-v1';

/** The embedded file's name for a memo version. */
export const embeddedManifestName = (memoId: string, version: number): string =>
  `${memoId}-v${version}-signed-manifest.json`;

/** The embedded file's bytes: the manifest text exactly as signed, and its signature. */
export function embeddedManifestBytes(signed: SignedManifest): Uint8Array {
  const file = { kind: EMBEDDED_MANIFEST_KIND, manifest: signed.text, signature: signed.signature };
  return new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
}

/**
 * The printed PDF with the signed manifest embedded, appended as one incremental update.
 * Throws when the library would change a byte of the printed PDF (nothing is exported then).
 */
export async function embedManifest(
  printed: Uint8Array,
  signed: SignedManifest,
  memo: { memoId: string; version: number },
  at: Date,
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(printed, {
    forIncrementalUpdate: true,
    updateMetadata: false,
  });
  await doc.attach(embeddedManifestBytes(signed), embeddedManifestName(memo.memoId, memo.version), {
    mimeType: 'application/json',
    description: `Signed manifest of memo ${memo.memoId} version ${memo.version}`,
    creationDate: at,
    modificationDate: at,
  });
  // a classic xref table and trailer: the signature update after it reads that trailer
  const out = await doc.commit({ useObjectStreams: false });
  const kept = out.length > printed.length && printed.every((byte, i) => out[i] === byte);
  if (!kept) throw new Error('Embedding the manifest would change the printed PDF.');
  return out;
}
