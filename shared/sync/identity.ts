/**
 * Device identity and signed files (folder format 3; see DESIGN.md "Identity and roster").
 *
 * Every installation has an Ed25519 key pair (@noble/ed25519: audited, dependency-free, one
 * small file; its async functions hash with WebCrypto's SHA-512). Main keeps the secret key;
 * the engine only sees a {@link DeviceSigner}, which signs the statement "this file, at this
 * folder-relative path, has this SHA-256" and nothing else.
 *
 * A signed file is `"EWG1" + public key (32) + signature (64) + inner bytes`, where the inner
 * bytes are what the device wrote before (sealed when the folder is encrypted, gzipped segments).
 * The signature covers the path, so a file copied to another device's folder (or renamed) fails.
 * A reader checks it before it uses a byte of the inner data.
 */
import { getPublicKeyAsync, signAsync, utils, verifyAsync } from '@noble/ed25519';
import { sha256Hex } from './format';

/** Magic prefix of a signed file. */
const MAGIC = new Uint8Array([0x45, 0x57, 0x47, 0x31]); // "EWG1"
const KEY_BYTES = 32;
const SIG_BYTES = 64;
/** Bytes a signature adds to a file. */
export const ENVELOPE_BYTES = MAGIC.length + KEY_BYTES + SIG_BYTES;

const enc = new TextEncoder();

/** What the engine may ask of this device's key (the secret stays with main). */
export interface DeviceSigner {
  /** The device's public key (32 bytes). */
  publicKey: Uint8Array;
  /** Signs the statement that the file at `path` has SHA-256 `sha256` (hex). */
  signFile(path: string, sha256: string): Promise<Uint8Array>;
}

/** Thrown when a signed file does not verify (or is not signed where it must be). */
export class BadSignatureError extends Error {
  /** The file. */
  readonly path: string;
  constructor(path: string, why: string) {
    super(`${path}: ${why}`);
    this.name = 'BadSignatureError';
    this.path = path;
  }
}

/** The exact bytes a device signs for a file: a domain tag, the path and the hash. */
export function fileStatement(path: string, sha256: string): Uint8Array {
  return enc.encode(`ews-file-v1\n${path}\n${sha256}`);
}

/** A new random Ed25519 secret key (32 bytes). */
export function newSecretKey(): Uint8Array {
  return utils.randomSecretKey();
}

/** A signer over a secret key held in memory (main's key store, tests, the recovery key). */
export async function signerFromSecret(secret: Uint8Array): Promise<DeviceSigner> {
  const publicKey = await getPublicKeyAsync(secret);
  return {
    publicKey,
    signFile: (path, sha256) => signAsync(fileStatement(path, sha256), secret),
  };
}

/** Signs arbitrary statement bytes with a secret key (recovery approvals). */
export function signBytes(message: Uint8Array, secret: Uint8Array): Promise<Uint8Array> {
  return signAsync(message, secret);
}

/** True when `signature` is `publicKey`'s signature of `message` (false on malformed input). */
export async function verifyBytes(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): Promise<boolean> {
  if (signature.length !== SIG_BYTES || publicKey.length !== KEY_BYTES) return false;
  try {
    return await verifyAsync(signature, message, publicKey);
  } catch {
    return false;
  }
}

/** True when the bytes start as a signed file. */
export function isSigned(bytes: Uint8Array): boolean {
  return bytes.length >= ENVELOPE_BYTES && MAGIC.every((b, i) => bytes[i] === b);
}

/** Wraps `inner` (the bytes to publish at `path`) in a signed envelope. */
export async function signFile(
  signer: DeviceSigner,
  path: string,
  inner: Uint8Array,
): Promise<Uint8Array> {
  const signature = await signer.signFile(path, await sha256Hex(inner));
  const out = new Uint8Array(ENVELOPE_BYTES + inner.length);
  out.set(MAGIC, 0);
  out.set(signer.publicKey, MAGIC.length);
  out.set(signature, MAGIC.length + KEY_BYTES);
  out.set(inner, ENVELOPE_BYTES);
  return out;
}

/** The signer's key of a signed file (not yet verified), or null when it is not signed. */
export function signerKeyOf(bytes: Uint8Array): Uint8Array | null {
  return isSigned(bytes) ? bytes.slice(MAGIC.length, MAGIC.length + KEY_BYTES) : null;
}

/**
 * Checks a signed file read at `path` against the key expected for it and returns its inner
 * bytes. `expected` null: the key inside the file is taken (a device's self-signed device.json;
 * the caller pins it). Throws BadSignatureError otherwise.
 */
export async function openSigned(
  bytes: Uint8Array,
  path: string,
  expected: Uint8Array | null,
): Promise<{ inner: Uint8Array; key: Uint8Array }> {
  const key = signerKeyOf(bytes);
  if (key === null) throw new BadSignatureError(path, 'not signed');
  if (expected !== null && !sameBytes(key, expected)) {
    throw new BadSignatureError(path, 'signed by another key than its device’s');
  }
  const signature = bytes.subarray(MAGIC.length + KEY_BYTES, ENVELOPE_BYTES);
  const inner = bytes.subarray(ENVELOPE_BYTES);
  const ok = await verifyBytes(signature, fileStatement(path, await sha256Hex(inner)), key);
  if (!ok) throw new BadSignatureError(path, 'bad signature');
  return { inner, key };
}

/** Byte-wise equality. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** base64 (standard) of bytes. */
export function toB64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Bytes of base64; null when malformed or not `length` bytes long. */
export function fromB64(text: unknown, length?: number): Uint8Array | null {
  if (typeof text !== 'string' || text.length > 4096) return null;
  try {
    const s = atob(text);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return length === undefined || out.length === length ? out : null;
  } catch {
    return null;
  }
}

/**
 * The short fingerprint of a public key shown on the Sync tab: the first 8 bytes of its
 * SHA-256 in four groups of four hex digits (`3f2a-91c0-77de-0b4e`), to compare by eye.
 */
export async function fingerprint(publicKey: Uint8Array): Promise<string> {
  const hex = (await sha256Hex(publicKey)).slice(0, 16);
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}`;
}

const HEX = '0123456789abcdef';

/** A recovery key as the user prints it: 64 hex digits in 16 groups of 4. */
export function formatRecoveryKey(secret: Uint8Array): string {
  const hex = [...secret].map((b) => HEX.charAt(b >> 4) + HEX.charAt(b & 15)).join('');
  const groups: string[] = [];
  for (let i = 0; i < hex.length; i += 4) groups.push(hex.slice(i, i + 4));
  return groups.join('-');
}

/** The secret of a typed recovery key (spaces, dashes and case ignored); null when malformed. */
export function parseRecoveryKey(text: string): Uint8Array | null {
  if (typeof text !== 'string' || text.length > 200) return null;
  let hex = '';
  for (const ch of text.toLowerCase()) {
    if (ch === ' ' || ch === '-' || ch === '\n' || ch === '\t') continue;
    if (!HEX.includes(ch)) return null;
    hex += ch;
  }
  if (hex.length !== 64) return null;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
