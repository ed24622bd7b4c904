/**
 * Optional end-to-end encryption of a sync folder, with WebCrypto only (browsers and Node 20).
 *
 * - A random 256-bit workspace key encrypts every file (AES-256-GCM, a fresh 96-bit IV per
 *   write, the file's folder-relative path as additional authenticated data: a file moved or
 *   renamed by someone fails to open).
 * - The workspace key is stored in `keys.json`, wrapped (AES-GCM) by a key derived from the
 *   passphrase with PBKDF2-SHA-512, 310,000 iterations (above OWASP's 210,000), 16-byte salt.
 *   A wrong passphrase fails the wrap's authentication: reported, nothing changed.
 * - Sealed file = "EWS1" + IV (12 bytes) + ciphertext + tag (16 bytes): 32 bytes per file, far
 *   under 10 % of any segment.
 */

import { base64ToBytes as fromBase64, bytesToBase64 as toBase64 } from '../encoding/base64';

/** PBKDF2 iterations for new folders. */
export const PBKDF2_ITERATIONS = 310_000;
/** Magic prefix of a sealed file. */
const MAGIC = new Uint8Array([0x45, 0x57, 0x53, 0x31]); // "EWS1"

/** Contents of keys.json. */
export interface KeysFile {
  /** Version of this file's layout. */
  version: 1;
  /** Key derivation: always PBKDF2-SHA-512 here. */
  kdf: 'PBKDF2-SHA-512';
  /** PBKDF2 iterations. */
  iterations: number;
  /** Salt (base64). */
  salt: string;
  /** IV of the wrap (base64). */
  iv: string;
  /** The workspace key, AES-GCM-encrypted with the derived key (base64). */
  wrappedKey: string;
}

/** Thrown when the passphrase does not unlock keys.json. */
export class WrongPassphraseError extends Error {
  constructor() {
    super('The passphrase does not unlock this sync folder.');
    this.name = 'WrongPassphraseError';
  }
}

/** Thrown when a sealed file fails authentication (tampered, truncated or moved). */
export class TamperedFileError extends Error {
  /** The file. */
  readonly path: string;
  constructor(path: string) {
    super(`${path} failed authentication (altered, incomplete or moved)`);
    this.name = 'TamperedFileError';
    this.path = path;
  }
}

/** WebCrypto's SubtleCrypto, typed from the global (no DOM lib needed under Node). */
type Subtle = typeof globalThis.crypto.subtle;
/** A WebCrypto key (WorkspaceKey). */
export type WorkspaceKey = Awaited<ReturnType<Subtle['importKey']>>;
/** What WebCrypto accepts as bytes. */
export type CryptoBytes = Parameters<Subtle['digest']>[1];

const subtle = (): Subtle => globalThis.crypto.subtle;
const enc = new TextEncoder();

async function deriveWrappingKey(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<WorkspaceKey> {
  const material = await subtle().importKey('raw', enc.encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-512', salt: salt as CryptoBytes, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Creates a new workspace key and its keys.json, protected by `passphrase`. */
export async function createWorkspaceKey(
  passphrase: string,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<{ key: WorkspaceKey; file: KeysFile }> {
  const raw = globalThis.crypto.getRandomValues(new Uint8Array(32));
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const wrapping = await deriveWrappingKey(passphrase, salt, iterations);
  const wrapped = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv: iv as CryptoBytes, additionalData: enc.encode('keys.json') },
      wrapping,
      raw as CryptoBytes,
    ),
  );
  const key = await subtle().importKey('raw', raw as CryptoBytes, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  raw.fill(0);
  return {
    key,
    file: {
      version: 1,
      kdf: 'PBKDF2-SHA-512',
      iterations,
      salt: toBase64(salt),
      iv: toBase64(iv),
      wrappedKey: toBase64(wrapped),
    },
  };
}

/** Unlocks keys.json with a passphrase. Throws WrongPassphraseError when it does not fit. */
export async function unlockWorkspaceKey(
  file: KeysFile,
  passphrase: string,
): Promise<WorkspaceKey> {
  return (await unlockWorkspaceKeyChecked(file, passphrase)).key;
}

/**
 * Unlocks keys.json and also returns the key's check value (a hash of the raw key under a domain
 * tag): a device remembers it, so a keys.json replaced by one wrapping another key is told apart
 * from a changed passphrase (same key, re-wrapped).
 */
export async function unlockWorkspaceKeyChecked(
  file: KeysFile,
  passphrase: string,
): Promise<{ key: WorkspaceKey; check: string }> {
  const raw = await unwrapRaw(file, passphrase);
  const check = await keyCheckOf(raw);
  const key = await subtle().importKey('raw', raw as CryptoBytes, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  raw.fill(0);
  return { key, check };
}

async function keyCheckOf(raw: Uint8Array): Promise<string> {
  const tagged = new Uint8Array([...enc.encode('ews-key-check-v1\n'), ...raw]);
  const digest = new Uint8Array(await subtle().digest('SHA-256', tagged as CryptoBytes));
  tagged.fill(0);
  return toBase64(digest);
}

async function unwrapRaw(file: KeysFile, passphrase: string): Promise<Uint8Array> {
  const wrapping = await deriveWrappingKey(passphrase, fromBase64(file.salt), file.iterations);
  try {
    return new Uint8Array(
      await subtle().decrypt(
        {
          name: 'AES-GCM',
          iv: fromBase64(file.iv) as CryptoBytes,
          additionalData: enc.encode('keys.json'),
        },
        wrapping,
        fromBase64(file.wrappedKey) as CryptoBytes,
      ),
    );
  } catch {
    throw new WrongPassphraseError();
  }
}

/**
 * Re-wraps the workspace key of `file` under a new passphrase (change of passphrase): the key,
 * and so every sealed file, stays the same. Throws WrongPassphraseError when `oldPassphrase`
 * does not fit.
 */
export async function rewrapWorkspaceKey(
  file: KeysFile,
  oldPassphrase: string,
  newPassphrase: string,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<KeysFile> {
  const raw = await unwrapRaw(file, oldPassphrase);
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const wrapping = await deriveWrappingKey(newPassphrase, salt, iterations);
  const wrapped = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv: iv as CryptoBytes, additionalData: enc.encode('keys.json') },
      wrapping,
      raw as CryptoBytes,
    ),
  );
  raw.fill(0);
  return {
    version: 1,
    kdf: 'PBKDF2-SHA-512',
    iterations,
    salt: toBase64(salt),
    iv: toBase64(iv),
    wrappedKey: toBase64(wrapped),
  };
}

/** True when the bytes are a sealed file. */
export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && MAGIC.every((b, i) => bytes[i] === b);
}

