/** Answers of the hash worker, by request id. */
type Pending = { resolve: (hex: string) => void; reject: (error: Error) => void };

/**
 * A hasher for the store (StoreOptions.hashBlob): one worker, started on first use, hashing
 * Blobs in the order asked. `createWorker` is the worker to use (the app's bundled one).
 */
export function createBlobHasher(createWorker: () => Worker): (blob: Blob) => Promise<string> {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, Pending>();
  return (blob) => {
    if (!worker) {
      worker = createWorker();
      worker.onmessage = (event: MessageEvent<{ id: number; sha256?: string; error?: string }>) => {
        const answer = pending.get(event.data.id);
        pending.delete(event.data.id);
        if (event.data.sha256) answer?.resolve(event.data.sha256);
        else answer?.reject(new Error(`The file could not be hashed: ${event.data.error ?? ''}`));
      };
      worker.onerror = () => {
        for (const p of pending.values()) p.reject(new Error('The file could not be hashed.'));
        pending.clear();
        worker = null;
      };
    }
    next += 1;
    const id = next;
    const promise = new Promise<string>((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.postMessage({ id, blob });
    return promise;
  };
}
