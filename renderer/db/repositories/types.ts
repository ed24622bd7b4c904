import type { z } from 'zod';
import type { SystemField } from '@shared/model/base';
import type { EntityName, EntityRecord, entityObjects } from '@shared/model/registry';

/** What a caller supplies to create a record: every field but the system ones (defaults optional). */
export type CreateInput<N extends EntityName> = Omit<
  z.input<(typeof entityObjects)[N]>,
  SystemField
>;

/** The fields an update may change: not the system fields, not the engagement a record belongs to. */
export type RecordPatch<N extends EntityName> = Partial<
  Omit<EntityRecord<N>, SystemField | 'engagementId'>
>;

/**
 * A patch, or a function computing it inside the write's transaction from the current record
 * and the write's time (ISO; the record's new updatedAt).
 */
export type PatchOrUpdater<N extends EntityName> =
  RecordPatch<N> | ((current: EntityRecord<N>, at: string) => RecordPatch<N>);

/**
 * The writer of one entity. Every method runs in one transaction that also appends the change
 * record, and resolves to the record as stored.
 */
export interface Repository<N extends EntityName> {
  /** The entity this repository writes. */
  readonly entity: N;
  /**
   * Creates a record: fills id, createdAt, updatedAt and deletedAt (null), applies defaults,
   * validates. Throws ValidationError (also when the engagement does not exist or is deleted).
   */
  create(input: CreateInput<N>): Promise<EntityRecord<N>>;
  /**
   * Changes some fields (undefined values are ignored; system fields and engagementId cannot be
   * patched). Writes nothing and returns the record unchanged when no value really changes.
   * Throws RecordNotFoundError, DeletedRecordError or ValidationError.
   */
  update(id: string, patch: PatchOrUpdater<N>): Promise<EntityRecord<N>>;
  /** Sets the tombstone (deletedAt). A no-op on an already deleted record. Throws RecordNotFoundError. */
  softDelete(id: string): Promise<EntityRecord<N>>;
  /** Clears the tombstone. A no-op on a live record. Throws RecordNotFoundError or ValidationError. */
  restore(id: string): Promise<EntityRecord<N>>;
}
