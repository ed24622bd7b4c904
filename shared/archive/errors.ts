/** Why an archive was refused. */
export type ArchiveErrorKind =
  | 'empty'
  | 'truncated'
  | 'invalid-json'
  | 'not-an-archive'
  | 'newer-version'
  | 'invalid-envelope'
  | 'invalid-record'
  | 'checksum'
  | 'too-large';

/** One problem found in an archive, located as precisely as possible. */
export interface ArchiveProblem {
  /** Where: "line 12", "risk #3 (id 0195…)", "change #40"; '' for the file as a whole. */
  where: string;
  /** The field, as a dotted path ("likelihood", "raci.accountableId"); absent for the whole item. */
  field?: string;
  /** What is wrong, worded to follow the field ("must be 1 to 5"). */
  message: string;
}

/** Reads a problem as one sentence: "risk #3 (id …): likelihood must be 1 to 5". */
export function describeProblem(problem: ArchiveProblem): string {
  const what = problem.field ? `${problem.field} ${problem.message}` : problem.message;
  return problem.where ? `${problem.where}: ${what}` : what;
}

/** An archive file was refused before anything was written. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';

  constructor(
    /** The file's name as the user picked it. */
    readonly fileName: string,
    /** Why it was refused. */
    readonly kind: ArchiveErrorKind,
    /** The problems found (at least one). */
    readonly problems: ArchiveProblem[],
  ) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
    super(
      `“${fileName}” was not imported: ${first ? describeProblem(first) : kind}${more}. ` +
        'Nothing was changed.',
    );
  }
}
