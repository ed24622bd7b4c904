/**
 * Hybrid logical clock (HLC): timestamps that follow causality across devices even when their
 * wall clocks disagree, while staying close to real time.
 *
 * A timestamp is printed as a fixed-width, sortable string:
 *
 *     2026-03-02T09:15:00.000Z-0000-<deviceId>
 *     └── wall time (ISO, ms) ┘ └ counter (4 base-36 digits)
 *
 * Because the wall-time and counter parts have a fixed width, plain string comparison of two
 * timestamps is their causal order; equal time and counter are ordered by device id, so two
 * devices never produce equal timestamps.
 *
 * Everything here is pure: the clock's state is a value, `now` is injected.
 */

/** The parts of one HLC timestamp. */
export interface HlcTimestamp {
  /** Wall time in milliseconds since the epoch (may run slightly ahead of the real clock). */
  wallTime: number;
  /** Logical counter that orders events within the same millisecond. */
  counter: number;
  /** The device that issued the timestamp; breaks ties between devices. */
  deviceId: string;
}

/** Outcome of merging a remote timestamp into the local clock. */
export interface HlcReceiveResult<T> {
  /** The new local timestamp (later than both the previous local one and, unless clamped, the remote). */
  timestamp: T;
  /** True when the remote was too far in the future and was NOT adopted (report this to the user). */
  clamped: boolean;
  /** How far the remote wall time is ahead of the local wall clock, in ms (negative when behind). */
  driftMs: number;
}

/** Number of base-36 digits of the counter part. */
export const HLC_COUNTER_DIGITS = 4;
/** The largest counter value; one more advances the wall time by 1 ms and resets the counter. */
export const HLC_MAX_COUNTER = 36 ** HLC_COUNTER_DIGITS - 1;
/** Default limit on how far a remote timestamp may be ahead of the local clock: one hour. */
export const DEFAULT_MAX_DRIFT_MS = 60 * 60 * 1000;
/** The largest wall time a timestamp can print (9999-12-31T23:59:59.999Z). */
const MAX_WALL_TIME = 253_402_300_799_999;

/** Matches a well-formed HLC string; groups: wall time (ISO), counter, device id. */
export const HLC_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-z]{4})-(\S+)$/;

/** Prints a timestamp as its sortable string. Throws RangeError on out-of-range parts. */
export function formatHlc(ts: HlcTimestamp): string {
  if (!Number.isInteger(ts.wallTime) || ts.wallTime < 0 || ts.wallTime > MAX_WALL_TIME) {
    throw new RangeError(`HLC wall time out of range: ${ts.wallTime}`);
  }
  if (!Number.isInteger(ts.counter) || ts.counter < 0 || ts.counter > HLC_MAX_COUNTER) {
    throw new RangeError(`HLC counter out of range: ${ts.counter}`);
  }
  if (!/^\S+$/.test(ts.deviceId)) {
    throw new RangeError('HLC device id must be a non-empty string without spaces');
  }
  const wall = new Date(ts.wallTime).toISOString();
  const counter = ts.counter.toString(36).padStart(HLC_COUNTER_DIGITS, '0');
  return `${wall}-${counter}-${ts.deviceId}`;
}

/** Reads a timestamp string. Throws RangeError when it is not a well-formed HLC. */
export function parseHlc(value: string): HlcTimestamp {
  const match = HLC_PATTERN.exec(value);
  const [, wall, counter, deviceId] = match ?? [];
  if (wall === undefined || counter === undefined || deviceId === undefined) {
    throw new RangeError(`Not an HLC timestamp: ${JSON.stringify(value)}`);
  }
  const wallTime = Date.parse(wall);
  // Date.parse accepts impossible dates such as 2026-02-31 by rolling over; reject those.
  if (Number.isNaN(wallTime) || new Date(wallTime).toISOString() !== wall) {
    throw new RangeError(`Not an HLC timestamp (bad wall time): ${JSON.stringify(value)}`);
  }
  return { wallTime, counter: parseInt(counter, 36), deviceId };
}

