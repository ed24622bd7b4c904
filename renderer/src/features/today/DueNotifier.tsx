import { useEffect, useState } from 'react';
import { useTodayList } from '../../../db';
import { dueNotificationText } from '@shared/notebook/dueNotification';
import { dueCheck, nextCheckDelay, parseNotifiedState } from '@shared/notebook/dueSchedule';
import { localIsoDay, type IsoDay } from '@shared/rules/dates';
import { useWorkbench } from '../../app/WorkbenchContext';

/** Where this device remembers what it notified (one device: each item once a day). */
export const LAST_NOTIFIED_KEY = 'workbench-due-notified-day';
const POLL_MS = 10 * 60_000;

/** The local day, moved on just after local midnight (and re-read every few minutes). */
function useCurrentDay(): IsoDay {
  const [day, setDay] = useState(() => localIsoDay(new Date()));
  useEffect(() => {
    let timer = 0;
    const tick = () => {
      setDay(localIsoDay(new Date()));
      timer = window.setTimeout(tick, nextCheckDelay(new Date(), POLL_MS));
    };
    timer = window.setTimeout(tick, nextCheckDelay(new Date(), POLL_MS));
    return () => window.clearTimeout(timer);
  }, []);
  return day;
}

/**
 * Unless turned off in Settings, asks main to show an OS notification of what became due: at
 * the first check of a day, and again while the app is open when something more comes due that
 * day (the Today list is live: a record added, changed or synced in). Renders nothing.
 */
export function DueNotifier() {
  const { db, api, settings } = useWorkbench();
  const day = useCurrentDay();
  const list = useTodayList(db, day);
  const enabled = settings.notifyDue;
  useEffect(() => {
    if (!enabled || list === undefined) return;
    const state = parseNotifiedState(localStorage.getItem(LAST_NOTIFIED_KEY));
    const check = dueCheck(
      list.groups.flatMap((g) => g.items),
      state,
      day,
    );
    // remembered before showing: a second window or a failure never names an item twice a day
    localStorage.setItem(LAST_NOTIFIED_KEY, JSON.stringify(check.next));
    const text = dueNotificationText(check.notify);
    if (text) void api.invoke('notify.show', text);
  }, [api, day, list, enabled]);
  return null;
}
