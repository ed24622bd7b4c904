import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_DRIFT_MS,
  HLC_MAX_COUNTER,
  compareHlc,
  createHlc,
  formatHlc,
  isHlc,
  parseHlc,
  receiveHlc,
  tickHlc,
} from '../../../shared/clock/hlc';

const T0 = Date.parse('2026-03-02T09:15:00.000Z');
const DEV_A = '0195a000-0000-7000-8000-00000000000a';
const DEV_B = '0195a000-0000-7000-8000-00000000000b';

/** A controllable wall clock. */
function fakeClock(start = T0) {
  let t = start;
  return {
    now: () => t,
    set: (ms: number) => {
      t = ms;
    },
  };
}

describe('formatHlc / parseHlc', () => {
  it('prints a fixed-width, readable string and reads it back', () => {
    const s = formatHlc({ wallTime: T0, counter: 42, deviceId: DEV_A });
    expect(s).toBe(`2026-03-02T09:15:00.000Z-0016-${DEV_A}`);
    expect(parseHlc(s)).toEqual({ wallTime: T0, counter: 42, deviceId: DEV_A });
  });

  it('rejects malformed strings and out-of-range parts', () => {
    expect(() => parseHlc('yesterday')).toThrow(RangeError);
    expect(() => parseHlc(`2026-02-31T09:15:00.000Z-0000-${DEV_A}`)).toThrow(/bad wall time/);
    expect(() => parseHlc('2026-03-02T09:15:00.000Z-0000-')).toThrow(RangeError);
    expect(() =>
      formatHlc({ wallTime: T0, counter: HLC_MAX_COUNTER + 1, deviceId: DEV_A }),
    ).toThrow(RangeError);
    expect(() => formatHlc({ wallTime: -1, counter: 0, deviceId: DEV_A })).toThrow(RangeError);
    expect(() => formatHlc({ wallTime: T0, counter: 0, deviceId: '' })).toThrow(RangeError);
    expect(isHlc(formatHlc({ wallTime: T0, counter: 0, deviceId: DEV_A }))).toBe(true);
    expect(isHlc('nope')).toBe(false);
    expect(isHlc(12)).toBe(false);
  });

  it('string order equals (wall time, counter, device id) order', () => {
    const parts = [
      { wallTime: T0 + 1, counter: 0, deviceId: DEV_A },
      { wallTime: T0, counter: 36, deviceId: DEV_A },
      { wallTime: T0, counter: 5, deviceId: DEV_B },
      { wallTime: T0, counter: 5, deviceId: DEV_A },
      { wallTime: T0 - 1, counter: HLC_MAX_COUNTER, deviceId: DEV_B },
    ];
    const sorted = parts.map(formatHlc).sort(compareHlc);
    expect(sorted.map(parseHlc)).toEqual([parts[4], parts[3], parts[2], parts[1], parts[0]]);
  });
});

describe('compareHlc', () => {
  it('breaks ties of equal time and counter by device id', () => {
    const a = formatHlc({ wallTime: T0, counter: 3, deviceId: DEV_A });
    const b = formatHlc({ wallTime: T0, counter: 3, deviceId: DEV_B });
    expect(compareHlc(a, b)).toBe(-1);
    expect(compareHlc(b, a)).toBe(1);
    expect(compareHlc(a, a)).toBe(0);
  });
});

describe('tick', () => {
  it('uses the wall time when it moves forward, the counter within a millisecond', () => {
    const clock = fakeClock();
    const hlc = createHlc(DEV_A, clock.now);
    expect(hlc.current()).toBeNull();
    const first = hlc.tick();
    const second = hlc.tick();
    clock.set(T0 + 5);
    const third = hlc.tick();
    expect(parseHlc(first)).toEqual({ wallTime: T0, counter: 0, deviceId: DEV_A });
    expect(parseHlc(second)).toEqual({ wallTime: T0, counter: 1, deviceId: DEV_A });
    expect(parseHlc(third)).toEqual({ wallTime: T0 + 5, counter: 0, deviceId: DEV_A });
    expect(hlc.current()).toBe(third);
  });

  it('stays monotonic when the wall clock goes backwards', () => {
    const clock = fakeClock();
    const hlc = createHlc(DEV_A, clock.now);
    const issued = [hlc.tick()];
    clock.set(T0 - 60_000); // NTP correction: a minute back
    issued.push(hlc.tick(), hlc.tick());
    clock.set(T0 + 1);
    issued.push(hlc.tick());
    for (let i = 1; i < issued.length; i++) {
      expect(compareHlc(issued[i - 1] ?? '', issued[i] ?? '')).toBe(-1);
    }
    expect(parseHlc(issued[2] ?? '')).toMatchObject({ wallTime: T0, counter: 2 });
    expect(parseHlc(issued[3] ?? '')).toMatchObject({ wallTime: T0 + 1, counter: 0 });
  });

  it('carries a counter overflow into the wall time', () => {
    const last = { wallTime: T0, counter: HLC_MAX_COUNTER, deviceId: DEV_A };
    const next = tickHlc(last, DEV_A, T0);
    expect(next).toEqual({ wallTime: T0 + 1, counter: 0, deviceId: DEV_A });
    expect(compareHlc(formatHlc(last), formatHlc(next))).toBe(-1);
  });

  it('resumes after a restart from a stored timestamp', () => {
    const stored = formatHlc({ wallTime: T0 + 10, counter: 7, deviceId: DEV_A });
    const hlc = createHlc(DEV_A, () => T0, { last: stored });
    expect(parseHlc(hlc.tick())).toEqual({ wallTime: T0 + 10, counter: 8, deviceId: DEV_A });
  });
});

