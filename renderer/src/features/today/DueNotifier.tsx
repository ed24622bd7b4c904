import { useEffect, useState } from 'react';
import { loadToday } from '../../../db';
import { dueNotificationText, newlyDue, shouldNotify } from '@shared/notebook/dueNotification';
import { localIsoDay, type IsoDay } from '@shared/rules/dates';
import { useWorkbench } from '../../app/WorkbenchContext';

/** Where this device remembers the last day it notified (one device, one reminder a day). */
export const LAST_NOTIFIED_KEY = 'workbench-due-notified-day';
const CHECK_EVERY_MS = 10 * 60_000;

function lastNotifiedDay(): IsoDay | null {
  const value = localStorage.getItem(LAST_NOTIFIED_KEY);
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** The local day, re-read every few minutes so a window left open overnight sees the new day. */
function useCurrentDay(): IsoDay {
  const [day, setDay] = useState(() => localIsoDay(new Date()));
  useEffect(() => {
    const timer = window.setInterval(() => setDay(localIsoDay(new Date())), CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, []);
  return day;
}

/**
 * Once a day (unless turned off in Settings) asks main to show an OS notification of what
 * became due since the last one. Renders nothing.
 */
export function DueNotifier() {
  const { db, api, settings } = useWorkbench();
  const day = useCurrentDay();
  const enabled = settings.notifyDue;
  useEffect(() => {
    if (!enabled) return;
    const last = lastNotifiedDay();
    if (!shouldNotify(last, day)) return;
    let cancelled = false;
    void loadToday(db, day).then(async (list) => {
      if (cancelled || !shouldNotify(lastNotifiedDay(), day)) return;
      const text = dueNotificationText(
        newlyDue(
          list.groups.flatMap((g) => g.items),
          last,
          day,
        ),
      );
      // nothing came due: the day is not spent, a later start today looks again
      if (!text) return;
      // remembered before showing: a second window or a failure never notifies twice a day
      localStorage.setItem(LAST_NOTIFIED_KEY, day);
      await api.invoke('notify.show', text);
    });
    return () => {
      cancelled = true;
    };
  }, [db, api, day, enabled]);
  return null;
}
