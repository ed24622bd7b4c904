import { formatUiDate, formatUiDateTime } from '@shared/time/display';

/** Dates are stored as ISO strings in UTC and shown in the user's locale (shared/time/display.ts). */

/** A calendar date (YYYY-MM-DD) in the user's locale, or a dash. */
export function formatDate(isoDate: string | null | undefined): string {
  return isoDate ? formatUiDate(isoDate) : '—';
}

/** An instant (ISO date-time in UTC) in the user's locale and time zone, or a dash. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? formatUiDateTime(iso) : '—';
}
