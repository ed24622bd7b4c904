const DAY_MS = 24 * 60 * 60 * 1000;

/** Dates of the sample story, relative to "now" (negative days are in the past). */
export interface SampleClock {
  /** An instant `days` from now at the given UTC time of day, as an ISO date-time. */
  at(days: number, hour?: number, minute?: number): string;
  /** The calendar day `days` from now (UTC), as YYYY-MM-DD. */
  day(days: number): string;
}

/** A clock anchored on `now`; the same `now` always gives the same dates. */
export function sampleClock(now: Date): SampleClock {
  const shifted = (days: number) => new Date(now.getTime() + days * DAY_MS);
  return {
    at(days, hour = 9, minute = 0) {
      if (days >= 0) throw new Error('sample events must be in the past');
      const d = shifted(days);
      d.setUTCHours(hour, minute, 0, 0);
      return d.toISOString();
    },
    day(days) {
      return shifted(days).toISOString().slice(0, 10);
    },
  };
}
