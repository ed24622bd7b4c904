/**
 * The signature of an exported memo PDF (issue 16, item 5), carried in the PDF's document
 * information dictionary through ONE incremental update appended to the printer's bytes:
 *
 * - `/EWSMemoManifest`, `/EWSMemoSignature`: the issue manifest and the issuing device's
 *   signature (the same text as the Markdown's signature block);
 * - `/EWSPdfExport`, `/EWSPdfExportSignature`: the export statement, signed by the exporting
 *   device at export: memo id, version, fingerprint, the manifest's SHA-256, and the length and
 *   SHA-256 of the bytes before the update (the pages exactly as the printer made them, and
 *   since the embedded manifest file, electron/main/handlers/pdfEmbeddedManifest.ts, the
 *   incremental update that embeds it).
 *
 * An incremental update changes no byte of what came before, so the pages are untouched; a
 * verifier hashes the first `prefixLength` bytes and regenerates the update from that prefix and
 * the entries read: any other byte after the prefix (a second update drawing over a page, a
 * replaced object) fails. See README.md "Signed memos" for what this proves and what it cannot.
 */
import { z } from 'zod';
import { sha256Hex } from '../canonical/sha256';
import { publicKeyB64, signatureB64, type SignedManifest } from './signedManifest';
import { readPdfTextEntry } from './verify';

/** The export statement's kind tag. */
export const PDF_EXPORT_KIND = 'ews-memo-pdf-v1';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** What main signs when it exports a PDF (everything but the device comes from the export). */
export const pdfExportStatementSchema = z.strictObject({
  /** The tag. */
  kind: z.literal(PDF_EXPORT_KIND),
  /** Memo id. */
  memoId: z.string().min(1).max(100),
  /** Version. */
  version: z.number().int().min(1),
  /** Content fingerprint. */
  fingerprint: hex64,
  /** SHA-256 of the issue manifest's text. */
  manifestSha256: hex64,
  /** Bytes of the PDF before the signature update (as printed, then the embedded manifest). */
  prefixLength: z.number().int().min(1),
  /** SHA-256 of those bytes. */
  prefixSha256: hex64,
  /** When it was exported (ISO, UTC). */
  exportedAt: z.iso.datetime({ offset: false }),
  /** The exporting device. */
  device: z.strictObject({
    id: z.string().min(1).max(100),
    publicKey: publicKeyB64,
  }),
});
export type PdfExportStatement = z.infer<typeof pdfExportStatementSchema>;

/** The four signed entries of a memo PDF. */
export interface PdfSignatureEntries {
  /** The issue manifest and its signature. */
  manifest: SignedManifest;
  /** The export statement and its signature. */
  pdfExport: SignedManifest;
}

const NAMES = {
  manifest: 'EWSMemoManifest',
  manifestSig: 'EWSMemoSignature',
  pdfExport: 'EWSPdfExport',
  pdfExportSig: 'EWSPdfExportSignature',
} as const;

/**
 * Bytes as a latin1 string, one character per byte (exact: TextDecoder's "latin1" is really
 * windows-1252). Widening to UTF-16 code units keeps it native: a 20 MB PDF in a tenth of a
 * second rather than seconds.
 */
const latin1 = (bytes: Uint8Array): string =>
  new TextDecoder('utf-16le').decode(new Uint16Array(bytes));
const fromLatin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** A PDF text string as hex: UTF-16BE with its byte order mark (any text survives). */
function pdfHexText(text: string): string {
  let out = '<FEFF';
  for (let i = 0; i < text.length; i += 1) out += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `${out.toUpperCase()}>`;
}

/** What the last trailer of a PDF says. */
interface Trailer {
  size: number;
  root: string;
  info: { num: number; gen: number };
  startxref: number;
}

/** The last trailer, read with bounded linear scans; null when it is not one Skia writes. */
function lastTrailer(text: string): Trailer | null {
  const sx = text.lastIndexOf('startxref');
  const tr = sx === -1 ? -1 : text.lastIndexOf('trailer', sx);
  if (tr === -1 || sx - tr > 4096) return null;
  const dict = text.slice(tr, sx);
  const size = /\/Size\s(\d{1,9})/.exec(dict);
  const root = /\/Root\s(\d{1,9}\s\d{1,5}\sR)/.exec(dict);
  const info = /\/Info\s(\d{1,9})\s(\d{1,5})\sR/.exec(dict);
  const start = /^startxref\s+(\d{1,12})\s/.exec(text.slice(sx, sx + 40));
  if (!size || !root || !info || !start) return null;
  return {
    size: Number(size[1]),
    root: root[1] ?? '',
    info: { num: Number(info[1]), gen: Number(info[2]) },
    startxref: Number(start[1]),
  };
}

