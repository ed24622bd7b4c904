import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueNotificationText } from '../../../shared/notebook/dueNotification';
import {
  dueCheck,
  msToNextLocalDay,
  nextCheckDelay,
  parseNotifiedState,
  type NotifiedState,
} from '../../../shared/notebook/dueSchedule';
import type { TodayItem } from '../../../shared/notebook/today';

const item = (key: string, dueFrom: string, title = key): TodayItem => ({
  key,
  kind: 'follow-up-due',
  engagementId: 'e',
  engagementLabel: 'Client · Engagement',
  entity: 'raisedIssue',
  recordId: key,
  title,
  personId: null,
  personName: null,
  awaitedNames: [],
  day: dueFrom,
  since: null,
  daysPast: 0,
  dueFrom,
});

const TODAY = '2026-03-20';

/** Runs checks in order, remembering the state between them as the app does. */
function run(steps: Array<{ items: TodayItem[]; today: string }>, start: NotifiedState | null) {
  let state = start;
  return steps.map(({ items, today }) => {
    const check = dueCheck(items, state, today);
    state = parseNotifiedState(JSON.stringify(check.next));
    return check.notify.map((i) => i.key);
  });
}

describe('the due reminder while the app stays open', () => {
  const old = item('old', '2026-03-10');
  const yesterday = item('yesterday', '2026-03-19');
  const ahead = item('ahead', '2026-03-22');

  it('morning: names what became due since the last day; ahead items wait', () => {
    expect(
      run([{ items: [old, yesterday, ahead], today: TODAY }], { day: '2026-03-18', keys: [] }),
    ).toEqual([['yesterday']]);
    expect(run([{ items: [old, yesterday, ahead], today: TODAY }], null)).toEqual([
      ['old', 'yesterday'],
    ]);
  });

  it('later the same day: a follow-up set to today fires once, when it comes due', () => {
    const setToday = item('set-today', TODAY);
    const synced = item('synced-overdue', '2026-03-15');
    const notified = run(
      [
        { items: [old, yesterday, ahead], today: TODAY }, // 08:00, start
        { items: [old, yesterday, ahead], today: TODAY }, // 09:00, nothing changed
        { items: [old, yesterday, ahead, setToday], today: TODAY }, // 11:00, follow-up moved to today
        { items: [old, yesterday, ahead, setToday], today: TODAY }, // 11:05, another write
        { items: [old, yesterday, ahead, setToday, synced], today: TODAY }, // 15:00, sync brings one
      ],
      { day: '2026-03-18', keys: [] },
    );
    expect(notified).toEqual([['yesterday'], [], ['set-today'], [], ['synced-overdue']]);
  });

  it('nothing due in the morning does not spend the day', () => {
    const later = item('later', TODAY);
    expect(
      run(
        [
          { items: [ahead], today: TODAY },
          { items: [ahead, later], today: TODAY },
        ],
        { day: '2026-03-18', keys: [] },
      ),
    ).toEqual([[], ['later']]);
  });

  it('past midnight with the app open: the new day names what became due on it', () => {
    const notified = run(
      [
        { items: [old, yesterday, ahead], today: TODAY },
        { items: [old, yesterday, ahead], today: '2026-03-21' },
        { items: [old, yesterday, ahead], today: '2026-03-22' },
      ],
      { day: '2026-03-18', keys: [] },
    );
    expect(notified).toEqual([['yesterday'], [], ['ahead']]);
  });

  it('the older stored form (a bare day): nothing more that day, as before', () => {
    expect(parseNotifiedState(TODAY)).toEqual({ day: TODAY, keys: null });
    const check = dueCheck([old, item('new', TODAY)], parseNotifiedState(TODAY), TODAY);
    expect(check.notify).toEqual([]);
    expect(check.next).toEqual({ day: TODAY, keys: ['old', 'new'] });
  });

  it('reads anything stored defensively', () => {
    for (const raw of [
      null,
      '',
      '2026-3-20',
      'null',
      '[]',
      '{"day":"2026-03-20"}',
      '{"day":"2026-03-20","keys":[1]}',
      '{"day":"tomorrow","keys":[]}',
      '{',
    ]) {
      expect(parseNotifiedState(raw)).toBeNull();
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (raw) => {
        const state = parseNotifiedState(raw);
        if (state !== null) expect(state.day).toHaveLength(10);
      }),
      { seed: 13, numRuns: 500 },
    );
  });

  it('the notification text names what came due', () => {
    const check = dueCheck([item('a', TODAY, 'Backups')], null, TODAY);
    expect(dueNotificationText(check.notify)?.title).toBe('1 thing came due');
  });
});

describe('when the next check runs (injected clock)', () => {
  it('just after the next local midnight, at most the poll interval away', () => {
    const poll = 10 * 60_000;
    const lateEvening = new Date(2026, 2, 20, 23, 59, 30);
    expect(msToNextLocalDay(lateEvening)).toBe(30_000);
    expect(nextCheckDelay(lateEvening, poll)).toBe(31_000);
    expect(nextCheckDelay(new Date(2026, 2, 20, 10, 0, 0), poll)).toBe(poll);
    // exactly midnight: the next day is a whole day ahead, so the poll wins
    expect(nextCheckDelay(new Date(2026, 2, 21, 0, 0, 0), poll)).toBe(poll);
    // never a busy loop
    expect(nextCheckDelay(new Date(2026, 2, 20, 23, 59, 59, 999), poll)).toBe(1_001);
  });

  it('the next local day starts at local midnight whatever the day length', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (t) => {
        const now = new Date(t);
        const next = new Date(t + msToNextLocalDay(now));
        expect(next.getHours()).toBe(0);
        expect(next.getMinutes()).toBe(0);
        expect(next.getDate()).not.toBe(now.getDate());
        expect(msToNextLocalDay(now)).toBeLessThanOrEqual(25 * 3_600_000);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