/** True when the value is a well-formed HLC string. */
export function isHlc(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    parseHlc(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Orders two HLC strings: negative when a happened before b, positive when after, 0 when equal.
 * Plain string comparison is the causal order thanks to the fixed-width format.
 */
export function compareHlc(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Carries a counter overflow into the wall time. */
function normalize(wallTime: number, counter: number, deviceId: string): HlcTimestamp {
  return counter > HLC_MAX_COUNTER
    ? { wallTime: wallTime + 1, counter: 0, deviceId }
    : { wallTime, counter, deviceId };
}

/**
 * The timestamp of a new local event, given the clock's last timestamp (null on first use).
 * Never goes backwards, even when the wall clock does.
 */
export function tickHlc(last: HlcTimestamp | null, deviceId: string, nowMs: number): HlcTimestamp {
  const physical = Math.floor(nowMs);
  if (last === null || physical > last.wallTime)
    return { wallTime: physical, counter: 0, deviceId };
  return normalize(last.wallTime, last.counter + 1, deviceId);
}

/**
 * Merges a timestamp received from another device into the local clock, returning the new local
 * timestamp. A remote wall time more than `maxDriftMs` ahead of the local wall clock is not
 * adopted (a device with a wrong clock must not drag every other device into the future): the
 * clock then just ticks locally and the result says `clamped: true`.
 */
export function receiveHlc(
  last: HlcTimestamp | null,
  remote: HlcTimestamp,
  deviceId: string,
  nowMs: number,
  maxDriftMs: number = DEFAULT_MAX_DRIFT_MS,
): HlcReceiveResult<HlcTimestamp> {
  const physical = Math.floor(nowMs);
  const driftMs = remote.wallTime - physical;
  if (driftMs > maxDriftMs) {
    return { timestamp: tickHlc(last, deviceId, physical), clamped: true, driftMs };
  }
  const lastWall = last?.wallTime ?? -1;
  const lastCounter = last?.counter ?? -1;
  const wallTime = Math.max(lastWall, remote.wallTime, physical);
  let counter: number;
  if (wallTime === lastWall && wallTime === remote.wallTime) {
    counter = Math.max(lastCounter, remote.counter) + 1;
  } else if (wallTime === lastWall) {
    counter = lastCounter + 1;
  } else if (wallTime === remote.wallTime) {
    counter = remote.counter + 1;
  } else {
    counter = 0;
  }
  return { timestamp: normalize(wallTime, counter, deviceId), clamped: false, driftMs };
}

/** Options of {@link createHlc}. */
export interface HlcOptions {
  /** How far ahead of the local clock a remote timestamp may be before it is clamped (ms). */
  maxDriftMs?: number;
  /** The last timestamp this device issued (for example restored from storage), if any. */
  last?: string | null;
}

/** A stateful clock for one device. */
export interface HybridLogicalClock {
  /** The timestamp of a new local event. */
  tick(): string;
  /** Merges a remote timestamp; see {@link receiveHlc}. Throws RangeError on a malformed one. */
  receive(remote: string): HlcReceiveResult<string>;
  /** The last timestamp issued, or null before the first event. */
  current(): string | null;
}

/** Creates a clock for `deviceId` reading the wall time (ms since epoch) from `now`. */
export function createHlc(
  deviceId: string,
  now: () => number,
  options: HlcOptions = {},
): HybridLogicalClock {
  const maxDriftMs = options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS;
  let last: HlcTimestamp | null = options.last ? parseHlc(options.last) : null;
  // Validate the device id once, up front, rather than on the first tick.
  formatHlc({ wallTime: 0, counter: 0, deviceId });
  return {
    tick() {
      last = tickHlc(last, deviceId, now());
      return formatHlc(last);
    },
    receive(remote) {
      const result = receiveHlc(last, parseHlc(remote), deviceId, now(), maxDriftMs);
      last = result.timestamp;
      return { ...result, timestamp: formatHlc(result.timestamp) };
    },
    current() {
      return last === null ? null : formatHlc(last);
    },
  };
}
