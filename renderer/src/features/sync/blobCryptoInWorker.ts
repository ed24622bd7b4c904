import { inlineBlobCrypto, type BlobCrypto } from '@shared/sync/blobCrypto';
import { createWorkerCalls } from '../../lib/workerCalls';
import type { BlobCryptoRequest, BlobCryptoResponse } from './blobCrypto.worker';

/** Files smaller than this are handled inline (a worker round trip costs more than it saves). */
const INLINE_BELOW = 256 * 1024;

const call = createWorkerCalls<BlobCryptoRequest, BlobCryptoResponse>(
  () => new Worker(new URL('./blobCrypto.worker.ts', import.meta.url), { type: 'module' }),
  'the blob worker failed',
);

/**
 * Sends one request. The bytes are handed over (their buffer detached: BlobCrypto's callers give
 * them up), or copied when they are a view of a larger buffer.
 */
function ask(request: Omit<BlobCryptoRequest, 'id'>) {
  const { bytes: given } = request;
  const whole = given.byteOffset === 0 && given.byteLength === given.buffer.byteLength;
  const bytes = whole ? given : given.slice();
  return call({ ...request, bytes }, [bytes.buffer as ArrayBuffer]);
}

const small = (bytes: Uint8Array) =>
  bytes.byteLength < INLINE_BELOW || typeof Worker === 'undefined';

/**
 * The sync engine's per-file attachment cryptography in the app: large files are opened,
 * hashed and sealed in a Web Worker, so a 100 MB attachment arriving never freezes the window;
 * small ones inline. A worker failure is an error of that file (retried next round).
 */
export const blobCryptoInWorker: BlobCrypto = {
  async open(ref, path, raw, key) {
    if (small(raw)) return inlineBlobCrypto.open(ref, path, raw, key);
    const answer = await ask({ op: 'open', ref, path, bytes: raw, key });
    if (answer.type !== 'opened') throw new Error('the blob worker answered out of turn');
    return answer.opened;
  },
  async seal(ref, path, bytes, key) {
    if (small(bytes)) return inlineBlobCrypto.seal(ref, path, bytes, key);
    const answer = await ask({ op: 'seal', ref, path, bytes, key });
    if (answer.type !== 'sealed') throw new Error('the blob worker answered out of turn');
    return answer.sealed;
  },
};
