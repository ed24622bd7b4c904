import { describe, expect, it } from 'vitest';
import { createWorkerCalls, type WorkerAnswer } from '../../../renderer/src/lib/workerCalls';

type Request = { id: number; n: number };
type Answer = { id: number } & (
  { type: 'done'; double: number } | { type: 'error'; message: string }
);

/** A stand-in Worker that answers requests out of order, on demand. */
class FakeWorker {
  onmessage: ((event: MessageEvent<WorkerAnswer>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
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
});
