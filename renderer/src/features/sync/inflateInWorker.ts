import { gunzipPrefix, type Gunzipped } from '@shared/sync/compression';
import type { InflateRequest, InflateResponse } from './inflate.worker';

/** Files smaller than this are inflated inline (a worker round trip costs more than it saves). */
const INLINE_BELOW = 64 * 1024;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (g: Gunzipped) => void; reject: (e: Error) => void }>();

function failAll(error: Error): void {
  for (const { reject } of waiting.values()) reject(error);
  waiting.clear();
  worker?.terminate();
  worker = null;
}

function workerOf(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./inflate.worker.ts', import.meta.url), { type: 'module' });
  created.onmessage = (event: MessageEvent<InflateResponse>) => {
    const message = event.data;
    const entry = waiting.get(message.id);
    waiting.delete(message.id);
    if (!entry) return;
    if (message.type === 'done') entry.resolve(message.result);
    else entry.reject(new Error(message.message));
  };
  created.onerror = (event) => failAll(new Error(event.message || 'the inflate worker failed'));
  worker = created;
  return created;
}

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
    const id = nextId++;
    return await new Promise<Gunzipped>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      const request: InflateRequest = { id, bytes: copy, maxBytes };
      workerOf().postMessage(request, [copy.buffer]);
    });
  } catch {
    return gunzipPrefix(bytes, maxBytes);
  }
}
