import { describe, expect, it } from 'vitest';
import { runBounded } from '../../../shared/sync/engine/blobPool';

function gate() {
  let open: () => void = () => {};
  const done = new Promise<void>((resolve) => (open = resolve));
  return { done, open };
}

describe('running blob jobs a few at a time', () => {
  it('holds at most the job and byte limits at once, a large job alone, and runs all', async () => {
    let active = 0;
    let activeBytes = 0;
    const peaks: { jobs: number; bytes: number }[] = [];
    const sizes = [10, 10, 10, 10, 10, 100, 10, 10];
    const ran: number[] = [];
    const jobs = sizes.map((bytes, i) => ({
      bytes,
      run: async () => {
        active += 1;
        activeBytes += bytes;
        peaks.push({ jobs: active, bytes: activeBytes });
        await new Promise((r) => setImmediate(r));
        active -= 1;
        activeBytes -= bytes;
        ran.push(i);
      },
    }));
    let done = 0;
    await runBounded(jobs, () => (done += 1), { jobs: 3, bytes: 40 });
    expect(done).toBe(sizes.length);
    expect([...ran].sort((a, b) => a - b)).toEqual(sizes.map((_, i) => i));
    expect(Math.max(...peaks.map((p) => p.jobs))).toBe(3);
    // the 100-byte job ran with nothing else
    expect(peaks.filter((p) => p.bytes >= 100)).toEqual([{ jobs: 1, bytes: 100 }]);
    expect(peaks.filter((p) => p.bytes < 100).every((p) => p.bytes <= 40)).toBe(true);
  });

  it('stops starting jobs after one fails, waits for the running ones, and rethrows', async () => {
    const slow = gate();
    const started: number[] = [];
    const jobs = [0, 1, 2, 3].map((i) => ({
      bytes: 1,
      run: async () => {
        started.push(i);
        if (i === 0) await slow.done;
        if (i === 1) throw new Error('disk full');
      },
    }));
    const run = runBounded(jobs, () => {}, { jobs: 2, bytes: 10 });
    await new Promise((r) => setImmediate(r));
    slow.open();
    await expect(run).rejects.toThrow('disk full');
    expect(started).not.toContain(3);
  });
});
