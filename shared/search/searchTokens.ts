/** Longer words are cut to this many characters (bounds the prefixes indexed per word). */
export const MAX_WORD_LENGTH = 32;

/** What separates words: anything but letters (with their marks) and digits. */
const SEPARATOR = /[^\p{L}\p{M}\p{N}]+/u;

/** Latin combining accents, dropped so that "cafe" finds "café". */
const ACCENTS = /[\u0300-\u036f]/g;

/**
 * The words of a text as the index holds them: accents removed, lower case, split on anything
 * but letters and digits, each cut to {@link MAX_WORD_LENGTH}. Used for both records and queries,
 * so both sides always agree.
 */
export function searchTokens(text: string): string[] {
  const out: string[] = [];
  if (text === '') return out;
  const words = text.normalize('NFKD').replace(ACCENTS, '').toLowerCase().split(SEPARATOR);
  for (const word of words) {
    if (word === '') continue;
    out.push(word.length > MAX_WORD_LENGTH ? word.slice(0, MAX_WORD_LENGTH) : word);
  }
  return out;
}

/** Escapes a string for use inside a RegExp. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Finds, in raw text, whole words that start with one of some query words. */
export interface WordMatcher {
  /** The distinct words of `text` (as written there) starting with a query word. */
  wordsIn(text: string): string[];
}

/** At most this many distinct matched words are reported per text (enough to highlight). */
const MAX_MATCHED_WORDS = 32;

/**
 * A matcher of the words that start with one of `tokens` (query words from {@link searchTokens}),
 * case-insensitively: what a prefix search matched in a record, for highlighting whole words.
 */
export function wordMatcher(tokens: readonly string[]): WordMatcher {
  const alternatives = [...new Set(tokens)]
    .filter((t) => t !== '')
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  if (alternatives.length === 0) return { wordsIn: () => [] };
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives.join('|')})[\\p{L}\\p{M}\\p{N}]*`,
    'giu',
  );
  return {
    wordsIn(text: string): string[] {
      const found = new Set<string>();
      for (const match of text.matchAll(pattern)) {
        found.add(match[0]);
        if (found.size >= MAX_MATCHED_WORDS) break;
      }
      return [...found];
    },
  };
}
