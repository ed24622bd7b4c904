import { canonicalJson as canonical } from '../canonical/canonicalJson';
import { entityObjects } from '../model/registry';

/**
 * How concurrent edits of a list field merge (issue 12, item 8): an add-wins, observed-remove
 * set derived from each change's old and new values, so two devices that each add someone to a
 * Responsible list both keep their addition.
 *
 * Each edit of a list says what it added (in `new`, not in `old`) and what it removed (in `old`,
 * not in `new`). An element is in the merged list when the LATEST edit that touched it (by HLC,
 * then change id) added it. A removal therefore wins over every addition of that element it had
 * seen (a change's HLC is later than every change its device had applied when it was made) and
 * an addition it had not seen and that is later wins over it; additions of different elements
 * never touch each other. A create adds all it lists.
 *
 * Order: the elements of the latest edit's list that are present, in its order, then the other
 * present elements by their deciding addition (HLC, change id, position). When the edits form one
 * chain (each started from the previous one's value) the result is simply the latest value.
 *
 * The result depends only on the SET of edits: the same edits in any order, or twice, give the
 * same list on every device. Pure, no I/O; used by applyChanges, the snapshot writer and tests.
 */

/** How a field's value merges: as a whole (last writer wins), as a list, or key by key. */
export type MergeShape = 'value' | 'list' | { readonly [key: string]: MergeShape };

/** One edit of a field: its change's HLC and id, and the field's old and new value. */
export interface FieldEdit {
  /** HLC of the change. */
  hlc: string;
  /** Id of the change (ties of HLC). */
  id: string;
  /** The value the edit started from (null/undefined for a create). */
  old: unknown;
  /** The value the edit wrote. */
  new: unknown;
}

interface SchemaLike {
  def?: { type?: string; innerType?: unknown; shape?: Record<string, unknown>; in?: unknown };
}

function unwrap(schema: unknown): SchemaLike | undefined {
  let current = schema as SchemaLike | undefined;
  for (let i = 0; i < 8 && current?.def; i++) {
    const { type, innerType } = current.def;
    if (
      type === 'default' ||
      type === 'nullable' ||
      type === 'optional' ||
      type === 'prefault' ||
      type === 'readonly'
    ) {
      current = innerType as SchemaLike | undefined;
    } else if (type === 'pipe') current = current.def.in as SchemaLike | undefined;
    else break;
  }
  return current;
}

/** The merge shape of a zod schema: lists, objects holding lists, else 'value'. */
export function shapeOfSchema(schema: unknown): MergeShape {
  const base = unwrap(schema);
  if (base?.def?.type === 'array') return 'list';
  if (base?.def?.type === 'object' && base.def.shape) {
    const inner: Record<string, MergeShape> = {};
    let hasList = false;
    for (const [key, sub] of Object.entries(base.def.shape)) {
      inner[key] = shapeOfSchema(sub);
      if (inner[key] !== 'value') hasList = true;
    }
    return hasList ? inner : 'value';
  }
  return 'value';
}

const cache = new Map<string, ReadonlyMap<string, MergeShape>>();

/**
 * The fields of an entity that merge as lists (or objects holding lists, such as an area's
 * `raci`), from its zod schema; every other field is last-writer-wins as a whole.
 */
export function listFieldShapes(entity: string): ReadonlyMap<string, MergeShape> {
  const known = cache.get(entity);
  if (known) return known;
  const object = (entityObjects as Record<string, { shape: Record<string, unknown> }>)[entity];
  const fields = new Map<string, MergeShape>();
  for (const [field, schema] of Object.entries(object?.shape ?? {})) {
    const shape = shapeOfSchema(schema);
    if (shape !== 'value') fields.set(field, shape);
  }
  cache.set(entity, fields);
  return fields;
}

/** Later in the total order of changes: HLC, then change id. */
function after(a: FieldEdit, b: FieldEdit): boolean {
  return a.hlc > b.hlc || (a.hlc === b.hlc && a.id > b.id);
}

/** A stable key of a list element (ids are strings; links and evidence small objects). */
export function elementKey(value: unknown): string {
  if (typeof value === 'string') return `s${value}`;
  return `j${canonical(value)}`;
}

const asList = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

function sameKeys(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => elementKey(v) === elementKey(b[i]));
}

/** The latest edit of a list, and per element the latest edit touching it (with position). */
function touches(edits: readonly FieldEdit[]) {
  let latest: FieldEdit | undefined;
  const decider = new Map<
    string,
    { edit: FieldEdit; added: boolean; value: unknown; at: number }
  >();
  for (const edit of edits) {
    if (!latest || after(edit, latest)) latest = edit;
    const before = new Set(asList(edit.old).map(elementKey));
    const now = asList(edit.new);
    const nowKeys = new Set<string>();
    now.forEach((value, at) => {
      const key = elementKey(value);
      nowKeys.add(key);
      if (before.has(key)) return;
      const known = decider.get(key);
      if (!known || after(edit, known.edit)) decider.set(key, { edit, added: true, value, at });
    });
    for (const value of asList(edit.old)) {
      const key = elementKey(value);
      if (nowKeys.has(key)) continue;
      const known = decider.get(key);
      if (!known || after(edit, known.edit)) decider.set(key, { edit, added: false, value, at: 0 });
    }
  }
  return { latest, decider };
}

