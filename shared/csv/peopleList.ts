// People columns (responsible, consulted, informed, raised to) hold a list of stakeholder names.
// Names are separated by semicolons or new lines; a name that itself holds a semicolon, comma,
// quote or new line (or starts or ends with a space) is written in double quotes, with a quote
// inside doubled: Ada Obi; "Okafor, Amara"; "Lee ""the fixer"" Novak". Export writes exactly this
// form and import reads it back, so every name survives a round trip. Lists typed by hand with
// commas (Ada Obi, Lee Novak) are read too: see splitUnquotedItem.

/** One item of a people list, and whether it was written in quotes. */
export interface PeopleListItem {
  /** The name as written (quotes removed; unquoted items trimmed). */
  text: string;
  /** True when the item was quoted (it is one name, never split further). */
  quoted: boolean;
}

const needsQuotes = (name: string): boolean =>
  name === '' || name !== name.trim() || /[;,"\r\n]/.test(name);

/** A list of names as one people cell. */
export function formatPeopleList(names: readonly string[]): string {
  return names.map((n) => (needsQuotes(n) ? `"${n.replaceAll('"', '""')}"` : n)).join('; ');
}

/** Reads one quoted item starting at text[start] === '"'; returns its text and the end index. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += ch;
    i += 1;
  }
  return { value, end: i };
}

const isSeparator = (ch: string | undefined): boolean => ch === ';' || ch === '\n' || ch === '\r';

/** Splits a people cell into its items (one linear scan; empty items dropped). */
export function splitPeopleList(text: string): PeopleListItem[] {
  const items: PeopleListItem[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i += 1;
    if (text[i] === '"') {
      const { value, end } = readQuoted(text, i);
      // Text between the closing quote and the next separator belongs to the same item.
      let j = end;
      while (j < text.length && !isSeparator(text[j])) j += 1;
      const rest = text.slice(end, j).trim();
      items.push(
        rest === '' ? { text: value, quoted: true } : { text: value + rest, quoted: false },
      );
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < text.length && !isSeparator(text[j])) j += 1;
    const item = text.slice(i, j).trim();
    if (item !== '') items.push({ text: item, quoted: false });
    i = j + 1;
  }
  return items;
}

/**
 * The names of an unquoted item: the item itself when it is a known name (so "Okafor, Amara"
 * typed without quotes still works), otherwise its comma-separated parts.
 */
export function splitUnquotedItem(item: string, isKnown: (name: string) => boolean): string[] {
  if (!item.includes(',') || isKnown(item)) return [item];
  return item
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
}
