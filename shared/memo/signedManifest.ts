/**
 * Signed issued memos (issue 16, item 5). Issuing a memo signs a manifest with the device's
 * Ed25519 key (main keeps the secret: see electron/main/handlers/memo.handler.ts, `memo.sign`).
 * The signature covers the manifest's canonical JSON text, byte for byte, exactly as carried
 * in the Markdown footer and the PDF's metadata: a verifier checks the signature over the text it
 * reads, then parses it. See README.md "Signed memos" for what each check proves.
 */
import { z } from 'zod';
import { sha256Hex } from '../canonical/sha256';
import { trimEndBlanks } from './escape';

/** The manifest's kind tag (also its signature's domain: nothing else the key signs is JSON). */
export const MANIFEST_KIND = 'ews-memo-manifest-v1';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** An Ed25519 public key in base64 (32 bytes). */
export const publicKeyB64 = z.string().regex(/^[A-Z0-9+/]{43}=$/i, 'must be an Ed25519 key');

/** An Ed25519 signature in base64 (64 bytes). */
export const signatureB64 = z.string().regex(/^[A-Z0-9+/]{86}==$/i, 'must be an Ed25519 signature');

/** A signed manifest as carried: its exact text and the signature over it. */
export const signedManifestSchema = z.strictObject({
  /** The manifest's canonical JSON text. */
  text: z.string().min(2).max(4_000_000),
  /** The signature. */
  signature: signatureB64,
});

/** What the renderer asks main to sign (main adds the device). */
export const unsignedManifestSchema = z.strictObject({
  /** The tag. */
  kind: z.literal(MANIFEST_KIND),
  /** The memo id. */
  memoId: z.string().min(1).max(100),
  /** The version. */
  version: z.number().int().min(1),
  /** SHA-256 of the memo's canonical content (the printed fingerprint). */
  fingerprint: hex64,
  /** SHA-256 of the Markdown export above its signature block (see markdownBodyHash). */
  markdownSha256: hex64,
  /** When it was issued (ISO, UTC). */
  issuedAt: z.iso.datetime({ offset: false }),
  /** Who issued it, as the memo's From line prints it. */
  issuedBy: z.string().max(600),
  /** The fingerprint of the version it supersedes, or null for a first version. */
  previousFingerprint: hex64.nullable(),
  /** The attachments its items cite: exhibit ref, shown name, SHA-256 of the bytes. */
  exhibits: z
    .array(z.strictObject({ ref: z.string().max(20), name: z.string().max(400), sha256: hex64 }))
    .max(10_000),
});
export type UnsignedManifest = z.infer<typeof unsignedManifestSchema>;

/** The signed manifest: the request plus the signing device. */
export const memoManifestSchema = unsignedManifestSchema.extend({
  /** The signing device: its id and Ed25519 public key (base64, 32 bytes). */
  device: z.strictObject({ id: z.string().min(1).max(100), publicKey: publicKeyB64 }),
});
export type MemoManifest = z.infer<typeof memoManifestSchema>;

/** A manifest as carried: its exact text and the signature (base64, 64 bytes) over it. */
export interface SignedManifest {
  /** The canonical JSON text the signature covers. */
  text: string;
  /** Ed25519 signature, base64. */
  signature: string;
}

/** Line ends, trailing blanks and a BOM do not count (editors and mail clients change them). */
export function normaliseMarkdown(text: string): string {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body.replace(/\r\n?/g, '\n').split('\n').map(trimEndBlanks).join('\n').trimEnd();
}

/** SHA-256 of a Markdown body as normalised: what the manifest's markdownSha256 holds. */
export function markdownBodyHash(body: string): Promise<string> {
  return sha256Hex(normaliseMarkdown(body));
}

/** The fence line that opens the signature block (the last one in a file counts). */
export const SIGNATURE_FENCE = '```ews-memo-signature';

/** The sentence above the block: part of the signed body. */
export const SIGNATURE_NOTE =
  'This memo carries a manifest signed with the issuing device’s Ed25519 key (below). Verify it with the app’s Verify, or offline with `node verify-memo.mjs <file>`.';

/** The Markdown with the signature note (before signing: the body the manifest hashes). */
export function withSignatureNote(markdown: string): string {
  return `${markdown.trimEnd()}\n\n${SIGNATURE_NOTE}\n`;
}

/** The Markdown body followed by its signature block. */
export function appendSignatureBlock(body: string, signed: SignedManifest): string {
  return `${body.trimEnd()}\n\n${SIGNATURE_FENCE}\n${signed.text}\ned25519 ${signed.signature}\n\`\`\`\n`;
}

/** A Markdown file split into its body and its signature block (null: none, or malformed). */
export interface MarkdownSignature {
  /** Everything before the block. */
  body: string;
  /** The block's manifest text and signature. */
  signed: SignedManifest;
}

/**
 * The signature block at the end of a Markdown file: the last line that is exactly the fence,
 * then the manifest line, the "ed25519 <base64>" line, the closing fence and only blank lines.
 * Anything else after the last fence means there is no valid block (null).
 */
export function splitMarkdownSignature(text: string): MarkdownSignature | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let fence = -1;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    if (trimEndBlanks(lines[i] ?? '') === SIGNATURE_FENCE) {
      fence = i;
      break;
    }
  }
  if (fence === -1) return null;
  const [manifest, sigLine, close, ...rest] = lines.slice(fence + 1).map(trimEndBlanks);
  if (manifest === undefined || sigLine === undefined || close !== '```') return null;
  if (!sigLine.startsWith('ed25519 ') || rest.some((l) => l !== '')) return null;
  return {
    body: lines.slice(0, fence).join('\n'),
    signed: { text: manifest, signature: sigLine.slice('ed25519 '.length) },
  };
}

/** The manifest of a signed text, or null when it is not a well-formed manifest. */
export function parseManifest(text: string): MemoManifest | null {
  if (text.length > 4_000_000) return null;
  try {
    const parsed = memoManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The manifest of a memo being issued (before main adds the device and signs it). */
export async function issueManifest(input: {
  memo: {
    header: { memoId: string; version: number; fromName: string; fromFirm: string };
    exhibits?: ReadonlyArray<{ ref: string; name: string; sha256: string }> | undefined;
  };
  fingerprint: string;
  body: string;
  issuedAt: string;
  previousFingerprint: string | null;
}): Promise<UnsignedManifest> {
  const h = input.memo.header;
  return {
    kind: MANIFEST_KIND,
    memoId: h.memoId,
    version: h.version,
    fingerprint: input.fingerprint,
    markdownSha256: await markdownBodyHash(input.body),
    issuedAt: input.issuedAt,
    issuedBy: [h.fromName, h.fromFirm].filter((s) => s.trim() !== '').join(', '),
    previousFingerprint: input.previousFingerprint,
    exhibits: (input.memo.exhibits ?? []).map((e) => ({
      ref: e.ref,
      name: e.name,
      sha256: e.sha256,
    })),
  };
}
