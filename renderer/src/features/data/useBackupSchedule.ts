import { useEffect } from 'react';
import { useWorkbench } from '../../app/WorkbenchContext';
import { watchUserActivity, whenUserQuiet } from '../../lib/userActivity';
import { runDueBackups } from './backups';

/** How often the schedule checks whether a daily backup is due. */
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** Delay after start, so the first backup does not compete with the first screen. */
const FIRST_CHECK_AFTER_MS = 5_000;

/**
 * The automatic backups: shortly after start (if today's backup is due) and then every hour,
 * every engagement without a backup of today is backed up by the main process. Each check waits
 * until the user has left the window alone for a few seconds: collecting a large engagement
 * takes the window a moment, which must not land on a scroll or a keystroke.
 */
export function useBackupSchedule(): void {
  const { client, db } = useWorkbench();
  useEffect(() => {
    watchUserActivity();
    let running = false;
    let cancelWait: (() => void) | null = null;
    const run = () => {
      cancelWait = null;
      if (running) return;
      running = true;
      runDueBackups(client, db)
        .catch((error: unknown) => console.warn('Automatic backup failed', error))
        .finally(() => {
          running = false;
        });
    };
    const check = () => {
      cancelWait?.();
      cancelWait = whenUserQuiet(run);
    };
    const first = window.setTimeout(check, FIRST_CHECK_AFTER_MS);
    const every = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(every);
      cancelWait?.();
    };
  }, [client, db]);
}
