import { afterEach, describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, parseHlc } from '../../../shared/clock/hlc';
import { createStore } from '../../../renderer/db/repositories/store';
import type { WorkbenchDB } from '../../../renderer/db/database';
import { listDeviceChangesSince } from '../../../renderer/db/queries/changes';
import { DEVICE_ID, OTHER_DEVICE_ID, bySeqOrder, engagementInput, openTestStore } from './helpers';

const opened: WorkbenchDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A clock the test moves by hand. */
function manualClock(iso: string) {
  let t = Date.parse(iso);
  return {
    now: () => new Date(t),
    set: (next: string) => {
      t = Date.parse(next);
    },
  };
}

describe('HLC and sequence numbers on change records', () => {
  it('orders change records causally even when the wall clock stands still or goes back', async () => {
    const clock = manualClock('2026-03-02T09:00:00.000Z');
    const { db, store } = await openTestStore({ now: clock.now });
    opened.push(db);
    const e = await store.engagements.create(engagementInput);
    await store.engagements.rename(e.id, 'Second title'); // same millisecond
    clock.set('2026-03-02T08:00:00.000Z'); // clock corrected an hour back
    await store.engagements.rename(e.id, 'Third title');
    clock.set('2026-03-02T09:00:05.000Z');
    await store.engagements.rename(e.id, 'Fourth title');

    const bySeq = await bySeqOrder(db);
    expect(bySeq.map((c) => c.seq)).toEqual([1, 2, 3, 4]);
    const hlcs = bySeq.map((c) => c.hlc);
    for (let i = 1; i < hlcs.length; i++) expect(compareHlc(hlcs[i - 1]!, hlcs[i]!)).toBe(-1);
    expect(hlcs.map((h) => parseHlc(h).counter)).toEqual([0, 1, 2, 0]);
    // the wall-clock `at` tells the truth, the HLC keeps the order
    expect(bySeq[2]?.at).toBe('2026-03-02T08:00:00.000Z');
    expect(parseHlc(hlcs[2]!).wallTime).toBe(Date.parse('2026-03-02T09:00:00.000Z'));

    const history = await store.changes.forRecord('engagement', e.id);
    expect(history.map((c) => c.seq)).toEqual([1, 2, 3, 4]);
    expect(await store.clock.current()).toBe(hlcs[3]);
  });

  it('keeps a separate sequence per device and orders after a received remote HLC', async () => {
    const clock = manualClock('2026-03-02T09:00:00.000Z');
    const { db, store } = await openTestStore({ now: clock.now });
    opened.push(db);
    const e = await store.engagements.create(engagementInput);

    // another device's change, 30 minutes ahead (within the drift limit)
    const remote = formatHlc({
      wallTime: Date.parse('2026-03-02T09:30:00.000Z'),
      counter: 3,
      deviceId: OTHER_DEVICE_ID,
    });
    const received = await store.clock.receive(remote);
    expect(received.clamped).toBe(false);
    expect(compareHlc(remote, received.timestamp)).toBe(-1);

    const renamed = await store.engagements.rename(e.id, 'After the sync');
    const [, change] = await store.changes.forRecord('engagement', renamed.id);
    expect(compareHlc(remote, change!.hlc)).toBe(-1);

    // a second device writing to the same database numbers its own changes from 1
    const other = createStore({ db, deviceId: OTHER_DEVICE_ID, now: clock.now });
    await other.engagements.rename(e.id, 'Written by the other device');
    expect((await listDeviceChangesSince(db, OTHER_DEVICE_ID, 0)).map((c) => c.seq)).toEqual([1]);
    expect((await listDeviceChangesSince(db, DEVICE_ID, 0)).map((c) => c.seq)).toEqual([1, 2]);
    expect((await listDeviceChangesSince(db, DEVICE_ID, 1)).map((c) => c.seq)).toEqual([2]);
    const all = await store.changes.forEngagement(e.id);
    expect(all.map((c) => c.deviceId)).toEqual([DEVICE_ID, DEVICE_ID, OTHER_DEVICE_ID]);
  });

  it('does not adopt a remote HLC far in the future, and says so', async () => {
    const clock = manualClock('2026-03-02T09:00:00.000Z');
    const { db, store } = await openTestStore({ now: clock.now });
    opened.push(db);
    await store.engagements.create(engagementInput);
    const future = formatHlc({
      wallTime: Date.parse('2027-01-01T00:00:00.000Z'),
      counter: 0,
      deviceId: OTHER_DEVICE_ID,
    });
    const received = await store.clock.receive(future);
    expect(received.clamped).toBe(true);
    expect(received.driftMs).toBeGreaterThan(3_600_000);
    const e2 = await store.engagements.create({ ...engagementInput, client: 'Contoso' });
    const [change] = await store.changes.forRecord('engagement', e2.id);
    expect(change!.hlc.startsWith('2026-03-02T09:00:00.000Z')).toBe(true);
    // a smaller drift limit can be passed per call
    const soon = formatHlc({
      wallTime: Date.parse('2026-03-02T09:10:00.000Z'),
      counter: 0,
      deviceId: OTHER_DEVICE_ID,
    });
    expect((await store.clock.receive(soon, 60_000)).clamped).toBe(true);
    expect((await store.clock.receive(soon)).clamped).toBe(false);
  });

  it('rejects a malformed remote HLC', async () => {
    const { db, store } = await openTestStore();
    opened.push(db);
    await expect(store.clock.receive('not an hlc')).rejects.toThrow(RangeError);
  });
});