describe('receive', () => {
  it('adopts a remote timestamp ahead of the local clock and orders after it', () => {
    const clock = fakeClock();
    const hlc = createHlc(DEV_A, clock.now);
    hlc.tick();
    const remote = formatHlc({ wallTime: T0 + 2_000, counter: 4, deviceId: DEV_B });
    const result = hlc.receive(remote);
    expect(result.clamped).toBe(false);
    expect(result.driftMs).toBe(2_000);
    expect(parseHlc(result.timestamp)).toEqual({
      wallTime: T0 + 2_000,
      counter: 5,
      deviceId: DEV_A,
    });
    expect(compareHlc(remote, result.timestamp)).toBe(-1);
    // the next local event is after the received one even though the wall clock has not moved
    expect(compareHlc(result.timestamp, hlc.tick())).toBe(-1);
  });

  it('keeps the local time when the remote is behind', () => {
    const clock = fakeClock();
    const hlc = createHlc(DEV_A, clock.now);
    const local = hlc.tick();
    const result = hlc.receive(formatHlc({ wallTime: T0 - 500, counter: 9, deviceId: DEV_B }));
    expect(result.driftMs).toBe(-500);
    expect(parseHlc(result.timestamp)).toEqual({ wallTime: T0, counter: 1, deviceId: DEV_A });
    expect(compareHlc(local, result.timestamp)).toBe(-1);
  });

  it('takes the larger counter plus one when local, remote and wall time agree', () => {
    const last = { wallTime: T0, counter: 3, deviceId: DEV_A };
    const remote = { wallTime: T0, counter: 10, deviceId: DEV_B };
    expect(receiveHlc(last, remote, DEV_A, T0 - 5).timestamp).toEqual({
      wallTime: T0,
      counter: 11,
      deviceId: DEV_A,
    });
  });

  it('restarts the counter when the wall clock is ahead of both', () => {
    const last = { wallTime: T0, counter: 3, deviceId: DEV_A };
    const remote = { wallTime: T0 + 1, counter: 10, deviceId: DEV_B };
    expect(receiveHlc(last, remote, DEV_A, T0 + 50).timestamp).toEqual({
      wallTime: T0 + 50,
      counter: 0,
      deviceId: DEV_A,
    });
  });

  it('carries an overflow when the remote counter is at its maximum', () => {
    const remote = { wallTime: T0, counter: HLC_MAX_COUNTER, deviceId: DEV_B };
    expect(receiveHlc(null, remote, DEV_A, T0).timestamp).toEqual({
      wallTime: T0 + 1,
      counter: 0,
      deviceId: DEV_A,
    });
  });

  it('clamps a remote too far in the future and reports it', () => {
    const clock = fakeClock();
    const hlc = createHlc(DEV_A, clock.now, { maxDriftMs: 60_000 });
    const before = hlc.tick();
    const future = formatHlc({ wallTime: T0 + 24 * 3_600_000, counter: 0, deviceId: DEV_B });
    const result = hlc.receive(future);
    expect(result.clamped).toBe(true);
    expect(result.driftMs).toBe(24 * 3_600_000);
    // not adopted: the clock only ticked locally
    expect(parseHlc(result.timestamp)).toEqual({ wallTime: T0, counter: 1, deviceId: DEV_A });
    expect(compareHlc(before, result.timestamp)).toBe(-1);
    expect(compareHlc(result.timestamp, future)).toBe(-1);
  });

  it('accepts a remote exactly at the drift limit, and uses one hour by default', () => {
    const atLimit = { wallTime: T0 + 60_000, counter: 0, deviceId: DEV_B };
    expect(receiveHlc(null, atLimit, DEV_A, T0, 60_000).clamped).toBe(false);
    expect(receiveHlc(null, { ...atLimit, wallTime: T0 + 60_001 }, DEV_A, T0, 60_000).clamped).toBe(
      true,
    );
    expect(DEFAULT_MAX_DRIFT_MS).toBe(3_600_000);
    const halfHour = { wallTime: T0 + 1_800_000, counter: 0, deviceId: DEV_B };
    expect(receiveHlc(null, halfHour, DEV_A, T0).clamped).toBe(false);
    const twoHours = { wallTime: T0 + 7_200_000, counter: 0, deviceId: DEV_B };
    expect(receiveHlc(null, twoHours, DEV_A, T0).clamped).toBe(true);
  });

  it('rejects a malformed remote timestamp without changing state', () => {
    const hlc = createHlc(DEV_A, () => T0);
    const t = hlc.tick();
    expect(() => hlc.receive('garbage')).toThrow(RangeError);
    expect(hlc.current()).toBe(t);
  });
});
