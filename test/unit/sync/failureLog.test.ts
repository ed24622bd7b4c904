import { describe, expect, it } from 'vitest';
import { MAX_FAILURES, createFailureLog } from '../../../shared/sync/failureLog';

const entry = (size: number, mtimeMs = 1) => ({ name: 'f', kind: 'file' as const, size, mtimeMs });

describe('failure log', () => {
  it('reports once, backs off 2, 4, 8 rounds while the file is unchanged, retries a changed file at once', () => {
    const log = createFailureLog();
    expect(log.skip('p', entry(10), 1)).toBe(false);
    expect(log.record('p', entry(10), 1)).toBe(true);
    expect(log.skip('p', entry(10), 2)).toBe(true);
    expect(log.skip('p', entry(10), 3)).toBe(false); // 1 + 2
    expect(log.record('p', entry(10), 3)).toBe(false); // not reported again
    expect(log.skip('p', entry(10), 6)).toBe(true);
    expect(log.skip('p', entry(10), 7)).toBe(false); // 3 + 4
    expect(log.skip('p', entry(11), 4)).toBe(false); // changed: read again
    expect(log.record('p', entry(11), 4)).toBe(true); // and reported again if it fails
    for (let i = 0; i < 10; i++) log.record('q', entry(1), 100);
    expect(log.skip('q', entry(1), 163)).toBe(true);
    expect(log.skip('q', entry(1), 164)).toBe(false); // at most 64 rounds
  });

  it('remembers at most MAX_FAILURES files, forgetting the oldest; clear forgets all', () => {
    const log = createFailureLog();
    for (let i = 0; i <= MAX_FAILURES; i++) log.record(`junk-${i}`, entry(1), 1);
    expect(log.skip('junk-0', entry(1), 2)).toBe(false); // forgotten: tried again
    expect(log.skip('junk-1', entry(1), 2)).toBe(true);
    expect(log.skip(`junk-${MAX_FAILURES}`, entry(1), 2)).toBe(true);
    log.record('junk-1', entry(1), 2); // recorded again: now the newest
    log.record('another', entry(1), 2);
    expect(log.skip('junk-1', entry(1), 3)).toBe(true);
    expect(log.skip('junk-2', entry(1), 3)).toBe(false);
    log.clear();
    expect(log.skip('junk-1', entry(1), 3)).toBe(false);
  });
});
