/**
 * The signature half of Verify (issue 16, item 5). It trusts nothing the file says about itself:
 * the Markdown body's hash is recomputed from the file's text, a PDF's printed bytes are hashed
 * by main and its tail regenerated (pdfSignature.ts), and every signature is checked against the
 * public key before a word of the manifest is believed. Then it tells who issued the memo, from
 * which device, when, whether this app knows that device and whether a later version superseded
 * it (when this engagement holds the record).
 */
import { sha256Hex } from '../canonical/sha256';
import { fromB64, verifyBytes } from '../sync/identity';
import { pdfExportStatementSchema, type SignedPdfFacts } from './pdfSignature';
import {
  markdownBodyHash,
  parseManifest,
  splitMarkdownSignature,
  type MemoManifest,
  type SignedManifest,
} from './signedManifest';
import {
  parseMarkdownStamp,
  parsePdfTitleStamp,
  type FileForVerify,
  type IssuedMemoForVerify,
  type VerifyResult,
} from './verify';

/** A device key this app knows: its own, or one of the sync roster's. */
export interface KnownDevice {
  /** Ed25519 public key, base64. */
  publicKey: string;
  /** How to name it ("this device", "“Dana's laptop”, approved in the sync roster on …"). */
  label: string;
  /**
   * False for a key the roster shows removed or never approved: it is named, but trusted for
   * nothing (not as a PDF's exporter either). Absent: true (this device, a record's issuer, an
   * approved roster device).
   */
  vouches?: boolean;
}

/** What a checked signature says. */
export interface SignatureFinding {
  /** True when every signature and recomputed hash holds. */
  valid: boolean;
  /** Why not, when not. */
  problem: string | null;
  /** The manifest (as signed; believed only when valid). */
  manifest: MemoManifest | null;
  /**
   * The key's standing: known to this app (with its label) or unknown; `vouches` is false for
   * a key the roster shows removed or not approved.
   */
  device: { known: boolean; label: string | null; vouches: boolean };
  /** Superseded by a later version: true/false from the record, null when there is none here. */
  superseded: boolean | null;
  /** For a PDF: when and by which device (and key) it was exported (signed at export). */
  exported: { at: string; deviceId: string; publicKey: string } | null;
}

const encoder = new TextEncoder();

/** True when `signed.signature` is `publicKey`'s signature of `signed.text`. */
async function signatureHolds(signed: SignedManifest, publicKey: string): Promise<boolean> {
  const key = fromB64(publicKey, 32);
  const sig = fromB64(signed.signature, 64);
  return key !== null && sig !== null && verifyBytes(sig, encoder.encode(signed.text), key);
}

/** What a file's signature check found. */
interface Checked {
  /** The manifest's text as carried. */
  text: string;
  /** The manifest, when it reads. */
  manifest: MemoManifest | null;
  /** Why it fails, or null. */
  problem: string | null;
  /** A PDF's export statement's time and device. */
  exported: SignatureFinding['exported'];
}

/** The signed manifest of a Markdown file, checked against its own text. */
async function checkMarkdown(text: string): Promise<Checked | null> {
  const split = splitMarkdownSignature(text);
  if (!split) return null;
  const manifest = parseManifest(split.signed.text);
  const fail = (problem: string): Checked => ({
    text: split.signed.text,
    manifest,
    problem,
    exported: null,
  });
  if (!manifest) return fail('its manifest cannot be read');
  if (!(await signatureHolds(split.signed, manifest.device.publicKey))) {
    return fail('its signature does not match its manifest');
  }
  if ((await markdownBodyHash(split.body)) !== manifest.markdownSha256) {
    return fail('its text was changed after it was signed');
  }
  const stamp = parseMarkdownStamp(split.body);
  if (
    !stamp ||
    stamp.memoId !== manifest.memoId ||
    stamp.version !== manifest.version ||
    stamp.fingerprint !== manifest.fingerprint
  ) {
    return fail('its printed stamp differs from its manifest');
  }
  return { text: split.signed.text, manifest, problem: null, exported: null };
}

/** The signed manifest and export statement of a PDF, checked against what main read. */
async function checkPdf(facts: SignedPdfFacts, title: string | null): Promise<Checked> {
  const manifest = parseManifest(facts.entries.manifest.text);
  const none = { text: facts.entries.manifest.text, exported: null };
  if (!manifest) return { manifest: null, problem: 'its manifest cannot be read', ...none };
  if (!(await signatureHolds(facts.entries.manifest, manifest.device.publicKey))) {
    return { manifest, problem: 'its signature does not match its manifest', ...none };
  }
  let statement;
  try {
    const parsed = pdfExportStatementSchema.safeParse(JSON.parse(facts.entries.pdfExport.text));
    statement = parsed.success ? parsed.data : null;
  } catch {
    statement = null;
  }
  if (!statement) return { manifest, problem: 'its export statement cannot be read', ...none };
  const exported = {
    at: statement.exportedAt,
    deviceId: statement.device.id,
    publicKey: statement.device.publicKey,
  };
  const fail = (problem: string): Checked => ({ ...none, manifest, problem, exported });
  if (!(await signatureHolds(facts.entries.pdfExport, statement.device.publicKey))) {
    return fail('its export signature does not match');
  }
  if (
    statement.memoId !== manifest.memoId ||
    statement.version !== manifest.version ||
    statement.fingerprint !== manifest.fingerprint ||
    statement.manifestSha256 !== (await sha256Hex(facts.entries.manifest.text))
  ) {
    return fail('its export statement names another memo than its manifest');
  }
  if (facts.prefixSha256 !== statement.prefixSha256) {
    return fail('its pages are not the bytes that were signed at export');
  }
  if (!facts.tailIntact) return fail('bytes were added or changed after it was signed');
  const stamp = parsePdfTitleStamp(title);
  if (!stamp || stamp.memoId !== manifest.memoId || stamp.fingerprint !== manifest.fingerprint) {
    return fail('its title stamp differs from its manifest');
  }
  return { ...none, manifest, problem: null, exported };
}

