// Stakeholder references in a CSV row (person and people columns): the names a cell holds, each
// checked against the engagement's stakeholders and the stakeholders of the same file.
import { splitPeopleList, splitUnquotedItem } from './peopleList';
import { isVacancyMarker } from './vacancy';

/** A name as matched: trimmed, lower case, spaces collapsed. */
export const normName = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Who the names of a file may refer to. */
export interface KnownPeople {
  /** How many stakeholders of the engagement bear each (normalised) name. */
  counts: ReadonlyMap<string, number>;
  /** Normalised names of stakeholders the same file creates or updates. */
  fileNames: ReadonlySet<string>;
  /** Names of the vacant seats (engagement's and file's, each once), for "(vacant)", "TBD"... */
  vacantSeats: readonly string[];
}

/** The names a reference cell holds, and what is wrong with them. */
export interface ReadNames {
  names: string[];
  problems: string[];
}

/** True when a name is a stakeholder of the engagement or of the file. */
export const isKnownName = (known: KnownPeople, name: string): boolean =>
  (known.counts.get(normName(name)) ?? 0) > 0 || known.fileNames.has(normName(name));

/** A vacancy marker as the one vacant seat it can mean, or why it cannot. */
function vacantSeatFor(name: string, known: KnownPeople): string | { problem: string } {
  const seats = known.vacantSeats;
  if (seats.length === 1) return seats[0] as string;
  return {
    problem:
      seats.length === 0
        ? `“${name}” marks a vacant seat, but there is no vacant position to refer to`
        : `“${name}” could be any of ${seats.length} vacant positions: write the seat's name, such as “${seats[0]}”`,
  };
}

/**
 * Reads a person cell (the whole text is one name) or a people cell (see peopleList.ts), and
 * checks each name: known, not shared by two stakeholders. A vacancy marker ("(vacant)", "TBD")
 * stands for the one vacant seat there is.
 */
export function readReferenceNames(
  kind: 'person' | 'people',
  text: string,
  known: KnownPeople,
): ReadNames {
  const raw =
    kind === 'person'
      ? text.trim() === ''
        ? []
        : [text.trim()]
      : splitPeopleList(text).flatMap((item) =>
          item.quoted ? [item.text] : splitUnquotedItem(item.text, (n) => isKnownName(known, n)),
        );
  const names: string[] = [];
  const problems: string[] = [];
  for (const name of raw) {
    if (!isKnownName(known, name) && isVacancyMarker(name)) {
      const seat = vacantSeatFor(name, known);
      if (typeof seat === 'string') names.push(seat);
      else problems.push(seat.problem);
      continue;
    }
    names.push(name);
    const count = known.counts.get(normName(name)) ?? 0;
    if (count > 1) problems.push(`“${name}” names more than one stakeholder`);
    else if (count === 0 && !known.fileNames.has(normName(name))) {
      problems.push(`no stakeholder is called “${name}”`);
    }
  }
  return { names, problems };
}
