import { inlineBlobCrypto, type BlobCrypto } from '@shared/sync/blobCrypto';
import type { BlobCryptoRequest, BlobCryptoResponse } from './blobCrypto.worker';

/** Files smaller than this are handled inline (a worker round trip costs more than it saves). */
const INLINE_BELOW = 256 * 1024;

type Answer = Exclude<BlobCryptoResponse, { type: 'error' }>;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();

function failAll(error: Error): void {
  for (const { reject } of waiting.values()) reject(error);
  waiting.clear();
  worker?.terminate();
  worker = null;
}

function workerOf(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./blobCrypto.worker.ts', import.meta.url), {
    type: 'module',
  });
  created.onmessage = (event: MessageEvent<BlobCryptoResponse>) => {
    const message = event.data;
    const entry = waiting.get(message.id);
    waiting.delete(message.id);
    if (!entry) return;
    if (message.type === 'error') entry.reject(new Error(message.message));
    else entry.resolve(message);
  };
  created.onerror = (event) => failAll(new Error(event.message || 'the blob worker failed'));
  worker = created;
  return created;
}

/**
 * Sends one request. The bytes are handed over (their buffer detached: BlobCrypto's callers give
 * them up), or copied when they are a view of a larger buffer.
 */
function ask(request: Omit<BlobCryptoRequest, 'id'>): Promise<Answer> {
  const { bytes: given } = request;
  const whole = given.byteOffset === 0 && given.byteLength === given.buffer.byteLength;
  const bytes = whole ? given : given.slice();
  const id = nextId++;
  return new Promise<Answer>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    workerOf().postMessage({ ...request, id, bytes }, [bytes.buffer as ArrayBuffer]);
  });
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
