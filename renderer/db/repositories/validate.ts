import { entitySchemas, type EntityName, type EntityRecord } from '@shared/model/registry';
import { ValidationError, type FieldIssue } from '../errors';

/** Reads the value at a path of nested objects/arrays (undefined when absent). */
function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Validates a whole record with the registry schema and returns the parsed record (defaults
 * applied, texts trimmed). Throws a ValidationError naming each bad field.
 */
export function validateRecord<N extends EntityName>(
  entity: N,
  candidate: unknown,
): EntityRecord<N> {
  const result = entitySchemas[entity].safeParse(candidate);
  if (result.success) return result.data as EntityRecord<N>;
  const issues: FieldIssue[] = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const missing = issue.code === 'invalid_type' && valueAt(candidate, issue.path) === undefined;
    return { field, message: missing ? 'is required' : issue.message };
  });
  throw new ValidationError(entity, issues);
}
