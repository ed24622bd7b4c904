/** The worker itself failed (it could not start, crashed, or sent what cannot be read). */
export class WorkerFailedError extends Error {
  override readonly name = 'WorkerFailedError';
}

/** An answer of a worker spoken to through createWorkerCalls: ids match requests. */
export type WorkerAnswer = { id: number } & ({ type: 'error'; message: string } | { type: string });

/**
 * One lazily started worker answering requests by id. A request's promise rejects with the
 * worker's error message; if the worker itself fails, every waiting request rejects with a
 * WorkerFailedError and the next one starts a fresh worker.
 */
export function createWorkerCalls<Request extends { id: number }, Answer extends WorkerAnswer>(
  create: () => Worker,
  failed: string,
): (
  request: Omit<Request, 'id'>,
  transfer: Transferable[],
) => Promise<Exclude<Answer, { type: 'error' }>> {
  type Ok = Exclude<Answer, { type: 'error' }>;
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (a: Ok) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
    worker?.terminate();
    worker = null;
  };
  const workerOf = (): Worker => {
    if (worker) return worker;
    const created = create();
    created.onmessage = (event: MessageEvent<Answer>) => {
      const message = event.data;
      const entry = waiting.get(message.id);
      waiting.delete(message.id);
      if (!entry) return;
      if (message.type === 'error' && 'message' in message)
        entry.reject(new Error(message.message));
      else entry.resolve(message as Ok);
    };
    created.onerror = (event) => failAll(new WorkerFailedError(event.message || failed));
    created.onmessageerror = () => failAll(new WorkerFailedError(`${failed} (unreadable answer)`));
    worker = created;
    return created;
  };
  return (request, transfer) => {
    const id = nextId++;
    return new Promise<Ok>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      try {
        workerOf().postMessage({ ...request, id }, transfer);
      } catch (error) {
        waiting.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  };
}
