// Inflates gzipped sync files off the window's thread: a hostile file may inflate up to its
// kind's limit (limits.ts), which would otherwise freeze the window while it does.
import { gunzipPrefix, type Gunzipped } from '@shared/sync/compression';

/** What the window sends: the bytes (transferred) and the most they may inflate to. */
export interface InflateRequest {
  id: number;
  bytes: Uint8Array;
  maxBytes: number;
}

/** What the worker answers. */
export type InflateResponse = { id: number } & (
  { type: 'done'; result: Gunzipped } | { type: 'error'; message: string }
);

interface WorkerScope {
  postMessage(message: InflateResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<InflateRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, bytes, maxBytes } = event.data;
  try {
    const result = gunzipPrefix(bytes, maxBytes);
    scope.postMessage({ id, type: 'done', result }, [result.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    scope.postMessage({ id, type: 'error', message: String(error) });
  }
};