/** True when the edits, in order, form one chain (each started from the previous value). */
function isChain(sorted: readonly FieldEdit[]): boolean {
  for (let i = 1; i < sorted.length; i++) {
    if (!sameKeys(asList(sorted[i]?.old), asList(sorted[i - 1]?.new))) return false;
  }
  return true;
}

function mergeList(edits: readonly FieldEdit[]): unknown[] {
  const { latest, decider } = touches(edits);
  if (!latest) return [];
  const sorted = [...edits].sort((a, b) => (after(a, b) ? 1 : after(b, a) ? -1 : 0));
  const unique = new Map<string, unknown>();
  for (const value of asList(latest.new)) unique.set(elementKey(value), value);
  if (isChain(sorted) && asList(sorted[0]?.old).length === 0) return [...unique.values()];
  const result: unknown[] = [];
  for (const [key, value] of unique) if (decider.get(key)?.added !== false) result.push(value);
  const extras = [...decider]
    .filter(([key, d]) => d.added && !unique.has(key))
    .sort(([, a], [, b]) => (after(a.edit, b.edit) ? 1 : after(b.edit, a.edit) ? -1 : a.at - b.at));
  for (const [, d] of extras) result.push(d.value);
  return result;
}

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;

/**
 * The merged value of a field from every edit of it known (the create's included). `shape` from
 * {@link listFieldShapes}; for 'value' the latest edit's value (plain last-writer-wins).
 */
export function mergeFieldEdits(shape: MergeShape, edits: readonly FieldEdit[]): unknown {
  if (edits.length === 0) return undefined;
  if (shape === 'list') return mergeList(edits);
  let latest = edits[0] as FieldEdit;
  for (const edit of edits) if (after(edit, latest)) latest = edit;
  if (shape === 'value') return latest.new;
  if (latest.new === null || typeof latest.new !== 'object') return latest.new;
  const merged: Record<string, unknown> = { ...(latest.new as Record<string, unknown>) };
  for (const [key, sub] of Object.entries(shape)) {
    const projected = edits.map((e) => ({ ...e, old: field(e.old, key), new: field(e.new, key) }));
    if (sub === 'value') {
      // Last writer of this key among the edits that changed it (a create sets every key).
      const setting = projected.filter(
        (e) => e.old === undefined || canonical(e.old) !== canonical(e.new),
      );
      const winner = mergeFieldEdits('value', setting.length > 0 ? setting : projected);
      merged[key] = winner;
    } else merged[key] = mergeFieldEdits(sub, projected);
  }
  return merged;
}

/**
 * The edits that still decide a merged field: the latest one, and for a list the latest edit
 * touching each element (recursively for objects). A snapshot that keeps these gives a joining
 * device the same merged value as the whole history.
 */
export function decidingEdits<E extends FieldEdit>(shape: MergeShape, edits: readonly E[]): Set<E> {
  const kept = new Set<E>();
  let latest: E | undefined;
  for (const edit of edits) if (!latest || after(edit, latest)) latest = edit;
  if (latest) kept.add(latest);
  if (shape === 'value') return kept;
  if (shape === 'list') {
    for (const d of touches(edits).decider.values()) kept.add(d.edit as E);
    return kept;
  }
  for (const [key, sub] of Object.entries(shape)) {
    const projected = edits.map((e) => ({
      edit: e,
      old: field(e.old, key),
      new: field(e.new, key),
    }));
    const views = projected.map((p) => ({ ...p.edit, old: p.old, new: p.new, origin: p.edit }));
    const sets =
      sub === 'value'
        ? views.filter((e) => e.old === undefined || canonical(e.old) !== canonical(e.new))
        : views;
    for (const e of decidingEdits(sub, sets)) kept.add(e.origin);
  }
  return kept;
}

/**
 * True when a value has the form its merge shape needs (a list is an array; an object holding
 * lists is an object whose list keys are arrays). A change whose value does not is refused
 * before any merge: read as an empty list it would silently remove every element.
 */
export function fitsShape(shape: MergeShape, value: unknown): boolean {
  if (shape === 'value') return true;
  if (shape === 'list') return Array.isArray(value);
  // An absent object (an attachment's `email` is null for a file that is not an email) merges
  // as itself; where the schema requires the object, validation refuses the record.
  if (value === null || value === undefined) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.entries(shape).every(([key, sub]) =>
    fitsShape(sub, (value as Record<string, unknown>)[key]),
  );
}
