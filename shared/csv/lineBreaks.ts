/**
 * Row breaks as one kind. A file edited by hand or pasted together from two exports can end some
 * rows with CRLF and others with LF (or a lone CR); Papa Parse takes the first row's break for
 * the whole file, so a row ending in another break would be glued into its neighbour's last
 * cell. This turns every CRLF, CR and LF that stands OUTSIDE a quoted cell into LF, in one
 * linear pass, and leaves the text inside quoted cells exactly as it was (a cell's own CRLF is
 * its content). Line counts are unchanged: each break, of any kind, stays one break.
 *
 * Quotes are read as Papa Parse reads them: a quote opens a quoted cell only as the cell's first
 * character; inside, a doubled quote is a quote and a single one closes the cell; elsewhere (the
 * inch mark in `5" disk`) a quote is just a character.
 */
export function unquotedBreaksToLf(text: string, delimiter: string): string {
  if (!text.includes('\r')) return text;
  const sep = delimiter.charCodeAt(0);
  const parts: string[] = [];
  let from = 0;
  let quoted = false;
  let cellStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) i += 1;
        else quoted = false;
      }
    } else if (c === 34 && cellStart) {
      quoted = true;
      cellStart = false;
    } else if (c === 13) {
      parts.push(text.slice(from, i), '\n');
      if (text.charCodeAt(i + 1) === 10) i += 1;
      from = i + 1;
      cellStart = true;
    } else {
      cellStart = c === sep || c === 10;
    }
  }
  parts.push(text.slice(from));
  return parts.join('');
}
