/**
 * One way to show time. The UI follows the OS locale (`formatUiDate`, `formatUiDateTime`: Intl
 * with the default locale); memos print in English, in the engagement's time zone, with the date
 * style the consultant chose (`formatMemoDay`, `formatMemoInstant`). Stored values stay ISO: a
 * day "YYYY-MM-DD", an instant in UTC. Only the rendering changes, so a memo's fingerprint (of its
 * content) never depends on the zone or the style.
 */

/** How a memo prints a day: ISO "2026-11-23" or long "23 November 2026". */
export type MemoDateStyle = 'iso' | 'long';

export const MEMO_DATE_STYLES: readonly MemoDateStyle[] = ['iso', 'long'];

/** How a memo prints dates and times (none of it is fingerprinted content). */
export interface TimeDisplay {
  /** IANA time zone name, for example "Europe/Berlin". */
  timeZone: string;
  dateStyle: MemoDateStyle;
}

/** The rendering of memos before zones existed: ISO days, UTC instants. */
export const UTC_ISO: TimeDisplay = { timeZone: 'UTC', dateStyle: 'iso' };

/** True when Intl knows the name as a time zone ("Europe/Berlin", "UTC"). */
export function isValidTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 100) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The device's time zone (the OS setting), "UTC" when Intl cannot say. */
export function deviceTimeZone(): string {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isValidTimeZone(zone) ? zone : 'UTC';
}

/** The zone an engagement's memos use: its own when valid, else the device's (older records). */
export function engagementTimeZone(e: { timeZone?: string | undefined }): string {
  return isValidTimeZone(e.timeZone) ? e.timeZone : deviceTimeZone();
}

/** A memo's display settings from its engagement (zone, date style), defaults filled in. */
export function engagementDisplay(e: {
  timeZone?: string | undefined;
  memoDateStyle?: MemoDateStyle | undefined;
}): TimeDisplay {
  return {
    timeZone: engagementTimeZone(e),
    dateStyle: e.memoDateStyle === 'long' ? 'long' : 'iso',
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Strict "YYYY-MM-DD" check without a regular expression (input may be forged). */
function dayParts(day: string): [number, number, number] | null {
  if (day.length !== 10 || day[4] !== '-' || day[7] !== '-') return null;
  const digits = day.slice(0, 4) + day.slice(5, 7) + day.slice(8, 10);
  for (const c of digits) if (c < '0' || c > '9') return null;
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return [y, m, d];
}

/** A day in the memo's style; anything that is not a day is returned as it is (escaped later). */
export function formatMemoDay(day: string, style: MemoDateStyle): string {
  const parts = style === 'long' ? dayParts(day) : null;
  if (parts === null) return day;
  const [y, m, d] = parts;
  return `${d} ${MONTHS[m - 1] as string} ${y}`;
}

/** True for Intl's offset form ("GMT+1", "GMT-5:30"), not an abbreviation. */
const isOffsetName = (name: string): boolean =>
  name.startsWith('GMT') && (name[3] === '+' || name[3] === '-');

/**
 * The zone's short name at an instant: an abbreviation where English has one ("CET", "EST",
 * "GMT", "UTC"), else the offset ("GMT+9"). en-US knows the American ones, en-GB the European.
 */
export function zoneAbbreviation(at: Date, timeZone: string): string {
  let offset = 'UTC';
  for (const locale of ['en-US', 'en-GB']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name === undefined) continue;
    if (!isOffsetName(name)) return name;
    offset = name;
  }
  return offset;
}

/** The Intl parts of an instant in a zone (24-hour clock); an unknown zone reads as UTC. */
function zonedParts(at: Date, zone: string): (type: Intl.DateTimeFormatPartTypes) => string {
  const timeZone = isValidTimeZone(zone) ? zone : 'UTC';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  return (type) => parts.find((p) => p.type === type)?.value ?? '';
}

/** The ISO day of an instant local to a zone; text that is not an instant gives its first 10. */
export function memoInstantDay(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (iso.length < 16 || Number.isNaN(at.getTime())) return iso.slice(0, 10);
  const part = zonedParts(at, timeZone);
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/**
 * An ISO instant as the memo prints it: "2026-11-23 10:30 CET" (ISO style) or
 * "23 November 2026, 10:30 CET" (long style), local to the zone. Text that is not an instant
 * (a forged record) is returned as it is; an unknown zone prints UTC.
 */
export function formatMemoInstant(iso: string, display: TimeDisplay = UTC_ISO): string {
  const at = new Date(iso);
  if (iso.length < 16 || Number.isNaN(at.getTime())) return iso;
  const timeZone = isValidTimeZone(display.timeZone) ? display.timeZone : 'UTC';
  const part = zonedParts(at, timeZone);
  const day = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  const time = `${part('hour')}:${part('minute')} ${zoneAbbreviation(at, timeZone)}`;
  return display.dateStyle === 'long' ? `${formatMemoDay(day, 'long')}, ${time}` : `${day} ${time}`;
}

const uiFormats = new Map<string, Intl.DateTimeFormat>();

/** The UI's formatter for a locale and zone (made once: long lists format many dates). */
function uiFormat(locale: string | undefined, timeZone: string | undefined, time: boolean) {
  const key = `${locale ?? ''}|${timeZone ?? ''}|${time ? 't' : 'd'}`;
  let format = uiFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      ...(time ? { timeStyle: 'short' } : {}),
      ...(timeZone !== undefined ? { timeZone } : {}),
    });
    if (uiFormats.size < 50) uiFormats.set(key, format);
  }
  return format;
}

/**
 * A day as the UI shows it, in the OS locale ("6 Dec 2026", "Dec 6, 2026", "06.12.2026");
 * `locale` only for tests and callers that must pin one.
 */
export function formatUiDate(day: string, locale?: string): string {
  const parts = dayParts(day.slice(0, 10));
  if (parts === null) return day;
  const [y, m, d] = parts;
  return uiFormat(locale, 'UTC', false).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant as the UI shows it, in the OS locale and the device's zone (or those given). */
export function formatUiDateTime(iso: string, locale?: string, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const zone = timeZone !== undefined && isValidTimeZone(timeZone) ? timeZone : undefined;
  return uiFormat(locale, zone, true).format(at);
}
