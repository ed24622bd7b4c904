import type { IsoDay } from '../rules/dates';
import type { TodayItem, TodayKind } from './today';

/**
 * The once-a-day reminder: which items of the Today list became due since the last day the
 * app notified, and the words of that notification.
 */

/** True when the app has not notified yet today (never before, or last on an earlier day). */
export function shouldNotify(lastNotifiedDay: IsoDay | null, today: IsoDay): boolean {
  return lastNotifiedDay === null || lastNotifiedDay < today;
}

/**
 * The items that became due after `lastNotifiedDay` and by `today` (every item due by today
 * when the app never notified). Items still ahead (a follow-up later this week) are not due yet.
 */
export function newlyDue(
  items: readonly TodayItem[],
  lastNotifiedDay: IsoDay | null,
  today: IsoDay,
): TodayItem[] {
  return items.filter(
    (i) => i.dueFrom <= today && (lastNotifiedDay === null || i.dueFrom > lastNotifiedDay),
  );
}

const PHRASE: Record<TodayKind, [string, string]> = {
  'answer-overdue': ['answer overdue', 'answers overdue'],
  'follow-up-due': ['follow-up due', 'follow-ups due'],
  'fix-overdue': ['fix past its target date', 'fixes past their target date'],
  'acceptance-lapsed': ['risk acceptance lapsed', 'risk acceptances lapsed'],
  'acceptance-expiring': ['risk acceptance ending soon', 'risk acceptances ending soon'],
  'review-due': ['risk review due', 'risk reviews due'],
};

/** The longest body main accepts (notify.show). */
export const NOTIFICATION_BODY_MAX = 500;

/**
 * `text` cut to `max` UTF-16 units (as main's schema counts), never inside a character, ending
 * in "…" when cut.
 */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * A notification's title and body, or null when nothing became due. Names come from records
 * others may have written: each is clipped, and so is the body, to what main accepts.
 */
export function dueNotificationText(
  items: readonly TodayItem[],
): { title: string; body: string } | null {
  if (items.length === 0) return null;
  const counts = new Map<TodayKind, number>();
  for (const i of items) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${PHRASE[kind][n === 1 ? 0 : 1]}`);
  const people = [...new Set(items.map((i) => i.personName).filter((n) => n !== null))];
  const named = people.slice(0, 3).map((n) => clip(n, 60));
  const more = people.length > 3 ? ` and ${people.length - 3} more` : '';
  const waiting = people.length > 0 ? ` Not answered: ${named.join(', ')}${more}.` : '';
  return {
    title: items.length === 1 ? '1 thing came due' : `${items.length} things came due`,
    body: clip(`${parts.join(', ')}.${waiting}`, NOTIFICATION_BODY_MAX),
  };
}
