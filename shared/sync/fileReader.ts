/**
 * Reading one file of the shared folder, in the order that keeps a hostile file harmless:
 *
 * 1. size, from the listing, against its kind's limit (limits.ts), and again by the reader;
 * 2. the signature (format 3), against the key of the device whose folder holds the file, over
 *    the file's proper path (a copy moved elsewhere fails), before a byte is used;
 * 3. the seal: in an encrypted folder every file must be sealed (an unsealed one is refused);
 * 4. decompression, stopped at its kind's inflate limit.
 */
import { TamperedFileError, isSealed, openFile, type WorkspaceKey } from './crypto';
import { gunzipPrefix, isGzip, type Gunzipped } from './compression';
import type { SyncFolder } from './folder';
import { fromBytes } from './format';
import { ENVELOPE_BYTES, openSigned, signerKeyOf } from './identity';
import { FILE_LIMITS, FileTooLargeError, type FileKindName } from './limits';

/** Thrown when an encrypted folder holds a file that is not sealed. */
export class UnsealedFileError extends Error {
  /** The file. */
  readonly path: string;
  constructor(path: string) {
    super(`${path} is not encrypted, in an encrypted folder`);
    this.name = 'UnsealedFileError';
    this.path = path;
  }
}

/** What the reader needs to know of the folder. */
export interface ReadPolicy {
  /** The folder. */
  folder: SyncFolder;
  /** The workspace key when the folder is encrypted (every file must then be sealed). */
  key: WorkspaceKey | null;
  /** True in a signed folder (format 3): every device file must carry a valid signature. */
  signed: boolean;
  /** False only for the benchmark's "checking off" run: the signature is stripped unchecked. */
  verify: boolean;
  /**
   * True when an unsealed file is accepted although a key is known: encryption was turned off
   * by a signed decision, and device.json/roster.json (signed, and where that decision is read).
   */
  sealOptional?: boolean;
  /** Set when a sealed file was met while no key is known (the folder is encrypted). */
  sawSealed: boolean;
  /** Decompression (the app: in a worker); gunzipPrefix inline by default. */
  inflate?: (bytes: Uint8Array, maxBytes: number) => Promise<Gunzipped> | Gunzipped;
}

/** A file as plain text. */
export interface PlainFile {
  /** The text. */
  text: string;
  /** Its plain bytes (hashes are of these). */
  bytes: Uint8Array;
  /** The compressed data ends early (still arriving). */
  truncated: boolean;
  /** The compressed data is damaged or inflates past its limit. */
  damaged: boolean;
}

/** Options of {@link readFolderFile}. */
export interface ReadOptions {
  /** The path the file was signed and sealed for (a conflicted copy's original); default path. */
  proper?: string;
  /** The key that must have signed it; null: the key inside (a self-signed device.json). */
  signer: Uint8Array | null;
  /** Its size from the listing, when known (checked before reading). */
  size?: number;
  /** The folder read of this path, already under way (read-ahead). */
  started?: Promise<Uint8Array | null>;
}

/**
 * Reads a file as plain text; null when missing. Throws FileTooLargeError, BadSignatureError,
 * UnsealedFileError, TamperedFileError or a FolderError.
 */
export async function readFolderFile(
  policy: ReadPolicy,
  path: string,
  kind: FileKindName,
  options: ReadOptions,
): Promise<(PlainFile & { signerKey: Uint8Array | null }) | null> {
  const limit = FILE_LIMITS[kind];
  if (options.size !== undefined && options.size > limit.stored) {
    throw new FileTooLargeError(path, options.size, limit.stored);
  }
  let bytes = await (options.started ?? policy.folder.read(path, limit.stored));
  if (bytes === null) return null;
  if (bytes.length > limit.stored) throw new FileTooLargeError(path, bytes.length, limit.stored);
  const proper = options.proper ?? path;
  let signerKey: Uint8Array | null = null;
  if (policy.signed) {
    if (policy.verify) {
      const opened = await openSigned(bytes, proper, options.signer);
      bytes = opened.inner;
      signerKey = opened.key;
    } else {
      signerKey = signerKeyOf(bytes);
      bytes = bytes.subarray(signerKey ? ENVELOPE_BYTES : 0);
    }
  }
  if (isSealed(bytes)) {
    if (!policy.key) {
      policy.sawSealed = true;
      throw new TamperedFileError(path);
    }
    bytes = await openFile(policy.key, proper, bytes);
  } else if (policy.key && policy.sealOptional !== true) {
    throw new UnsealedFileError(path);
  }
  if (isGzip(bytes)) {
    const inflated = await (policy.inflate ?? gunzipPrefix)(bytes, limit.inflated);
    return { ...inflated, text: fromBytes(inflated.bytes), signerKey };
  }
  return { text: fromBytes(bytes), bytes, truncated: false, damaged: false, signerKey };
}
