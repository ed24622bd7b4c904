/**
 * Base64 of bytes and back (keys in keys.json, sync files and attachments over IPC): the one
 * pair of helpers. Encoding works in slices so a large file does not overflow the call stack.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

/** The bytes of a base64 text (atob throws on a text that is not base64). */
export function base64ToBytes(text: string): Uint8Array {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}