/** Whether a later version of the memo exists here (null: this engagement has none of it). */
function supersededHere(m: MemoManifest, issued: readonly IssuedMemoForVerify[]): boolean | null {
  const versions = issued.filter((r) => r.memoId === m.memoId);
  if (versions.length === 0) return null;
  const own = versions.find((r) => r.version === m.version);
  return own?.status === 'superseded' || versions.some((r) => r.version > m.version);
}

/** Adds the signature's verdict to the record check (`base`, from verifyMemoFile). */
export async function verifySignature(
  file: FileForVerify,
  base: VerifyResult,
  issued: readonly IssuedMemoForVerify[],
  known: readonly KnownDevice[],
): Promise<VerifyResult> {
  const checked =
    file.kind === 'markdown' && file.text !== null
      ? await checkMarkdown(file.text)
      : file.kind === 'pdf' && file.pdfSigned
        ? await checkPdf(file.pdfSigned, file.pdfTitle)
        : null;
  if (!checked) {
    const unsigned = base.outcome === 'unreadable' ? '' : ' It carries no signature.';
    return { ...base, message: `${base.message}${unsigned}`, signature: null };
  }
  const m = checked.manifest;
  const device = known.find((d) => d.publicKey === m?.device.publicKey);
  const finding: SignatureFinding = {
    valid: checked.problem === null,
    problem: checked.problem,
    manifest: m,
    device: {
      known: device !== undefined,
      label: device?.label ?? null,
      vouches: device !== undefined && device.vouches !== false,
    },
    superseded: m ? supersededHere(m, issued) : null,
    exported: checked.exported,
  };
  const memoId = m?.memoId ?? base.memoId;
  const version = m?.version ?? base.version;
  if (checked.problem !== null || !m) {
    const why = checked.problem ?? 'its manifest cannot be read';
    return {
      outcome: 'altered',
      memoId,
      version,
      message: `${file.fileName} is not as signed: ${why}. Do not rely on it.`,
      signature: finding,
    };
  }
  const verdict = signedVerdict(file.fileName, checked.text, m, finding, issued, base, known);
  return { ...verdict, signature: finding };
}

/** The verdict of a file whose signature holds. */
function signedVerdict(
  fileName: string,
  text: string,
  m: MemoManifest,
  finding: SignatureFinding,
  issued: readonly IssuedMemoForVerify[],
  base: VerifyResult,
  known: readonly KnownDevice[],
): VerifyResult {
  const name = `${m.memoId} version ${m.version}`;
  const who = `issued by ${m.issuedBy || 'an unnamed author'} on ${m.issuedAt.slice(0, 16).replace('T', ' ')} UTC`;
  const only = 'the signature shows only that the file is unchanged since that key signed it';
  const from = !finding.device.known
    ? `from device ${m.device.id}, whose key this app does not know: ${only}`
    : finding.device.vouches
      ? `from ${finding.device.label ?? 'a known device'} (device ${m.device.id})`
      : `from ${finding.device.label ?? 'a device'} (device ${m.device.id}): the roster does not vouch for that key, ${only}`;
  const later =
    finding.superseded === true
      ? ' A later version has superseded it.'
      : finding.superseded === false
        ? ' It is the current version.'
        : '';
  const record = issued.find((r) => r.memoId === m.memoId && r.version === m.version);
  const head = { memoId: m.memoId, version: m.version };
  const exporter = finding.exported;
  if (exporter && base.outcome !== 'match' && !exporterKnown(exporter.publicKey, m, known)) {
    return {
      outcome: 'altered',
      ...head,
      message: `${fileName} carries the genuine manifest of ${name}, but its pages were signed at export by a key this app does not know or trust (device ${exporter.deviceId}): anyone can sign pages that way. Do not rely on this PDF; compare it with the Markdown export.`,
    };
  }

  if (!record) {
    return {
      outcome: 'signed',
      ...head,
      message: `${fileName} is ${name} as signed, ${who}, ${from}. This engagement holds no record of it.${later}`,
    };
  }
  // The same issue: the very manifest this engagement stored when it issued the memo.
  const sameIssue = record.signed
    ? record.signed.text === text
    : record.fingerprint === m.fingerprint;
  if (!sameIssue) {
    return {
      outcome: 'altered',
      ...head,
      message: `${fileName} carries a valid signature, but not the one ${name} was issued with here: it is not the issued memo.`,
    };
  }
  const exact =
    base.outcome === 'match'
      ? ''
      : ' (the file differs from the stored copy only where a signature allows: line ends, blanks, or a PDF exported elsewhere)';
  return {
    outcome: 'match',
    ...head,
    message: `${fileName} is ${name}, signed and unchanged, ${who}, ${from}.${exact}${later}`,
  };
}

/** A PDF's exporting key is trusted when it issued the memo or this app knows it. */
function exporterKnown(key: string, m: MemoManifest, known: readonly KnownDevice[]): boolean {
  return (
    key === m.device.publicKey || known.some((d) => d.publicKey === key && d.vouches !== false)
  );
}
