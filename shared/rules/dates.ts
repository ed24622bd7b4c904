/** A calendar day as YYYY-MM-DD. */
export type IsoDay = string;

/** The local calendar day of an instant, as YYYY-MM-DD. */
export function localIsoDay(date: Date): IsoDay {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** A day given as YYYY-MM-DD or as a Date (its local calendar day). */
export function toIsoDay(day: IsoDay | Date): IsoDay {
  return typeof day === 'string' ? day.slice(0, 10) : localIsoDay(day);
}

/** Milliseconds since the epoch of an ISO date-time (compares "…:00Z" and "…:00.000Z" correctly). */
export function instant(iso: string): number {
  return Date.parse(iso);
}