/** Seals a file's bytes for `path`. */
export async function sealFile(
  key: WorkspaceKey,
  path: string,
  plain: Uint8Array,
): Promise<Uint8Array> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const cipher = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv: iv as CryptoBytes, additionalData: enc.encode(path) },
      key,
      plain as CryptoBytes,
    ),
  );
  const out = new Uint8Array(MAGIC.length + iv.length + cipher.length);
  out.set(MAGIC, 0);
  out.set(iv, MAGIC.length);
  out.set(cipher, MAGIC.length + iv.length);
  return out;
}

/** Opens a sealed file read from `path`. Throws TamperedFileError when authentication fails. */
export async function openFile(
  key: WorkspaceKey,
  path: string,
  sealed: Uint8Array,
): Promise<Uint8Array> {
  if (!isSealed(sealed) || sealed.length < MAGIC.length + 12 + 16)
    throw new TamperedFileError(path);
  const iv = sealed.subarray(MAGIC.length, MAGIC.length + 12);
  try {
    return new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: iv as CryptoBytes, additionalData: enc.encode(path) },
        key,
        sealed.subarray(MAGIC.length + 12) as CryptoBytes,
      ),
    );
  } catch {
    throw new TamperedFileError(path);
  }
}

/** The key-derivation work a keys.json may ask for: below is weak, above is a denial of service. */
export const KDF_BOUNDS = { minIterations: 100_000, maxIterations: 5_000_000 } as const;

/**
 * Why a parsed keys.json is refused (iterations outside {@link KDF_BOUNDS}, salt or IV of the
 * wrong size, a wrapped key that is not 32 bytes + tag), or null when it is sane.
 */
export function keysFileProblem(file: KeysFile): string | null {
  const { minIterations, maxIterations } = KDF_BOUNDS;
  if (!Number.isInteger(file.iterations) || file.iterations < minIterations) {
    return `keys.json asks for ${String(file.iterations)} key-derivation iterations, fewer than ${minIterations.toLocaleString('en')}`;
  }
  if (file.iterations > maxIterations) {
    return `keys.json asks for ${file.iterations.toLocaleString('en')} key-derivation iterations, more than ${maxIterations.toLocaleString('en')}`;
  }
  const size = (b64: string): number => {
    try {
      return atob(b64).length;
    } catch {
      return -1;
    }
  };
  if (size(file.salt) < 16 || size(file.salt) > 64) return 'keys.json has a salt of the wrong size';
  if (size(file.iv) !== 12) return 'keys.json has an IV of the wrong size';
  if (size(file.wrappedKey) !== 48) return 'keys.json has a wrapped key of the wrong size';
  return null;
}

/** Parses keys.json text; null when it is not a keys file this version understands. */
export function parseKeysFile(text: string): KeysFile | null {
  try {
    const raw = JSON.parse(text) as Partial<KeysFile>;
    if (
      raw.version === 1 &&
      raw.kdf === 'PBKDF2-SHA-512' &&
      typeof raw.iterations === 'number' &&
      typeof raw.salt === 'string' &&
      typeof raw.iv === 'string' &&
      typeof raw.wrappedKey === 'string'
    ) {
      return raw as KeysFile;
    }
  } catch {
    // not JSON
  }
  return null;
}
