import { trimEndBlanks } from './escape';
import type { SignedPdfFacts } from './pdfSignature';
import type { SignedManifest } from './signedManifest';
import type { SignatureFinding } from './verifySigned';

/** What a memo file says about itself: memo id, version and content fingerprint. */
export interface MemoStamp {
  /** Memo (or dossier) id. */
  memoId: string;
  /** Version. */
  version: number;
  /** SHA-256 hex of the canonical content. */
  fingerprint: string;
}

const TITLE = /^(\S+) v(\d+) SHA-256 ([0-9a-f]{64})$/;
const VERSION = ' · version ';
const FINGERPRINT = ' · fingerprint SHA-256 ';

const isSpace = (ch: string | undefined): boolean =>
  ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isHex = (ch: string | undefined): boolean =>
  isDigit(ch) || (ch !== undefined && ch >= 'a' && ch <= 'f');

/**
 * The stamp whose " · version " starts at `at`: "<memo id> · version <n> · fingerprint SHA-256
 * <64 hex>", or null. The memo id is the run of non-blank characters before; the scan back stops
 * at a blank, so scanning every occurrence of a file reads each character a bounded number of times.
 */
function stampAt(text: string, at: number): MemoStamp | null {
  let idStart = at;
  while (idStart > 0 && !isSpace(text[idStart - 1])) idStart -= 1;
  if (idStart === at) return null;
  let i = at + VERSION.length;
  const digitsStart = i;
  while (isDigit(text[i])) i += 1;
  if (i === digitsStart || !text.startsWith(FINGERPRINT, i)) return null;
  const hexStart = i + FINGERPRINT.length;
  for (let k = hexStart; k < hexStart + 64; k += 1) if (!isHex(text[k])) return null;
  return {
    memoId: text.slice(idStart, at),
    version: Number(text.slice(digitsStart, i)),
    fingerprint: text.slice(hexStart, hexStart + 64),
  };
}

/**
 * The last stamp line of an exported Markdown memo, or null when there is none. One linear scan
 * (indexOf), never a pattern that backtracks: a file with a megabyte-long line (base64, minified
 * text) is read in milliseconds.
 */
export function parseMarkdownStamp(text: string): MemoStamp | null {
  let found: MemoStamp | null = null;
  for (let at = text.indexOf(VERSION); at !== -1; at = text.indexOf(VERSION, at + 1)) {
    found = stampAt(text, at) ?? found;
  }
  return found;
}

/** Decodes a PDF literal string's escapes (\\n, \\(, \\\\, octal). */
function decodePdfLiteral(body: string): string {
  return body.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_m, e: string) => {
    const simple: Record<string, string> = {
      n: '\n',
      r: '\r',
      t: '\t',
      b: '\b',
      f: '\f',
      '(': '(',
      ')': ')',
      '\\': '\\',
    };
    return simple[e] ?? String.fromCharCode(parseInt(e, 8));
  });
}

/** Decodes a PDF hex string (UTF-16BE with a BOM, or single bytes). */
function decodePdfHex(hex: string): string {
  const clean = hex.replace(/\s+/g, '');
  const bytes: number[] = [];
  for (let i = 0; i + 1 < clean.length; i += 2) bytes.push(parseInt(clean.slice(i, i + 2), 16));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = '';
    for (let i = 2; i + 1 < bytes.length; i += 2)
      s += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
    return s;
  }
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/**
 * The document title of a PDF (its Info dictionary's /Title), read from the file's bytes as a
 * latin1 string. Chromium writes the HTML <title> there, which for a memo is
 * "<memo id> v<version> SHA-256 <fingerprint>" (see pdfDocumentTitle).
 */
export function readPdfTitle(latin1: string): string | null {
  return readPdfTextEntry(latin1, 'Title', 'first');
}

/**
 * The text string after `/<name>` in a PDF read as latin1 (a literal or a hex string): the
 * first or the last one that reads. Linear: each occurrence scans only its own string.
 */
export function readPdfTextEntry(
  latin1: string,
  name: string,
  which: 'first' | 'last',
): string | null {
  const key = `/${name}`;
  // A literal that runs to the end unclosed means no later one closes either: stop trying them,
  // so a file of many unclosed "/Title (" is still read once (a hex scan stops at any non-hex).
  let literalsLeft = true;
  let found: string | null = null;
  for (let at = latin1.indexOf(key); at !== -1; at = latin1.indexOf(key, at + 1)) {
    let i = at + key.length;
    while (isSpace(latin1[i])) i += 1;
    let value: string | null = null;
    if (latin1[i] === '(' && literalsLeft) {
      value = pdfLiteralAt(latin1, i);
      literalsLeft = value !== null;
    } else if (latin1[i] === '<') value = pdfHexAt(latin1, i);
    if (value !== null) {
      if (which === 'first') return value;
      found = value;
    }
  }
  return found;
}

/** The decoded PDF literal string opening at text[open] === '(' (escapes skipped), or null. */
function pdfLiteralAt(text: string, open: number): string | null {
  for (let i = open + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === ')') return decodePdfLiteral(text.slice(open + 1, i));
  }
  return null;
}

