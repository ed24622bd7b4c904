import { z } from 'zod';
import { isoDateTimeSchema } from '../model/base';
import { dkimCheckSchema, dkimKeyRecordSchema } from '../model/attachment';
import { MAX_ATTACHMENT_BYTES } from '../attachments/limits';

/** Base64 of at most one attachment's bytes. */
const base64Bytes = z
  .string()
  .min(1, 'is required')
  .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, 'must be at most 100 MB')
  .regex(/^[a-z0-9+/]*={0,2}$/i, 'must be base64');

/** Request of email.checkDkim: the raw .eml and, for a re-check, what the first check kept. */
export const emailCheckDkimRequestSchema = z.strictObject({
  /** The email file's bytes, base64. */
  message: base64Bytes,
  /** Kept key records: answered instead of DNS (an offline re-check). */
  keyRecords: z.array(dkimKeyRecordSchema).max(50).optional(),
  /** The time to judge signature expiry at (a re-check passes the first check's time). */
  at: isoDateTimeSchema.optional(),
});

/** Response of email.checkDkim. */
export const emailCheckDkimResponseSchema = dkimCheckSchema;

/** Request of attachment.openWithSystem (the renderer asked the user first). */
export const attachmentOpenRequestSchema = z.strictObject({
  /** The attachment's file name as stored (cleaned by main before use). */
  fileName: z.string().min(1).max(1000),
  /** The bytes, base64. */
  bytes: base64Bytes,
});

/** Response of attachment.openWithSystem. */
export const attachmentOpenResponseSchema = z.strictObject({
  /** Whether the system accepted to open it. */
  opened: z.boolean(),
});
