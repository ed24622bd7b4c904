import type { EntityName } from '@shared/model/registry';

/** One problem with one field of a record. */
export interface FieldIssue {
  /** The field, as a dotted path ("client", "raci.accountableId", "evidence.0.text"); '' for the record. */
  field: string;
  /** What is wrong, worded to follow the field name ("is required", "must be 1 to 5"). */
  message: string;
}

/** What a ValidationError is about: an entity, or a device-local kind of record (memo drafts). */
export type ValidatedKind = EntityName | 'memoDraft';

/** A write was refused because the resulting record would not be valid. Nothing was written. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  /** Every problem found, one per field (a field may appear more than once). */
  readonly issues: FieldIssue[];
  /** The entity (or local record kind) being written. */
  readonly entity: ValidatedKind;

  constructor(entity: ValidatedKind, issues: FieldIssue[]) {
    super(
      issues.map((i) => (i.field === '' ? i.message : `${i.field} ${i.message}`)).join('; ') ||
        `invalid ${entity}`,
    );
    this.entity = entity;
    this.issues = issues;
  }

  /** The first message for a field, if any (handy for forms). */
  messageFor(field: string): string | undefined {
    return this.issues.find((i) => i.field === field)?.message;
  }
}

/**
 * The record to write does not exist. (Not called NotFoundError: Dexie would mistake that
 * name for the IndexedDB error and wrap it.)
 */
export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError';
  constructor(
    readonly entity: EntityName,
    readonly id: string,
  ) {
    super(`${entity} ${id} does not exist`);
  }
}

/** The record is deleted (tombstoned): restore it before changing it. */
export class DeletedRecordError extends Error {
  override readonly name = 'DeletedRecordError';
  constructor(
    readonly entity: EntityName,
    readonly id: string,
  ) {
    super(`${entity} ${id} is deleted; restore it before changing it`);
  }
}

/** True for IndexedDB's "disk full" error, however Dexie wrapped it. */
export function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth += 1) {
    const name = (current as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return true;
    const inner = (current as { inner?: unknown; cause?: unknown }).inner;
    current = inner ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
