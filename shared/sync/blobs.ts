/**
 * Attachment bytes in the shared folder (issue 16, "attachments travel"): where a device
 * publishes them, what their files are called, how large each may be, and the rule a file must
 * pass before its bytes are stored. The engine's step is `engine/blobs.ts`; DESIGN.md,
 * "Attachment bytes", says why.
 *
 * A blob file is `devices/<its device>/blobs/<name>`: written by that device only (main refuses
 * any other path), never signed, because the signed attachment record already names the
 * bytes' SHA-256 and size: a file is stored only when its bytes hash to a record's SHA-256 and
 * have that record's size. In an encrypted folder the file is sealed (AES-GCM, its path as
 * additional data) and its name is a keyed hash of the SHA-256, so the folder does not tell
 * whoever can list it which known file (a leaked memo, a public report) is attached.
 */
import { MAX_ATTACHMENT_BYTES } from '../attachments/limits';
import { sha256Hex } from '../canonical/sha256';
import { DEVICES_DIR } from './format';

/** The folder, inside a device's folder, that holds its blob files. */
export const BLOBS_DIR = 'blobs';

/** What sealing adds to a file: "EWS1" (4) + IV (12) + GCM tag (16). */
export const SEAL_OVERHEAD = 32;

/** The largest blob file main reads or writes: the largest attachment, sealed. */
export const MAX_BLOB_FILE_BYTES = MAX_ATTACHMENT_BYTES + SEAL_OVERHEAD;

/** One file the records ask for: its SHA-256 (lower-case hex) and size. */
export interface BlobRef {
  /** The SHA-256 the attachment record names. */
  sha256: string;
  /** The size the attachment record names. */
  size: number;
}

/**
 * The engine's view of the attachment store (the app: `renderer/db/sync/dexieBlobStore.ts`).
 * Only records that passed sync (signed by an approved device, or made here) are in it, so a
 * reference from it is a reference from a trusted record.
 */
export interface SyncBlobStore {
  /**
   * Every (SHA-256, size) named by an attachment record of these engagements (all when null),
   * deleted ones included (their bytes are history), each once, with whether this device holds
   * the bytes.
   */
  referenced(engagementIds: readonly string[] | null): Promise<(BlobRef & { held: boolean })[]>;
  /** The bytes of a held blob, or null. */
  read(sha256: string): Promise<Uint8Array | null>;
  /**
   * Stores bytes the engine has checked against `ref` (stored once per SHA-256): in memory, or
   * already a Blob (the app's sync worker makes one off the window's thread).
   */
  store(ref: BlobRef, bytes: Uint8Array | Blob): Promise<void>;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** True when `name` can be a blob file's name (64 lower-case hex digits). */
export const isBlobName = (name: string): boolean => HEX64.test(name);

/** `devices/<deviceId>/blobs`. */
export const blobDir = (deviceId: string): string => `${DEVICES_DIR}/${deviceId}/${BLOBS_DIR}`;

/** `devices/<deviceId>/blobs/<name>`. */
export const blobPath = (deviceId: string, name: string): string => `${blobDir(deviceId)}/${name}`;

/** True when `path` is one of `deviceId`'s blob files (the only blob paths main lets it write). */
export function isOwnBlobPath(path: string, deviceId: string): boolean {
  const prefix = `${blobDir(deviceId)}/`;
  return path.startsWith(prefix) && isBlobName(path.slice(prefix.length));
}

/** True when `path` is a blob file of any device (`devices/<id>/blobs/<64 hex>`). */
export function isBlobPath(path: string): boolean {
  const parts = path.split('/');
  return (
    parts.length === 4 &&
    parts[0] === DEVICES_DIR &&
    /^[0-9a-f-]{36}$/i.test(parts[1] ?? '') &&
    parts[2] === BLOBS_DIR &&
    isBlobName(parts[3] ?? '')
  );
}

/**
 * The file name of a blob: its SHA-256 in a plain folder; in an encrypted one, the SHA-256 of
 * a domain tag, the workspace key's check value (known only to holders of the key) and the
 * SHA-256.
 */
export async function blobFileName(sha256: string, keyCheck: string | null): Promise<string> {
  if (keyCheck === null) return sha256;
  return sha256Hex(`ews-blob-name-v1\n${keyCheck}\n${sha256}`);
}

/** The exact size a blob file of `ref` has in the folder (sealed adds {@link SEAL_OVERHEAD}). */
export const storedBlobSize = (ref: BlobRef, sealed: boolean): number =>
  ref.size + (sealed ? SEAL_OVERHEAD : 0);

/**
 * Why bytes read for `ref` may not be stored, or null when they may: they must have exactly
 * the record's size and hash to its SHA-256.
 */
export async function blobProblem(ref: BlobRef, bytes: Uint8Array): Promise<string | null> {
  if (bytes.byteLength !== ref.size) {
    return `it holds ${bytes.byteLength.toLocaleString('en')} bytes where the attachment record says ${ref.size.toLocaleString('en')}`;
  }
  const actual = await sha256Hex(bytes);
  return actual === ref.sha256
    ? null
    : `its SHA-256 is ${actual.slice(0, 12)}…, not the ${ref.sha256.slice(0, 12)}… its attachment record names`;
}
