// The part of iconv-lite that @kenjiuno/msgreader uses (decoding ANSI code-page strings of a
// .msg), on the browser's TextDecoder (the WHATWG encodings: windows-125x, ISO-8859-x,
// Shift_JIS, GBK, Big5, EUC-KR...). iconv-lite itself needs Node's Buffer, which the renderer
// and its workers do not have; the renderer build aliases iconv-lite to this file.

/** Decodes bytes in a named encoding; an unknown encoding is read as windows-1252. */
export function decode(bytes: Uint8Array, encoding: string): string {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** msgreader encodes only when writing a .msg, which the app never does. */
export function encode(): never {
  throw new Error('Encoding is not available in the app');
}

export default { decode, encode };
