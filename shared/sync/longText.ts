import { entityObjects, type EntityName } from '../model/registry';

/** A text field allowing at least this many characters counts as "long text" (notes, scope...). */
export const LONG_TEXT_MIN_MAX_LENGTH = 1_000;

/** Reads a zod schema's definition without depending on zod's internal class types. */
interface SchemaLike {
  def?: { type?: string; innerType?: unknown };
  maxLength?: number | null;
}

/** Unwraps default/nullable/optional wrappers down to the base schema. */
function baseOf(schema: unknown): SchemaLike | undefined {
  let current = schema as SchemaLike | undefined;
  for (let i = 0; i < 8 && current?.def; i++) {
    const { type, innerType } = current.def;
    if (type === 'default' || type === 'nullable' || type === 'optional' || type === 'prefault') {
      current = innerType as SchemaLike | undefined;
    } else break;
  }
  return current;
}

const cache = new Map<string, ReadonlySet<string>>();

/**
 * The long text fields of an entity: string fields whose schema allows at least
 * {@link LONG_TEXT_MIN_MAX_LENGTH} characters (note body, engagement scope, risk descriptions...).
 * Concurrent edits of these keep the losing value as a conflict; short fields are plain
 * last-writer-wins (a status or a title is re-typed faster than reviewed).
 */
export function longTextFields(entity: string): ReadonlySet<string> {
  const known = cache.get(entity);
  if (known) return known;
  const object = (entityObjects as Record<string, { shape: Record<string, unknown> }>)[entity];
  const fields = new Set<string>();
  if (object) {
    for (const [field, schema] of Object.entries(object.shape)) {
      const base = baseOf(schema);
      if (
        base?.def?.type === 'string' &&
        (base.maxLength ?? Infinity) >= LONG_TEXT_MIN_MAX_LENGTH
      ) {
        fields.add(field);
      }
    }
  }
  cache.set(entity, fields);
  return fields;
}

/** True when `field` of `entity` is a long text field. */
export function isLongTextField(entity: EntityName | string, field: string): boolean {
  return longTextFields(entity).has(field);
}
