import type { IsoDay } from '../rules/dates';
import { newlyDue } from './dueNotification';
import type { TodayItem } from './today';

/**
 * When the due reminder fires, as pure functions of an injected clock (`now`). The first check
 * of a day notifies what became due since the last day notified; later the same day (the app
 * left open) a further notification names only what came due since: records added or changed so
 * that they are due (a follow-up day set to today, an answer that synced in overdue). An item is
 * named once a day; the day rolls over at local midnight while the app is open.
 */

/** What this device remembers: the day it last checked and the items already due then. */
export interface NotifiedState {
  day: IsoDay;
  /** Keys of the items already due (named or not) on `day`; null: unknown (older form). */
  keys: readonly string[] | null;
}

/** The most keys remembered (a Today list longer than this is not realistic). */
export const NOTIFIED_KEYS_MAX = 5_000;

const isDay = (v: unknown): v is IsoDay =>
  typeof v === 'string' &&
  v.length === 10 &&
  [...v].every((c, i) => (i === 4 || i === 7 ? c === '-' : c >= '0' && c <= '9'));

/**
 * The stored state, read defensively (local storage can hold anything): the older form, a bare
 * day, reads as that day with its keys unknown; anything else that is not a state reads as none.
 */
export function parseNotifiedState(raw: string | null): NotifiedState | null {
  if (raw === null || raw.length > 1_000_000) return null;
  if (isDay(raw)) return { day: raw, keys: null };
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { day, keys } = value as { day?: unknown; keys?: unknown };
    if (!isDay(day) || !Array.isArray(keys) || keys.length > NOTIFIED_KEYS_MAX) return null;
    if (!keys.every((k): k is string => typeof k === 'string')) return null;
    return { day, keys };
  } catch {
    return null;
  }
}

/** What one check decides: the items to name now, and the state to remember after. */
export interface DueCheck {
  notify: TodayItem[];
  next: NotifiedState;
}

/**
 * One check on `today` of the items due by then. Never notified: everything due. A new day:
 * what became due after the last day. The same day: what was not yet due at the last check
 * (unknown keys, the older form: nothing until tomorrow, as before).
 */
export function dueCheck(
  items: readonly TodayItem[],
  state: NotifiedState | null,
  today: IsoDay,
): DueCheck {
  const due = items.filter((i) => i.dueFrom <= today);
  const sameDay = state !== null && state.day === today;
  const seen = new Set(sameDay ? (state.keys ?? due.map((i) => i.key)) : []);
  const notify = sameDay
    ? due.filter((i) => !seen.has(i.key))
    : newlyDue(items, state?.day ?? null, today);
  for (const i of due) seen.add(i.key);
  return { notify, next: { day: today, keys: [...seen].slice(-NOTIFIED_KEYS_MAX) } };
}

/** Milliseconds from `now` to the next local midnight (a day is 23 or 25 hours at DST). */
export function msToNextLocalDay(now: Date): number {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 0, 0);
  return midnight.getTime() - now.getTime();
}

/**
 * When to check next: just after the next local midnight (the new day's reminder), but at most
 * `pollMs` away (a clock changed, a laptop that slept through the timer). Data changes check at
 * once besides (the live Today list).
 */
export function nextCheckDelay(now: Date, pollMs: number): number {
  return Math.max(1_000, Math.min(msToNextLocalDay(now) + 1_000, pollMs));
}
