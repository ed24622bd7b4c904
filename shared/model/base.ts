import { z } from 'zod';
import { UUID_PATTERN } from '../ids';

/** A record id: a UUIDv7 string. */
export const idSchema = z
  .string({ error: (issue) => (issue.input == null ? 'is required' : 'must be a UUID') })
  .regex(UUID_PATTERN, 'must be a UUID');

/** An instant, stored as an ISO 8601 string in UTC (for example 2026-03-02T09:15:00.000Z). */
export const isoDateTimeSchema = z.iso.datetime({
  offset: false,
  message: 'must be an ISO date-time in UTC',
});

/** A calendar date without time, as YYYY-MM-DD. */
export const isoDateSchema = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

/** Reads well after a field name: "is required" when missing, "must be text" otherwise. */
function textTypeError(issue: { input: unknown }): string {
  return issue.input === undefined || issue.input === null ? 'is required' : 'must be text';
}

/** A required short text: trimmed, at least one character. */
export const requiredText = (max = 300) =>
  z
    .string({ error: textTypeError })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`);

/** An optional text: may be empty; long texts (findings, notes) allow more. */
export const optionalText = (max = 20_000) =>
  z.string({ error: 'must be text' }).max(max, `must be at most ${max} characters`).default('');

/** A score on a 1 to 5 scale (likelihood, impact, influence, interest). */
export const scale5 = z
  .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be 1 to 5') })
  .int('must be a whole number')
  .min(1, 'must be 1 to 5')
  .max(5, 'must be 1 to 5');

/** Fields every stored record carries. */
export const baseRecordShape = {
  /** Stable id, a UUIDv7; never changes, never reused. */
  id: idSchema,
  /** When the record was first created (UTC). */
  createdAt: isoDateTimeSchema,
  /** When the record was last written (UTC); stamped by the repository on every write. */
  updatedAt: isoDateTimeSchema,
  /** Soft-delete tombstone: when set, the record is deleted but kept for sync and history. */
  deletedAt: isoDateTimeSchema.nullable().default(null),
};

/** Fields of a record that belongs to one engagement. */
export const engagementScopedShape = {
  ...baseRecordShape,
  /** The engagement this record belongs to. */
  engagementId: idSchema,
};

/** The fields a repository stamps itself; callers never supply them on create. */
export type SystemField = 'id' | 'createdAt' | 'updatedAt' | 'deletedAt';

/** Pass to `.omit()` on an entity's plain object to get the fields a caller supplies on create. */
export const systemFieldMask = {
  id: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
} as const;

/** A closed set of choices, with a message that reads well after the field name. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of: ${values.join(', ')}` });

/** An optional reference to another record: its id, or null. */
export const optionalRef = () => idSchema.nullable().default(null);

/** References to other records: a list of ids without duplicates (empty by default). */
export const refList = () =>
  z
    .array(idSchema, { error: 'must be a list of ids' })
    .refine((ids) => new Set(ids).size === ids.length, 'must not list the same record twice')
    .default([]);

/** An optional calendar date (YYYY-MM-DD) or null. */
export const optionalDate = () => isoDateSchema.nullable().default(null);

/** A boolean flag (false by default). */
export const flag = () => z.boolean({ error: 'must be true or false' }).default(false);
