import { describe, expect, it } from 'vitest';
import { clockPolicy } from '../../../shared/sync/engine/clock';
import { createEngineContext } from '../../../shared/sync/engine/context';
import type { SyncDatabase } from '../../../shared/sync/database';
import type { SyncFolder } from '../../../shared/sync/folder';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const ctx = createEngineContext({
  db: {} as SyncDatabase,
  folder: {} as SyncFolder,
  deviceId: 'me',
  now: () => new Date(NOW),
});
const change = (deviceId: string, aheadMs: number) => ({
  deviceId,
  hlc: `${new Date(NOW + aheadMs).toISOString()}-0000-x`,
});

describe('clockPolicy (engine/clock.ts)', () => {
  it('keeps the normal drift limit when no peer is far ahead', () => {
    expect(clockPolicy(ctx, [change('a', 60_000), change('b', -HOUR)])).toEqual({
      maxDriftMs: HOUR,
      localBehindMs: null,
    });
  });

  it('does not blame this clock on one peer alone, however far ahead', () => {
    expect(clockPolicy(ctx, [change('a', 10 * HOUR)]).localBehindMs).toBeNull();
  });

  it("adopts the peers' time when two or more agree that this clock is behind", () => {
    const policy = clockPolicy(ctx, [change('a', 5 * HOUR), change('b', 5 * HOUR + 60_000)]);
    expect(policy.maxDriftMs).toBe(Number.POSITIVE_INFINITY);
    expect(policy.localBehindMs).toBe(5 * HOUR);
  });

  it('keeps the limit when the peers ahead disagree with each other', () => {
    const policy = clockPolicy(ctx, [change('a', 3 * HOUR), change('b', 9 * HOUR)]);
    expect(policy).toEqual({ maxDriftMs: HOUR, localBehindMs: null });
  });

  it("ignores this device's own changes and malformed ones", () => {
    const policy = clockPolicy(ctx, [
      change('me', 5 * HOUR),
      change('a', 5 * HOUR),
      { deviceId: 'b', hlc: 'not a time' },
      null,
      { deviceId: 7, hlc: 'x' },
    ]);
    expect(policy).toEqual({ maxDriftMs: HOUR, localBehindMs: null });
  });
});
