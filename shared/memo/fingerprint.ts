import { canonicalJson } from '../canonical/canonicalJson';
import { sha256Hex } from '../canonical/sha256';

export { sha256Hex };

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
