import { describe, expect, it } from 'vitest';
import {
  createWorkerCalls,
  WorkerFailedError,
  type WorkerAnswer,
} from '../../../renderer/src/lib/workerCalls';
import { createBlobCryptoInWorker } from '../../../renderer/src/features/sync/blobCryptoInWorker';
import { sha256Hex } from '../../../shared/canonical/sha256';

type Request = { id: number; n: number };
type Answer = { id: number } & (
  { type: 'done'; double: number } | { type: 'error'; message: string }
);

/** A stand-in Worker that answers requests out of order, on demand. */
class FakeWorker {
  onmessage: ((event: MessageEvent<WorkerAnswer>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  received: Request[] = [];
  terminated = false;
  postMessage(request: Request) {
    this.received.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: Answer) {
    this.onmessage?.({ data } as MessageEvent<WorkerAnswer>);
  }
}

describe('createWorkerCalls', () => {
  it('matches answers to requests by id, whatever their order, and starts one worker', async () => {
    const made: FakeWorker[] = [];
    const call = createWorkerCalls<Request, Answer>(() => {
      made.push(new FakeWorker());
      return made.at(-1) as unknown as Worker;
    }, 'failed');
    const first = call({ n: 1 }, []);
    const second = call({ n: 2 }, []);
    const worker = made[0] as FakeWorker;
    expect(made).toHaveLength(1);
    const [r1, r2] = worker.received as [Request, Request];
    worker.answer({ id: r2.id, type: 'done', double: 4 });
    worker.answer({ id: r1.id, type: 'error', message: 'no' });
    await expect(second).resolves.toMatchObject({ double: 4 });
    await expect(first).rejects.toThrow('no');
  });

  it('rejects every waiting call when the worker fails, and starts a new one after', async () => {
    const made: FakeWorker[] = [];
    const call = createWorkerCalls<Request, Answer>(() => {
      made.push(new FakeWorker());
      return made.at(-1) as unknown as Worker;
    }, 'the worker failed');
    const pending = [call({ n: 1 }, []), call({ n: 2 }, [])];
    const worker = made[0] as FakeWorker;
    worker.onerror?.({ message: '' } as ErrorEvent);
    for (const p of pending) await expect(p).rejects.toThrow('the worker failed');
    expect(worker.terminated).toBe(true);
    void call({ n: 3 }, []);
    expect(made).toHaveLength(2);
  });

  it('fails every waiting call on an unreadable answer, and forgets a call it could not send', async () => {
    const made: FakeWorker[] = [];
    const call = createWorkerCalls<Request, Answer>(() => {
      made.push(new FakeWorker());
      return made.at(-1) as unknown as Worker;
    }, 'failed');
    const waiting = call({ n: 1 }, []);
    (made[0] as FakeWorker).onmessageerror?.();
    await expect(waiting).rejects.toBeInstanceOf(WorkerFailedError);
    const refusing = new FakeWorker();
    refusing.postMessage = () => {
      throw new DOMException('detached', 'DataCloneError');
    };
    const send = createWorkerCalls<Request, Answer>(() => refusing as unknown as Worker, 'x');
    await expect(send({ n: 2 }, [])).rejects.toThrow('detached');
  });
});

describe('the sync blob worker, when the worker itself fails', () => {
  it('rejects that file, then does every later file inline', async () => {
    const global = globalThis as { Worker?: unknown };
    const before = global.Worker;
    global.Worker = FakeWorker;
    try {
      const crypto = createBlobCryptoInWorker(() => {
        const w = new FakeWorker();
        w.postMessage = () =>
          queueMicrotask(() => w.onerror?.({ message: 'crashed' } as ErrorEvent));
        return w as unknown as Worker;
      });
      const bytes = () => new Uint8Array(300_000).map((_, i) => i % 251);
      const ref = { sha256: await sha256Hex(bytes()), size: 300_000 };
      await expect(crypto.open(ref, 'p', bytes(), null)).rejects.toBeInstanceOf(WorkerFailedError);
      const opened = await crypto.open(ref, 'p', bytes(), null);
      expect(opened.ok).toBe(true);
    } finally {
      global.Worker = before;
    }
  });
});