/** The inside of the Info object's dictionary (between << and >>), or null. */
function infoDictBody(text: string, num: number, gen: number): string | null {
  const head = `\n${num} ${gen} obj`;
  const at = text.lastIndexOf(head);
  const end = at === -1 ? -1 : text.indexOf('endobj', at);
  if (end === -1) return null;
  const obj = text.slice(at + head.length, end);
  const open = obj.indexOf('<<');
  const close = obj.lastIndexOf('>>');
  return open === -1 || close <= open ? null : obj.slice(open + 2, close);
}

/**
 * The incremental update for a printed PDF (given as latin1 text): a new version of the Info
 * object, an xref section of one entry, a trailer pointing back with /Prev. The same prefix and
 * entries always give the same text: verifiers regenerate it to check the tail.
 */
function signatureUpdate(text: string, entries: PdfSignatureEntries): string {
  const trailer = lastTrailer(text);
  const body = trailer ? infoDictBody(text, trailer.info.num, trailer.info.gen) : null;
  if (!trailer || body === null) throw new Error('The PDF has no document information to sign.');
  const { num, gen } = trailer.info;
  const lead = text.endsWith('\n') ? '' : '\n';
  const objAt = text.length + lead.length;
  const obj =
    `${num} ${gen} obj\n<<${body}\n/Keywords (ews-memo-signature)` +
    `\n/${NAMES.manifest} ${pdfHexText(entries.manifest.text)}` +
    `\n/${NAMES.manifestSig} (${entries.manifest.signature})` +
    `\n/${NAMES.pdfExport} ${pdfHexText(entries.pdfExport.text)}` +
    `\n/${NAMES.pdfExportSig} (${entries.pdfExport.signature})>>\nendobj\n`;
  const xrefAt = objAt + obj.length;
  return (
    `${lead}${obj}xref\n${num} 1\n${String(objAt).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n` +
    `trailer\n<</Size ${trailer.size}\n/Root ${trailer.root}\n/Info ${num} ${gen} R\n/Prev ${trailer.startxref}>>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`
  );
}

/** The printed PDF with the signature entries appended as one incremental update. */
export function appendPdfSignature(pdf: Uint8Array, entries: PdfSignatureEntries): Uint8Array {
  const tail = fromLatin1(signatureUpdate(latin1(pdf), entries));
  const out = new Uint8Array(pdf.length + tail.length);
  out.set(pdf, 0);
  out.set(tail, pdf.length);
  return out;
}

/** What main found in a picked PDF, for verification (the crypto is done by verify). */
export interface SignedPdfFacts {
  /** The entries read (the last of each name). */
  entries: PdfSignatureEntries;
  /** SHA-256 of the file's first prefixLength bytes (as the export statement gives it), or null. */
  prefixSha256: string | null;
  /** True when the bytes after the prefix are exactly the update regenerated from it. */
  tailIntact: boolean;
}

/** Reads a memo PDF's signature entries and checks its tail; null when it carries none. */
export async function inspectSignedPdf(pdf: Uint8Array): Promise<SignedPdfFacts | null> {
  const text = latin1(pdf);
  const read = (name: string) => readPdfTextEntry(text, name, 'last');
  const manifestText = read(NAMES.manifest);
  const manifestSig = read(NAMES.manifestSig);
  const exportText = read(NAMES.pdfExport);
  const exportSig = read(NAMES.pdfExportSig);
  if (manifestText === null || manifestSig === null || exportText === null || exportSig === null) {
    return null;
  }
  const entries: PdfSignatureEntries = {
    manifest: { text: manifestText, signature: manifestSig },
    pdfExport: { text: exportText, signature: exportSig },
  };
  if (!signatureB64.safeParse(manifestSig).success || !signatureB64.safeParse(exportSig).success) {
    return { entries, prefixSha256: null, tailIntact: false };
  }
  let length = 0;
  try {
    const statement = pdfExportStatementSchema.safeParse(JSON.parse(exportText));
    length = statement.success ? statement.data.prefixLength : 0;
  } catch {
    length = 0;
  }
  if (length <= 0 || length >= pdf.length)
    return { entries, prefixSha256: null, tailIntact: false };
  let tailIntact = false;
  try {
    tailIntact = text.slice(length) === signatureUpdate(text.slice(0, length), entries);
  } catch {
    tailIntact = false;
  }
  return { entries, prefixSha256: await sha256Hex(pdf.subarray(0, length)), tailIntact };
}
