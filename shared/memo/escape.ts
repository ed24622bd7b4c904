/**
 * Escaping of user-typed text for the two memo formats. Nothing a user typed may change the
 * document's structure: not a heading, list, quote, table column, link, code span or HTML tag.
 */

/**
 * Characters removed from user text before rendering: C0 controls other than tab and newline,
 * DEL, and the explicit bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which could reorder the memo's own text around them ("Trojan Source").
 * Right-to-left letters themselves are kept.
 */
// eslint-disable-next-line no-control-regex
const STRIPPED = /[\u0000-\u0008\v\f\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** User text with the stripped characters removed and line ends normalised to \n. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(STRIPPED, '');
}

const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

/** A line without its trailing spaces and tabs (a loop: /[ \t]+$/ backtracks on long runs). */
export function trimEndBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && isBlank(line[end - 1])) end -= 1;
  return end === line.length ? line : line.slice(0, end);
}

/** A line without leading and trailing spaces and tabs. */
function trimBlanks(line: string): string {
  let start = 0;
  while (isBlank(line[start])) start += 1;
  return trimEndBlanks(line.slice(start));
}

/**
 * Text on one line: each line break, with the white space around it, becomes one space; the ends
 * are trimmed. (Split and trim: a pattern such as \s*\n\s* is quadratic on long runs of spaces.)
 */
export function joinLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/** Zero-width space: breaks GFM autolink literals without changing what a reader sees. */
const ZWSP = '\u200b';

/** The placeholder printed for an empty field. */
export const EMPTY = '—';

/**
 * Markdown punctuation escaped anywhere in a line: emphasis, code, links, HTML, table pipes,
 * strikethrough, headings' closing #, and Obsidian's ==highlight== and $math$.
 */
const MD_INLINE = /[\\`*_[\]<>|~#=$]/g;

/**
 * One line of user text as Markdown inline text: every character Markdown gives meaning to is
 * backslash-escaped, leading whitespace dropped (no indented code), a leading "1." or "1)"
 * cannot start a list. Pipes are escaped too, so the line is safe in a table cell.
 */
function escapeMarkdownLine(line: string): string {
  const trimmed = trimBlanks(line);
  const escaped = trimmed
    .replace(MD_INLINE, (c) => `\\${c}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/%%/g, '\\%\\%')
    // GFM autolinks are found after escapes are resolved, so a backslash cannot stop them: an
    // invisible zero-width space keeps a bare http(s)://, www. or e-mail address plain text
    .replace(/:\/\//g, `${ZWSP}://`)
    // (after any character: GFM also links "_www.x" and "*www.x")
    .replace(/(www)\./gi, `$1${ZWSP}.`)
    .replace(/@/g, `${ZWSP}@`);
  return escaped.replace(/^([-+])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * User text as inline Markdown on one line (table cells, headings, list items): line breaks
 * become spaces. Empty text gives the placeholder.
 */
export function mdInline(text: string | null | undefined): string {
  const clean = joinLines(cleanText(text ?? ''));
  return clean === '' ? EMPTY : escapeMarkdownLine(clean);
}

/**
 * User text as Markdown block lines: each line escaped, blank lines kept as paragraph breaks,
 * other line breaks kept as hard breaks (a trailing backslash). Returns the lines, so a caller
 * can prefix them (for example with "> " for a quote).
 */
export function mdBlockLines(text: string | null | undefined): string[] {
  const clean = cleanText(text ?? '').trim();
  if (clean === '') return [EMPTY];
  const paragraphs = clean.split(/\n[ \t]*\n\s*/);
  const out: string[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) out.push('');
    const lines = paragraph.split('\n').map(escapeMarkdownLine);
    lines.forEach((line, i) => out.push(i < lines.length - 1 ? `${line}\\` : line));
  });
  return out;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** User text as inline HTML (one line; empty gives the placeholder), cleaned and escaped. */
export function htmlInline(text: string | null | undefined): string {
  const clean = joinLines(cleanText(text ?? ''));
  return clean === '' ? EMPTY : escapeHtml(clean);
}

/** User text as HTML paragraphs (dir="auto" so right-to-left text lays out on its own). */
export function htmlBlock(text: string | null | undefined, className = 'text'): string {
  const clean = cleanText(text ?? '').trim();
  if (clean === '') return `<p class="${className} empty">${EMPTY}</p>`;
  return clean
    .split(/\n[ \t]*\n\s*/)
    .map(
      (p) =>
        `<p class="${className}" dir="auto">${p
          .split('\n')
          .map((line) => escapeHtml(line))
          .join('<br>')}</p>`,
    )
    .join('\n');
}
