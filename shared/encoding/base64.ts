/**
 * Base64 of bytes and back (keys in keys.json, sync files and attachments over IPC): the one
 * pair of helpers. Where the engine has them (Chromium 140+, so the app's window), the native
 * `Uint8Array.fromBase64` / `toBase64` do the work (a gigabyte of attachments crosses IPC as
 * base64 on a first sync); elsewhere (Node 20) the portable code below, which encodes in slices
 * so a large file does not overflow the call stack.
 */
interface NativeBase64 {
  fromBase64?: (text: string) => Uint8Array;
  prototype: { toBase64?: (this: Uint8Array) => string };
}
const native = Uint8Array as unknown as NativeBase64;

export function bytesToBase64(bytes: Uint8Array): string {
  const toBase64 = native.prototype.toBase64;
  return toBase64 ? toBase64.call(bytes) : portableToBase64(bytes);
}

/** The bytes of a base64 text (throws on a text that is not base64). */
export function base64ToBytes(text: string): Uint8Array {
  return native.fromBase64 ? native.fromBase64(text) : portableFromBase64(text);
}

/** bytesToBase64 without the native helper. */
export function portableToBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

/** base64ToBytes without the native helper (atob throws on a text that is not base64). */
export function portableFromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}
