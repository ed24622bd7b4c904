// Vacant positions in a stakeholder spreadsheet. Spreadsheets mark an empty seat in many ways:
// "(vacant)", "Vacant", "TBD", "open position", "Vacant: Head of Operations", or an empty name
// next to a job title. Such a row is a vacant seat (isVacant, named "(vacant) <job title>", as the
// app names one), never a person called "(vacant)".

/** Name cells that mean "nobody holds this seat" (compared after normalising, see markerKey). */
const MARKERS = new Set([
  'vacant',
  'vacancy',
  'tbd',
  'tba',
  'tbc',
  'tbh',
  'open',
  'open position',
  'open role',
  'open seat',
  'position open',
  'unfilled',
  'to be hired',
  'to be appointed',
  'to be confirmed',
  'to be determined',
  'to be named',
  'not filled',
  'not yet filled',
  'currently vacant',
  'position vacant',
  'vacant position',
  'vacant seat',
  'vacant role',
]);

/** Lower case; brackets, dots, dashes, underscores and stars as spaces; spaces collapsed. */
function markerKey(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) {
    const space = ' \t()[]{}<>.-_*–—:'.includes(ch);
    if (space) {
      if (out !== '' && !out.endsWith(' ')) out += ' ';
    } else out += ch;
  }
  return out.trimEnd();
}

/** True when a name cell marks a vacant seat rather than naming a person. */
export function isVacancyMarker(name: string): boolean {
  return MARKERS.has(markerKey(name));
}

/** The name the app gives a vacant seat. */
export const vacantSeatName = (title: string): string => `(vacant) ${title.trim()}`;

/** A name such as "(vacant) Head of Operations" or "Vacant: Head of Operations": the seat's title. */
function labelledSeat(name: string): string | null {
  const trimmed = name.trim();
  const lower = trimmed.toLowerCase();
  for (const prefix of ['(vacant)', '[vacant]', 'vacant:', 'vacant -', 'vacant –', 'vacant —']) {
    if (lower.startsWith(prefix)) {
      const rest = trimmed.slice(prefix.length).trim();
      return rest === '' ? null : rest;
    }
  }
  return null;
}

/** What a stakeholder row says about its seat. */
export type SeatReading =
  | { kind: 'person' }
  | { kind: 'vacant'; name: string; title: string }
  | { kind: 'vacant-without-title' };

/**
 * Reads a stakeholder row's name and title cells: a person, or a vacant seat with its name and
 * title. `marked` is the row's vacant column: true (yes), false (an explicit no, which makes the
 * row a person whatever the name says: someone may be called "Open"), undefined (no such cell).
 */
export function readSeat(name: string, title: string, marked: boolean | undefined): SeatReading {
  if (marked === false) return { kind: 'person' };
  const labelled = labelledSeat(name);
  const t = title.trim() !== '' ? title.trim() : (labelled ?? '');
  const vacant =
    marked === true ||
    labelled !== null ||
    isVacancyMarker(name) ||
    (name.trim() === '' && title.trim() !== '');
  if (!vacant) return { kind: 'person' };
  if (t === '') return { kind: 'vacant-without-title' };
  const keepName = name.trim() !== '' && !isVacancyMarker(name);
  return { kind: 'vacant', name: keepName ? name.trim() : vacantSeatName(t), title: t };
}
