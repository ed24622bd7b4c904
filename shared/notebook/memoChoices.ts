/** An issued memo version as a choice for "this answer acknowledges memo …". */
export interface MemoChoiceSource {
  /** Memo id, for example NWL-M-2026-004. */
  memoId: string;
  /** The version. */
  version: number;
  /** When that version was issued (ISO, UTC). */
  issuedAt: string;
  /** The raised issues that are items of the version. */
  raisedIssueIds: readonly string[];
}

/** The issued memos split for a picker: those covering the issue first, then the others. */
export interface OrderedMemoChoices<T> {
  /** Versions that include the issue, newest first. */
  covering: T[];
  /** Every other issued version, newest first. */
  others: T[];
}

/** The value a picker holds for one memo version: "NWL-M-2026-004 v2". */
export function memoChoiceKey(choice: Pick<MemoChoiceSource, 'memoId' | 'version'>): string {
  return `${choice.memoId} v${choice.version}`;
}

/** Newest issued first; for one instant, the higher version first. */
function newestFirst(a: MemoChoiceSource, b: MemoChoiceSource): number {
  if (a.issuedAt !== b.issuedAt) return a.issuedAt < b.issuedAt ? 1 : -1;
  if (a.memoId !== b.memoId) return a.memoId < b.memoId ? 1 : -1;
  return b.version - a.version;
}

/**
 * Orders issued memo versions for the acknowledgement of `raisedIssueId`: the versions that
 * include the issue first, then every other one, each part newest first.
 */
export function orderMemoChoices<T extends MemoChoiceSource>(
  choices: readonly T[],
  raisedIssueId: string,
): OrderedMemoChoices<T> {
  const sorted = [...choices].sort(newestFirst);
  return {
    covering: sorted.filter((c) => c.raisedIssueIds.includes(raisedIssueId)),
    others: sorted.filter((c) => !c.raisedIssueIds.includes(raisedIssueId)),
  };
}

/** The memo id, version and fingerprint an acknowledgement names for a picker's value ('' for none). */
export function memoReferenceOf(
  key: string,
  choices: readonly (Pick<MemoChoiceSource, 'memoId' | 'version'> & { fingerprint?: string })[],
):
  | { memoId: string | null; memoVersion: number | null; memoFingerprint: string | null }
  | undefined {
  if (key === '') return { memoId: null, memoVersion: null, memoFingerprint: null };
  const chosen = choices.find((c) => memoChoiceKey(c) === key);
  return chosen
    ? {
        memoId: chosen.memoId,
        memoVersion: chosen.version,
        memoFingerprint: chosen.fingerprint ?? null,
      }
    : undefined;
}
