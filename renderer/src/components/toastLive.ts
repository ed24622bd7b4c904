/** What decides how a toast is read: its tone, and whether the live region said it already. */
export interface ToastVoice {
  tone: 'info' | 'success' | 'error';
  announced?: boolean;
}

/**
 * How a screen reader hears a toast: an error at once (alert), anything else politely (status).
 * A toast whose news the app's live region (app/LiveAnnouncer.tsx) has already said is shown but
 * not read again: a status with its live region off (never an alert, whose arrival is always read).
 */
export function toastLiveProps(toast: ToastVoice): {
  role: 'alert' | 'status';
  'aria-live'?: 'off';
} {
  if (toast.announced) return { role: 'status', 'aria-live': 'off' };
  return { role: toast.tone === 'error' ? 'alert' : 'status' };
}
