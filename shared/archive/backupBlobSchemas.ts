import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../attachments/limits';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');

/** Request of backup.blob: which bytes the backups lack, store some, or read some back. */
export const backupBlobRequestSchema = z.discriminatedUnion('op', [
  z.strictObject({
    /** Of these SHA-256s, which the backups folder does not hold. */
    op: z.literal('missing'),
    sha256s: z.array(sha256).max(20_000),
  }),
  z.strictObject({
    /** Store bytes under their SHA-256 (main checks it). */
    op: z.literal('put'),
    sha256,
    /** The bytes, base64. */
    data: z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4),
  }),
  z.strictObject({
    /** Read bytes back (restoring a backup). */
    op: z.literal('get'),
    sha256,
  }),
]);

/** Response of backup.blob. */
export const backupBlobResponseSchema = z.strictObject({
  /** missing: the SHA-256s not held. */
  missing: z.array(sha256).optional(),
  /** put: stored now, or already present. */
  put: z.enum(['stored', 'present']).optional(),
  /** get: the bytes (base64), or null when not held (or no longer matching). */
  data: z
    .string()
    .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4)
    .nullable()
    .optional(),
  /** get: the file held under that name is not those bytes (changed, replaced or linked). */
  damaged: z.boolean().optional(),
});
