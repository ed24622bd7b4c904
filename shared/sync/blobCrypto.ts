/**
 * Opening and checking attachment bytes read from the folder, and checking and sealing held
 * bytes before they are published: the per-file work of the blob step (engine/blobs.ts) that
 * costs time in proportion to a file's size (AES-GCM and SHA-256 over up to 100 MB). The engine
 * takes a BlobCrypto so the app can run it in a worker (a 100 MB file would otherwise hold the
 * window's thread); `inlineBlobCrypto` runs it where it is called (Node, tests, no workers).
 */
import { blobProblem, type BlobRef } from './blobs';
import { isSealed, openFile, sealFile, TamperedFileError, type WorkspaceKey } from './crypto';

/**
 * A blob file opened and checked: its bytes (in memory, or a Blob made where they were checked),
 * or why they are refused.
 */
export type OpenedBlob = { ok: true; bytes: Uint8Array | Blob } | { ok: false; problem: string };

/**
 * The blob step's per-file cryptography (see the module comment). Callers give up the bytes
 * they pass: an implementation may hand them to a worker (detaching them).
 */
export interface BlobCrypto {
  /**
   * Opens `raw` (the file at `path`) with `key` when the folder is encrypted, and checks the
   * result against the record's size and SHA-256. Refusals are answers, not errors.
   */
  open(ref: BlobRef, path: string, raw: Uint8Array, key: WorkspaceKey | null): Promise<OpenedBlob>;
  /**
   * Checks held bytes against their record, then seals them for `path` when `key` is given.
   * Null when the bytes are not the record's (never offered as these).
   */
  seal(
    ref: BlobRef,
    path: string,
    bytes: Uint8Array,
    key: WorkspaceKey | null,
  ): Promise<Uint8Array | null>;
}

/** Why a file that fails its encryption check is refused. */
export const TAMPERED_BLOB_PROBLEM =
  'it fails its encryption check (changed, moved from another path, or still arriving)';

/** BlobCrypto on the calling thread. */
export const inlineBlobCrypto: BlobCrypto = {
  async open(ref, path, raw, key) {
    if (key !== null && !isSealed(raw)) {
      return { ok: false, problem: 'it is not encrypted, in an encrypted folder' };
    }
    let bytes: Uint8Array;
    try {
      bytes = key !== null ? await openFile(key, path, raw) : raw;
    } catch (error) {
      if (error instanceof TamperedFileError) return { ok: false, problem: TAMPERED_BLOB_PROBLEM };
      throw error;
    }
    const problem = await blobProblem(ref, bytes);
    return problem === null ? { ok: true, bytes } : { ok: false, problem };
  },
  async seal(ref, path, bytes, key) {
    if ((await blobProblem(ref, bytes)) !== null) return null;
    return key !== null ? sealFile(key, path, bytes) : bytes;
  },
};
