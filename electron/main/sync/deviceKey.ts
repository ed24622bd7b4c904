// This installation's Ed25519 device key (folder sync, format 3). The secret key never leaves
// main: the renderer asks main to sign "this file of my own folder has this SHA-256", and main
// checks the path is one of the engine's own files under this device's folder before signing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  newSecretKey,
  signBytes,
  signerFromSecret,
  type DeviceSigner,
} from '@shared/sync/identity';
import { writeFileAtomically } from '../backups/atomicFile';

/** Name of the key file in the app's data folder. */
export const DEVICE_KEY_FILE = 'device-key.json';

/** Electron's safeStorage, as far as the key store uses it (tests pass a fake). */
export interface SecretProtector {
  /** True when the OS offers a protected store (Keychain, DPAPI, libsecret/kwallet). */
  isEncryptionAvailable(): boolean;
  /** Encrypts a string with the OS-protected key. */
  encryptString(plain: string): Buffer;
  /** Decrypts what encryptString gave (throws when it cannot: another machine or user). */
  decryptString(data: Buffer): string;
}

/** How the secret key is kept on disk. */
export type KeyProtection = 'os' | 'file';

const fileSchema = z.strictObject({
  version: z.literal(1),
  /** os: encrypted with safeStorage; file: the key as is, in a file only this user may read. */
  protection: z.enum(['os', 'file']),
  /** base64: the safeStorage ciphertext of the hex secret, or the secret itself. */
  data: z.string().max(4096),
});

/** The key store. */
export interface DeviceKeyStore {
  /** The signer (created on first use, then the same for the life of the installation). */
  signer(): Promise<DeviceSigner>;
  /** How the secret is protected on this machine (shown in Settings and on the Sync tab). */
  protection(): Promise<KeyProtection>;
  /**
   * Signs statement bytes that main itself composed (a memo's manifest or PDF export statement:
   * canonical JSON, never a sync file statement). Never exposed to the renderer as such.
   */
  signStatement(message: Uint8Array): Promise<Uint8Array>;
}

/** Options of {@link createDeviceKeyStore}. */
export interface DeviceKeyStoreOptions {
  /** The app's data folder. */
  dir: string;
  /** safeStorage, when running in Electron; absent: the key is kept in a 0600 file. */
  protector?: SecretProtector;
  /** Told when a key file could not be read and a new key was made. */
  log?: (message: string) => void;
}

const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const fromHex = (hex: string): Uint8Array | null =>
  /^[0-9a-f]{64}$/.test(hex) ? new Uint8Array(Buffer.from(hex, 'hex')) : null;

/**
 * Creates the key store over `<dir>/device-key.json`. The secret is encrypted with safeStorage
 * where the OS offers it; elsewhere (Linux without a keyring, the browser harness) it is kept in
 * a file readable by this user only, and `protection()` says so. A key file that cannot be
 * decrypted (a profile copied to another machine) is replaced by a new key: that installation
 * becomes a new device and asks for approval.
 */
export function createDeviceKeyStore(options: DeviceKeyStoreOptions): DeviceKeyStore {
  const path = join(options.dir, DEVICE_KEY_FILE);
  type Loaded = { signer: DeviceSigner; protection: KeyProtection; secret: Uint8Array };
  let loaded: Promise<Loaded> | null = null;

  const osAvailable = (): boolean => {
    try {
      return options.protector?.isEncryptionAvailable() === true;
    } catch {
      return false;
    }
  };

  async function readSecret(): Promise<{ secret: Uint8Array; protection: KeyProtection } | null> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return null;
    }
    try {
      const file = fileSchema.parse(JSON.parse(text));
      const data = Buffer.from(file.data, 'base64');
      const hex =
        file.protection === 'os'
          ? (options.protector?.decryptString(data) ?? '')
          : data.toString('utf8');
      const secret = fromHex(hex);
      return secret ? { secret, protection: file.protection } : null;
    } catch (error) {
      options.log?.(`device key unreadable, a new one is made: ${String(error)}`);
      return null;
    }
  }

  async function load(): Promise<Loaded> {
    const found = await readSecret();
    if (found) {
      const { secret, protection } = found;
      return { signer: await signerFromSecret(secret), protection, secret };
    }
    const secret = newSecretKey();
    const protection: KeyProtection = osAvailable() ? 'os' : 'file';
    const data =
      protection === 'os'
        ? (options.protector as SecretProtector).encryptString(toHex(secret))
        : Buffer.from(toHex(secret), 'utf8');
    const file = { version: 1, protection, data: data.toString('base64') };
    await writeFileAtomically(path, `${JSON.stringify(file)}\n`); // mode 0600
    return { signer: await signerFromSecret(secret), protection, secret };
  }

  const get = () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = null;
      throw error;
    }));
  return {
    signer: async () => (await get()).signer,
    protection: async () => (await get()).protection,
    signStatement: async (message) => signBytes(message, (await get()).secret),
  };
}

/** The engine's own file names in a device folder (format 3): the only files main signs. */
const OWN_FILE = /^(?:device\.json|roster\.json|head\.json|(?:seg|snap)-\d{8}\.jsonl)$/;

/**
 * Whether main may sign `path` for this device: one of the engine's own files, directly under
 * `devices/<deviceId>/`.
 */
export function isOwnSyncFile(path: string, deviceId: string): boolean {
  const prefix = `devices/${deviceId}/`;
  return path.startsWith(prefix) && OWN_FILE.test(path.slice(prefix.length));
}
