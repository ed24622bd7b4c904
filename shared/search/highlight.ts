/** A piece of text, marked when it matches a searched word. */
export interface TextSegment {
  /** The text of the piece, exactly as in the source (never HTML). */
  text: string;
  /** True when the piece is one of the matched words. */
  match: boolean;
}

/** Escapes a string for use inside a RegExp. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The matcher of a set of words (longest first, case-insensitive), or null for none. */
function matcherOf(terms: readonly string[]): RegExp | null {
  const words = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  if (words.length === 0) return null;
  return new RegExp(`(${words.map(escapeRegExp).join('|')})`, 'giu');
}

/**
 * Splits `text` into plain and matching pieces, matching any of `terms` (words as found in
 * the text, as the search index reports them) case-insensitively anywhere in a word, so a prefix
 * search highlights the typed part. The pieces join back to exactly `text`: render them as
 * text nodes (a hostile `<script>` stays text).
 */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  const matcher = matcherOf(terms);
  if (!matcher || text === '') return text === '' ? [] : [{ text, match: false }];
  const out: TextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(matcher)) {
    const start = m.index;
    if (m[0].length === 0) continue;
    if (start > last) out.push({ text: text.slice(last, start), match: false });
    out.push({ text: m[0], match: true });
    last = start + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}

/**
 * A window of at most `maxLength` characters of `text` around its first match (whitespace
 * collapsed, ellipses where cut), or its start when nothing matches.
 */
export function snippetAround(text: string, terms: readonly string[], maxLength = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const matcher = matcherOf(terms);
  const first = matcher ? flat.search(matcher) : -1;
  const start = Math.max(0, Math.min(first - Math.floor(maxLength / 3), flat.length - maxLength));
  const cut = flat.slice(start, start + maxLength);
  return `${start > 0 ? '…' : ''}${cut}${start + maxLength < flat.length ? '…' : ''}`;
}
