/** One follow-up day as a calendar event. */
export interface FollowUpEvent {
  /** A stable unique id (the id): re-importing updates the event, never duplicates it. */
  uid: string;
  /** The follow-up day, YYYY-MM-DD (an all-day event). */
  day: string;
  /** The event's title. */
  summary: string;
  /** Its description (who has not answered, since when). */
  description: string;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function icsText(value: string): string {
  let out = '';
  for (const ch of value) {
    if (ch === '\\') out += '\\\\';
    else if (ch === ';') out += '\\;';
    else if (ch === ',') out += '\\,';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') continue;
    else if (ch < ' ' || ch === '\u007f')
      continue; // other control characters are dropped
    else out += ch;
  }
  return out;
}

const encoder = new TextEncoder();

/**
 * Folds a content line to at most 75 octets per line (RFC 5545 §3.1), never splitting a UTF-8
 * character; continuation lines start with one space.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const bytes = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDay = (day: string) => day.replaceAll('-', '');

/** The day after a YYYY-MM-DD day (UTC arithmetic, calendar days). */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The follow-up days as an iCalendar file (all-day events), lines folded, CRLF line ends.
 * `stamp` is the export instant (ISO, UTC), printed as each event's DTSTAMP.
 */
export function followUpCalendar(events: readonly FollowUpEvent[], stamp: string): string {
  const dtstamp = `${stamp.slice(0, 19).replaceAll('-', '').replaceAll(':', '')}Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Engagement Workbench//Follow-ups//EN',
    'CALSCALE:GREGORIAN',
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsText(e.uid)}@engagement-workbench`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${compactDay(e.day)}`,
      `DTEND;VALUE=DATE:${compactDay(nextDay(e.day))}`,
      `SUMMARY:${icsText(e.summary)}`,
      `DESCRIPTION:${icsText(e.description)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
