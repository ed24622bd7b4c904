import { sha256 } from '@noble/hashes/sha2';
import { base64ToBytes, bytesToBase64 } from '../encoding/base64';

/**
 * The letterhead logo: a PNG or JPEG image kept as a data URL (engagement `memoLogo`, the memo
 * template's `logo`). SVG is refused: it is a document that can carry script and fetch remote
 * resources, and the print CSP allows `data:` images only. The bytes are checked, not the
 * name: the signature (magic bytes) must match the declared type, the size is bounded and the
 * dimensions read from the header must be within bounds.
 */

/** The largest logo accepted, in bytes of the image. */
export const LOGO_MAX_BYTES = 200 * 1024;
/** The largest side accepted, in pixels. */
export const LOGO_MAX_SIDE = 4_000;
/** The longest data URL accepted (base64 of LOGO_MAX_BYTES plus its prefix). */
export const LOGO_MAX_DATA_URL = Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 32;

export type LogoMediaType = 'image/png' | 'image/jpeg';

/** A checked logo. */
export interface Logo {
  mediaType: LogoMediaType;
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** The result of a check: the logo, or why it is refused (worded to follow "The logo …"). */
export type LogoCheck = { ok: true; logo: Logo } | { ok: false; reason: string };

const PREFIX: Record<LogoMediaType, string> = {
  'image/png': 'data:image/png;base64,',
  'image/jpeg': 'data:image/jpeg;base64,',
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const u32 = (b: Uint8Array, i: number) =>
  (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>> 0;
const u16 = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);

/** PNG: signature, then the IHDR chunk first with width and height. */
function pngSize(b: Uint8Array): [number, number] | null {
  if (b.length < 33 || PNG_SIGNATURE.some((v, i) => b[i] !== v)) return null;
  const ihdr = String.fromCharCode(b[12] ?? 0, b[13] ?? 0, b[14] ?? 0, b[15] ?? 0);
  if (u32(b, 8) !== 13 || ihdr !== 'IHDR') return null;
  return [u32(b, 16), u32(b, 20)];
}

/** Start-of-frame markers (baseline, progressive, …), which carry the dimensions. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** JPEG: SOI, then segments (each with its length) up to a start-of-frame. One pass, bounded. */
function jpegSize(b: Uint8Array): [number, number] | null {
  if (b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end, or scan before any frame
    const length = u16(b, i + 2);
    if (length < 2) return null;
    if (SOF.has(marker)) return [u16(b, i + 7), u16(b, i + 5)];
    i += 2 + length;
  }
  return null;
}

/** Checks a data URL as a letterhead logo. Never throws. */
export function checkLogo(dataUrl: unknown): LogoCheck {
  if (typeof dataUrl !== 'string') return { ok: false, reason: 'must be an image' };
  if (dataUrl.length > LOGO_MAX_DATA_URL) {
    return { ok: false, reason: `must be at most ${LOGO_MAX_BYTES / 1024} KB` };
  }
  const mediaType = (Object.keys(PREFIX) as LogoMediaType[]).find((t) =>
    dataUrl.startsWith(PREFIX[t]),
  );
  if (mediaType === undefined) {
    return dataUrl.startsWith('data:image/svg')
      ? { ok: false, reason: 'must be PNG or JPEG (SVG can carry script, so it is not accepted)' }
      : { ok: false, reason: 'must be a PNG or JPEG image' };
  }
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(dataUrl.slice(PREFIX[mediaType].length));
  } catch {
    return { ok: false, reason: 'is not a readable image (damaged data)' };
  }
  // the one spelling of these bytes: no whitespace or padding variants slip through
  if (bytesToBase64(bytes) !== dataUrl.slice(PREFIX[mediaType].length)) {
    return { ok: false, reason: 'is not a readable image (damaged data)' };
  }
  if (bytes.length > LOGO_MAX_BYTES) {
    return { ok: false, reason: `must be at most ${LOGO_MAX_BYTES / 1024} KB` };
  }
  const size = mediaType === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
  if (size === null) {
    return { ok: false, reason: `is not a ${mediaType === 'image/png' ? 'PNG' : 'JPEG'} image` };
  }
  const [width, height] = size;
  if (width < 1 || height < 1 || width > LOGO_MAX_SIDE || height > LOGO_MAX_SIDE) {
    return { ok: false, reason: `must be 1 to ${LOGO_MAX_SIDE} pixels on each side` };
  }
  return { ok: true, logo: { mediaType, bytes, width, height } };
}

/** True when the data URL is an acceptable logo (for schemas). */
export const isAcceptableLogo = (dataUrl: unknown): boolean => checkLogo(dataUrl).ok;

/** Lower-case hex SHA-256 of the logo's image bytes. */
export function logoSha256(logo: Logo): string {
  return Array.from(sha256(logo.bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the fingerprinted memo model holds of its logo: type, digest and size, not the bytes. */
export interface MemoLogo {
  mediaType: LogoMediaType;
  sha256: string;
  width: number;
  height: number;
}

/** The memo model's entry of a data URL, or null when it is not an acceptable logo. */
export function memoLogoOf(dataUrl: string | undefined): MemoLogo | null {
  if (dataUrl === undefined || dataUrl === '') return null;
  const checked = checkLogo(dataUrl);
  if (!checked.ok) return null;
  const { mediaType, width, height } = checked.logo;
  return { mediaType, sha256: logoSha256(checked.logo), width, height };
}

/**
 * The data URL to print for a memo's logo: only when it is an acceptable logo whose digest and
 * type are the ones the fingerprinted model names (an image swapped in a synced record is not
 * printed under a fingerprint that does not cover it).
 */
export function printableLogo(
  model: MemoLogo | undefined,
  dataUrl: string | undefined,
): string | null {
  if (model === undefined || dataUrl === undefined) return null;
  const own = memoLogoOf(dataUrl);
  return own !== null && own.sha256 === model.sha256 && own.mediaType === model.mediaType
    ? dataUrl
    : null;
}
