import type { FieldChange } from '@shared/model/change';

/** Structural equality of stored values (primitives, null, arrays, plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) {
    if (!sameValue(ra[key], rb[key])) return false;
  }
  return true;
}

/**
 * The top-level fields whose values differ between two versions of a record, in the order of
 * the new record's keys (then fields only the old one had), skipping `ignore`.
 */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  ignore: ReadonlyArray<string>,
): FieldChange[] {
  const keys = new Set([...Object.keys(after), ...Object.keys(before)]);
  const changes: FieldChange[] = [];
  for (const field of keys) {
    if (ignore.includes(field)) continue;
    const old = before[field];
    const value = after[field];
    if (!sameValue(old, value)) changes.push({ field, old: old ?? null, new: value ?? null });
  }
  return changes;
}
