import { MEMO_MUTABLE_FIELDS } from '../model/memo';

/**
 * THE freeze rule of an issued memo (issue 12, item 5), used by every path that writes one:
 * the memo repository (a local edit), the sync and the archive merge (applyChanges) and the
 * archive copy (importArchive). An issued memo is a snapshot someone may later hold up against
 * the consultant; after issue only these may happen to it:
 * - `status` issued → superseded, never back;
 * - `supersededBy` set once (null → a version), never changed after;
 * - `exports` grows: the earlier exports stay, in order, as they were;
 * - nothing else changes, and it is never deleted (a later version supersedes it).
 * The rule reads only each field's old and new value, so every device decides the same way
 * about the same change, whatever it holds (convergence).
 */

/** One field's change as the rule sees it. */
export interface FrozenFieldEdit {
  /** The memo field. */
  field: string;
  /** Its value before. */
  old: unknown;
  /** Its value after. */
  new: unknown;
}

/** Why an edit is refused. */
export interface FreezeIssue {
  /** The field. */
  field: string;
  /** What is wrong, in words that follow the field name. */
  message: string;
}

const MUTABLE: ReadonlySet<string> = new Set(MEMO_MUTABLE_FIELDS);

/** Structural equality of JSON values (key order ignored). */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

function fieldIssue(edit: FrozenFieldEdit): string | null {
  const { field, old, new: next } = edit;
  if (same(old, next)) return null;
  if (field === 'deletedAt') {
    return next === null
      ? null
      : 'an issued memo cannot be deleted: supersede it with a new version';
  }
  if (!MUTABLE.has(field)) return 'cannot change on an issued memo: issue a new version instead';
  if (field === 'status' && !(old === 'issued' && next === 'superseded')) {
    return 'can only go from issued to superseded';
  }
  if (field === 'supersededBy' && old !== null && old !== undefined)
    return 'cannot change once set';
  if (field === 'exports') {
    const before = Array.isArray(old) ? old : [];
    const after = Array.isArray(next) ? next : [];
    if (after.length < before.length || !before.every((e, i) => same(e, after[i]))) {
      return 'may only grow: earlier exports are kept';
    }
  }
  return null;
}

/** What is wrong with these edits of an issued memo (empty: allowed). */
export function memoFreezeIssues(edits: readonly FrozenFieldEdit[]): FreezeIssue[] {
  const issues: FreezeIssue[] = [];
  for (const edit of edits) {
    const message = fieldIssue(edit);
    if (message !== null) issues.push({ field: edit.field, message });
  }
  return issues;
}

/**
 * Whether an incoming change of a memo is refused: any update that breaks the rule, and a
 * create of a memo that already exists here (a second "issue" would overwrite the first).
 */
export function refusedMemoChange(
  change: { op: string; changes: readonly FrozenFieldEdit[] },
  memoExists: boolean,
): string | null {
  if (change.op === 'create') {
    return memoExists ? 'a memo that is already issued cannot be issued again' : null;
  }
  const issues = memoFreezeIssues(change.changes);
  return issues.length === 0
    ? null
    : issues.map((i) => `issued memo: ${i.field} ${i.message}`).join('; ');
}
