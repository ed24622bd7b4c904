/**
 * Lower-case hex SHA-256 of a text's UTF-8 bytes, or of raw bytes (Web Crypto: works in Node,
 * windows and workers). The one digest helper behind archive checksums and memo fingerprints.
 */
export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