/** The decoded PDF hex string opening at text[open] === '<', or null. */
function pdfHexAt(text: string, open: number): string | null {
  for (let i = open + 1; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '>') return decodePdfHex(text.slice(open + 1, i));
    if (!isSpace(ch) && !isHex(ch?.toLowerCase())) return null;
  }
  return null;
}

/** The stamp carried in a PDF's title, or null. */
export function parsePdfTitleStamp(title: string | null): MemoStamp | null {
  const match = title === null ? null : TITLE.exec(title.trim());
  if (!match) return null;
  return { memoId: match[1] ?? '', version: Number(match[2]), fingerprint: match[3] ?? '' };
}

/** An issued memo as verification needs it. */
export interface IssuedMemoForVerify {
  /** Memo id. */
  memoId: string;
  /** Version. */
  version: number;
  /** issued or superseded. */
  status: 'issued' | 'superseded';
  /** Content fingerprint. */
  fingerprint: string;
  /** The issued Markdown, exactly as exported. */
  markdown: string;
  /** SHA-256 of files exported from the issued memo. */
  exports: Array<{ format: 'markdown' | 'pdf'; sha256: string; pageSize: string | null }>;
  /** The signed manifest it was issued with (absent on memos issued before signing). */
  signed?: SignedManifest | undefined;
}

/** A file picked for verification, as the main process reports it. */
export interface FileForVerify {
  /** The file's name (no folder). */
  fileName: string;
  /** markdown (text read) or pdf, or other. */
  kind: 'markdown' | 'pdf' | 'other';
  /** SHA-256 of the file's bytes. */
  sha256: string;
  /** The text of a Markdown file, else null. */
  text: string | null;
  /** The title of a PDF, else null. */
  pdfTitle: string | null;
  /** A PDF's signature entries and what main recomputed from its bytes (absent: none). */
  pdfSigned?: SignedPdfFacts | null | undefined;
}

/** The verdict. */
export interface VerifyResult {
  /**
   * match: same content as an issued memo; signed: its signature holds but this engagement has
   * no record of it; altered: claims a memo but differs; unknown: not an issued memo; unreadable.
   */
  outcome: 'match' | 'signed' | 'altered' | 'unknown' | 'unreadable';
  /** The memo the file names, when it names one. */
  memoId: string | null;
  /** Its version. */
  version: number | null;
  /** One or two sentences for the user. */
  message: string;
  /** What the file's signature says, once checked (absent: not checked or none). */
  signature?: SignatureFinding | null | undefined;
}

/** Line ends and trailing blanks do not count (editors and mail clients change them). */
function normalise(text: string): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body.replace(/\r\n?/g, '\n').split('\n').map(trimEndBlanks).join('\n').trimEnd();
}

/** Says whether a picked file matches an issued memo, and which. */
export function verifyMemoFile(
  file: FileForVerify,
  issued: readonly IssuedMemoForVerify[],
): VerifyResult {
  const stamp =
    file.kind === 'markdown' && file.text !== null
      ? parseMarkdownStamp(file.text)
      : file.kind === 'pdf'
        ? parsePdfTitleStamp(file.pdfTitle)
        : null;
  if (!stamp) {
    return {
      outcome: 'unreadable',
      memoId: null,
      version: null,
      message: `${file.fileName} does not carry a memo id and fingerprint: it is not a memo exported by this app.`,
    };
  }
  const { memoId, version } = stamp;
  const memo = issued.find((m) => m.memoId === memoId && m.version === version);
  const name = `${memoId} version ${version}`;
  if (!memo) {
    return {
      outcome: 'unknown',
      memoId,
      version,
      message: `${file.fileName} names ${name}, which is not an issued memo of this engagement (a draft, or from elsewhere).`,
    };
  }
  const superseded = memo.status === 'superseded' ? ` That version has since been superseded.` : '';
  if (stamp.fingerprint !== memo.fingerprint) {
    return {
      outcome: 'altered',
      memoId,
      version,
      message: `${file.fileName} names ${name} but carries a different fingerprint: it is not the issued memo.${superseded}`,
    };
  }
  if (file.kind === 'markdown') {
    if (normalise(file.text ?? '') === normalise(memo.markdown)) {
      return {
        outcome: 'match',
        memoId,
        version,
        message: `${file.fileName} matches issued memo ${name}, word for word.${superseded}`,
      };
    }
    return {
      outcome: 'altered',
      memoId,
      version,
      message: `${file.fileName} names ${name} and its fingerprint, but its text differs from the issued memo: it was edited after export.${superseded}`,
    };
  }
  const exported = memo.exports.find((e) => e.format === 'pdf' && e.sha256 === file.sha256);
  if (exported) {
    return {
      outcome: 'match',
      memoId,
      version,
      message: `${file.fileName} is the PDF of issued memo ${name} exported by this app, byte for byte.${superseded}`,
    };
  }
  return {
    outcome: 'altered',
    memoId,
    version,
    message: `${file.fileName} names ${name} and its fingerprint, but it is not a PDF this app recorded exporting: it may have been changed. Compare it with a fresh export.${superseded}`,
  };
}
