/** Words shorter than this are never corrected (too many near neighbours). */
export const MIN_CORRECTED_LENGTH = 5;

/** Words of this length or more may be two edits away; shorter ones one edit. */
const TWO_EDITS_FROM = 8;

/** How many edits a word of this length may be corrected by. */
export function allowedEdits(length: number): number {
  return length >= TWO_EDITS_FROM ? 2 : 1;
}

/**
 * The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
 * substitutions and swaps of two neighbouring letters each count one), or `max + 1` as soon as
 * it is known to exceed `max` (the work stops early).
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[n] ?? max + 1;
  return distance > max ? max + 1 : distance;
}

/**
 * The words of the indexed records with, for each, how many records hold it. Kept up to date
 * as records are added, replaced and removed; used to correct a mistyped query word.
 */
export class Vocabulary {
  private readonly counts = new Map<string, number>();

  /** How many distinct words are known. */
  get size(): number {
    return this.counts.size;
  }

  /** How many records hold `word` (0 when none). */
  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  /** Counts the distinct words of one record. */
  add(words: readonly string[]): void {
    for (const word of new Set(words)) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
  }

  /** Forgets one record's distinct words (the ones given to {@link add} for it). */
  remove(words: readonly string[]): void {
    for (const word of new Set(words)) {
      const count = this.counts.get(word) ?? 0;
      if (count <= 1) this.counts.delete(word);
      else this.counts.set(word, count - 1);
    }
  }

  /** Forgets every word. */
  clear(): void {
    this.counts.clear();
  }

  /**
   * The known word nearest to `word` within {@link allowedEdits} of its length (ties: the word
   * more records hold, then alphabetical order), or null. One pass over the words; only words
   * whose length is close enough are compared.
   */
  nearest(word: string): string | null {
    const max = allowedEdits(word.length);
    let best: string | null = null;
    let bestDistance = max + 1;
    let bestCount = 0;
    for (const [candidate, count] of this.counts) {
      if (Math.abs(candidate.length - word.length) > max) continue;
      const distance = editDistanceWithin(word, candidate, Math.min(max, bestDistance));
      if (distance > max) continue;
      const better =
        distance < bestDistance ||
        (distance === bestDistance &&
          (count > bestCount || (count === bestCount && best !== null && candidate < best)));
      if (!better) continue;
      best = candidate;
      bestDistance = distance;
      bestCount = count;
    }
    return best;
  }
}
