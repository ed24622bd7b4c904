import { canonicalJson } from './canonical';

/** The SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits (WebCrypto: Node 20 and browsers). */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The fingerprint of a memo's content: SHA-256 of its canonical JSON. The content holds no
 * export time, so exporting the same memo again (today, next year, on another machine) gives
 * the same fingerprint.
 */
export function contentFingerprint(content: unknown): Promise<string> {
  return sha256Hex(canonicalJson(content));
}

/** The short form printed next to the full fingerprint, for people to compare by eye. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.slice(0, 12);
}
