import { z } from 'zod';
import { HLC_PATTERN } from '../clock/hlc';
import { idSchema, isoDateTimeSchema } from './base';
import { entitySchemas, type EntityName } from './registry';

/** What a change did to its record. */
export const changeOpSchema = z.enum(['create', 'update', 'delete', 'restore']);
export type ChangeOp = z.infer<typeof changeOpSchema>;

/**
 * One field's change. Values are stored as they are in the record (strings, numbers, booleans,
 * null, arrays, plain objects), so the sync can apply last-writer-wins per field.
 */
export const fieldChangeSchema = z.object({
  /** The record field that changed, for example "status" (top-level field names only). */
  field: z.string().min(1),
  /** The value before the change; null on create (the record did not exist). */
  old: z.unknown(),
  /** The value after the change. */
  new: z.unknown(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** The fields never listed in `changes`: they are implied by recordId and the change's `at`. */
export const untrackedChangeFields = ['id', 'createdAt', 'updatedAt'] as const;

/** Every entity name, as a zod enum (kept in step with the registry). */
export const entityNameSchema = z.enum(Object.keys(entitySchemas) as [EntityName, ...EntityName[]]);

/**
 * One entry of the change log: a single write to a single record, made on one device.
 * The repositories append one in the same transaction as the write; the sync ships them;
 * the history screen lists them.
 */
export const changeRecordSchema = z.object({
  /** Id of the change itself (UUIDv7). */
  id: idSchema,
  /** Hybrid logical clock timestamp of the write: string order is causal order across devices. */
  hlc: z.string().regex(HLC_PATTERN, 'must be an HLC timestamp'),
  /** The device that made the write (its settings deviceId). */
  deviceId: idSchema,
  /** That device's name at the time, for the history screen (for example "Work laptop"). */
  deviceName: z.string().optional(),
  /** The consultant who made the write, as named in the settings at the time. */
  actor: z.string().optional(),
  /** Per-device sequence number: 1, 2, 3... without gaps; lets a peer see what it has missed. */
  seq: z.number().int().min(1),
  /** Which kind of record was written, for example "risk". */
  entity: entityNameSchema,
  /** The written record's id. */
  recordId: idSchema,
  /** The engagement the record belongs to; for an engagement record, its own id. */
  engagementId: idSchema,
  /** create, update, delete (tombstone set) or restore (tombstone cleared). */
  op: changeOpSchema,
  /**
   * The fields that really changed, with old and new values. On create: every field except the
   * system fields (id, createdAt, updatedAt, deletedAt), old null. On update: only the fields
   * whose value differs. On delete/restore: deletedAt (plus anything else that changed).
   */
  changes: z.array(fieldChangeSchema),
  /** Wall-clock time of the write (UTC); equals the record's new updatedAt. */
  at: isoDateTimeSchema,
});
export type ChangeRecord = z.infer<typeof changeRecordSchema>;
