// Opens, checks and seals attachment bytes off the window's thread (shared/sync/blobCrypto.ts):
// AES-GCM and SHA-256 over a 100 MB file would otherwise hold the window for a second or more.
import { inlineBlobCrypto, type OpenedBlob } from '@shared/sync/blobCrypto';
import type { BlobRef } from '@shared/sync/blobs';
import type { WorkspaceKey } from '@shared/sync/crypto';

/** What the window sends: the bytes are transferred, the key (a CryptoKey) is cloned. */
export interface BlobCryptoRequest {
  id: number;
  op: 'open' | 'seal';
  ref: BlobRef;
  path: string;
  bytes: Uint8Array;
  key: WorkspaceKey | null;
}

/** What the worker answers. */
export type BlobCryptoResponse = { id: number } & (
  | { type: 'opened'; opened: OpenedBlob }
  | { type: 'sealed'; sealed: Uint8Array | null }
  | { type: 'error'; message: string }
);

interface WorkerScope {
  postMessage(message: BlobCryptoResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<BlobCryptoRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

/** The buffer of `bytes` when it can be handed over whole (it is not a view of a larger one). */
const whole = (bytes: Uint8Array | null): Transferable[] =>
  bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? [bytes.buffer as ArrayBuffer]
    : [];

async function answer(request: BlobCryptoRequest): Promise<void> {
  const { id, op, ref, path, bytes, key } = request;
  if (op === 'open') {
    const opened = await inlineBlobCrypto.open(ref, path, bytes, key);
    // Handed back as a Blob: the copy into the browser's blob store is made here, not in the
    // window (a 100 MB Blob built there is a 50 ms task); a Blob crosses by reference.
    const answer: OpenedBlob = opened.ok
      ? { ok: true, bytes: new Blob([opened.bytes as BlobPart]) }
      : opened;
    scope.postMessage({ id, type: 'opened', opened: answer });
  } else {
    const sealed = await inlineBlobCrypto.seal(ref, path, bytes, key);
    scope.postMessage({ id, type: 'sealed', sealed }, whole(sealed));
  }
}

scope.onmessage = (event) => {
  answer(event.data).catch((error: unknown) =>
    scope.postMessage({ id: event.data.id, type: 'error', message: String(error) }),
  );
};
