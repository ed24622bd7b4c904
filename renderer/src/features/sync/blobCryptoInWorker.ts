import { inlineBlobCrypto, type BlobCrypto } from '@shared/sync/blobCrypto';
import { createWorkerCalls, WorkerFailedError } from '../../lib/workerCalls';
import type { BlobCryptoRequest, BlobCryptoResponse } from './blobCrypto.worker';

/** Files smaller than this are handled inline (a worker round trip costs more than it saves). */
const INLINE_BELOW = 256 * 1024;

/**
 * The sync engine's per-file attachment cryptography off the window's thread: files of
 * INLINE_BELOW or more are opened, hashed and sealed in the worker `createWorker` starts (the
 * bytes handed over, their buffer detached: BlobCrypto's callers give them up; a view of a larger
 * buffer is copied first); small ones, and any file where there are no workers, inline. When the
 * worker itself fails, that file's call rejects (its bytes went with it: the engine retries it
 * next round) and every later file is done inline.
 */
export function createBlobCryptoInWorker(createWorker: () => Worker): BlobCrypto {
  const call = createWorkerCalls<BlobCryptoRequest, BlobCryptoResponse>(
    createWorker,
    'the blob worker failed',
  );
  const ask = (request: Omit<BlobCryptoRequest, 'id'>) => {
    const { bytes: given } = request;
    const whole = given.byteOffset === 0 && given.byteLength === given.buffer.byteLength;
    const bytes = whole ? given : given.slice();
    return call({ ...request, bytes }, [bytes.buffer as ArrayBuffer]);
  };
  // After the worker itself failed once (it cannot start, or crashed), files are done inline:
  // slower for the window, but a broken worker must not leave every large file unsynced.
  let broken = false;
  const small = (bytes: Uint8Array) =>
    broken || bytes.byteLength < INLINE_BELOW || typeof Worker === 'undefined';
  const noting = <T>(promise: Promise<T>): Promise<T> =>
    promise.catch((error: unknown) => {
      if (error instanceof WorkerFailedError) broken = true;
      throw error;
    });
  return {
    async open(ref, path, raw, key) {
      if (small(raw)) return inlineBlobCrypto.open(ref, path, raw, key);
      const answer = await noting(ask({ op: 'open', ref, path, bytes: raw, key }));
      if (answer.type !== 'opened') throw new Error('the blob worker answered out of turn');
      return answer.opened;
    },
    async seal(ref, path, bytes, key) {
      if (small(bytes)) return inlineBlobCrypto.seal(ref, path, bytes, key);
      const answer = await noting(ask({ op: 'seal', ref, path, bytes, key }));
      if (answer.type !== 'sealed') throw new Error('the blob worker answered out of turn');
      return answer.sealed;
    },
  };
}

/** The app's instance: the bundled blob worker. */
export const blobCryptoInWorker: BlobCrypto = createBlobCryptoInWorker(
  () => new Worker(new URL('./blobCrypto.worker.ts', import.meta.url), { type: 'module' }),
);
