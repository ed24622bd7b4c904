import { useAnnouncer } from '../state/announcer';

/**
 * The app's one polite live region: sync rounds, imports and exports announce their progress and
 * results through it (state/announcer.ts), wherever focus is. Each announcement is a new node, so
 * the same words said twice are read twice.
 */
export function LiveAnnouncer() {
  const { message, seq } = useAnnouncer();
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-label="Announcements">
      {message ? <span key={seq}>{message}</span> : null}
    </div>
  );
}
