/**
 * A line diff of two texts for the side-by-side view of a conflict: which lines only one side
 * has. Common leading and trailing lines are matched first; the middle by a longest common
 * subsequence of lines, whose table is bounded (past {@link MAX_CELLS} cells the middle is
 * shown as replaced whole), so a 20 MB note cannot freeze the window. No regular expressions.
 */

/** One line of one side. */
export interface DiffLine {
  /** The line's text. */
  text: string;
  /** same: on both sides; changed: only on this side. */
  kind: 'same' | 'changed';
}

/** Both sides, line by line. */
export interface TextDiff {
  left: DiffLine[];
  right: DiffLine[];
}

/** Largest LCS table (lines × lines) computed. */
export const MAX_CELLS = 250_000;

/** The lines of a value shown in a conflict (text as is, anything else as JSON). */
export function linesOf(value: unknown): string[] {
  const text = typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? '');
  return text.split('\n');
}

/** Marks the lines each side has that the other does not. */
export function diffLines(leftText: unknown, rightText: unknown): TextDiff {
  const a = linesOf(leftText);
  const b = linesOf(rightText);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const keepA = new Array<boolean>(midA.length).fill(false);
  const keepB = new Array<boolean>(midB.length).fill(false);
  if (midA.length > 0 && midB.length > 0 && midA.length * midB.length <= MAX_CELLS) {
    matchCommon(midA, midB, keepA, keepB);
  }
  const side = (all: string[], end: number, keep: boolean[]): DiffLine[] =>
    all.map((text, i) => ({
      text,
      kind: i < start || i >= end || keep[i - start] === true ? 'same' : 'changed',
    }));
  return { left: side(a, endA, keepA), right: side(b, endB, keepB) };
}

/** Longest common subsequence of lines; marks the matched lines of both sides. */
function matchCommon(a: string[], b: string[], keepA: boolean[], keepB: boolean[]): void {
  const n = a.length;
  const m = b.length;
  // lengths[i][j] = LCS of a[i..] and b[j..], one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[at(i, j)] =
        a[i] === b[j]
          ? (lengths[at(i + 1, j + 1)] ?? 0) + 1
          : Math.max(lengths[at(i + 1, j)] ?? 0, lengths[at(i, j + 1)] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      keepA[i] = true;
      keepB[j] = true;
      i += 1;
      j += 1;
    } else if ((lengths[at(i + 1, j)] ?? 0) >= (lengths[at(i, j + 1)] ?? 0)) i += 1;
    else j += 1;
  }
}
