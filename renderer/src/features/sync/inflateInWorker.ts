import { gunzipPrefix, type Gunzipped } from '@shared/sync/compression';
import { createWorkerCalls } from '../../lib/workerCalls';
import type { InflateRequest, InflateResponse } from './inflate.worker';

/** Files smaller than this are inflated inline (a worker round trip costs more than it saves). */
const INLINE_BELOW = 64 * 1024;

const call = createWorkerCalls<InflateRequest, InflateResponse>(
  () => new Worker(new URL('./inflate.worker.ts', import.meta.url), { type: 'module' }),
  'the inflate worker failed',
);

/**
 * The sync engine's decompression in the app: large files inflate in a Web Worker, so even a
 * file that inflates to its kind's limit never freezes the window; small ones (and any file when
 * workers are not available or the worker fails) inline.
 */
export async function inflateInWorker(bytes: Uint8Array, maxBytes: number): Promise<Gunzipped> {
  if (bytes.length < INLINE_BELOW || typeof Worker === 'undefined') {
    return gunzipPrefix(bytes, maxBytes);
  }
  try {
    const copy = bytes.slice(); // transferred: the caller's bytes stay usable
    return (await call({ bytes: copy, maxBytes }, [copy.buffer])).result;
  } catch {
    return gunzipPrefix(bytes, maxBytes);
  }
}
