// Request and response schemas of the file.* and backup.* IPC channels (see shared/ipc/contract.ts).
import { z } from 'zod';
import { idSchema } from '../model/base';
import { archiveSummarySchema } from './format';

/** What kind of file a dialog is for (decides its title filter). */
export const filePurposeSchema = z.enum(['archive', 'csv', 'calendar']);
export type FilePurpose = z.infer<typeof filePurposeSchema>;

/** An open file transfer's handle: 32 hex digits, never a path. */
export const fileTokenSchema = z.string().regex(/^[0-9a-f]{32}$/, 'must be a file token');

/** Request of file.openDialog: ask the user for one file to read. */
export const fileOpenDialogRequestSchema = z.strictObject({
  /** archive or csv. */
  purpose: filePurposeSchema,
  /** The dialog's title, for example "Import engagement". */
  title: z.string().min(1).max(200),
});

/** Response of file.openDialog: canceled, or a token to read the chosen file with. */
export const fileOpenDialogResponseSchema = z.discriminatedUnion('canceled', [
  z.strictObject({
    /** The user cancelled. */
    canceled: z.literal(true),
  }),
  z.strictObject({
    /** A file was chosen. */
    canceled: z.literal(false),
    /** Pass to file.read. */
    token: fileTokenSchema,
    /** The file's name (no folder). */
    name: z.string(),
    /** Its size in bytes. */
    size: z.number().int().min(0),
  }),
]);

/** Request of file.read: the next piece of an opened file, in order. */
export const fileReadRequestSchema = z.strictObject({
  /** From file.openDialog or backup.open. */
  token: fileTokenSchema,
  /** At most this many bytes (default 4 MiB). */
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 * 1024)
    .optional(),
  /** utf8 (text files, the default) or base64 (binary files: a zipped archive). */
  encoding: z.enum(['utf8', 'base64']).optional(),
  /** base64 only: the piece from this byte (a zip's directory at its end); the next piece stays. */
  at: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** Response of file.read. */
export const fileReadResponseSchema = z.strictObject({
  /** The next piece of the file's text (UTF-8 decoded; characters never split). */
  text: z.string(),
  /** Bytes read so far. */
  bytesRead: z.number().int().min(0),
  /** The file's size in bytes. */
  size: z.number().int().min(0),
  /** True after the last piece (the token is then closed). */
  done: z.boolean(),
});

/** Request of file.saveDialog: ask the user where to save. */
export const fileSaveDialogRequestSchema = z.strictObject({
  /** archive or csv. */
  purpose: filePurposeSchema,
  /** The dialog's title, for example "Export engagement". */
  title: z.string().min(1).max(200),
  /** The proposed file name. */
  defaultName: z.string().min(1).max(255),
});

/** Response of file.saveDialog: canceled, or a token to write the file with. */
export const fileSaveDialogResponseSchema = z.discriminatedUnion('canceled', [
  z.strictObject({
    /** The user cancelled. */
    canceled: z.literal(true),
  }),
  z.strictObject({
    /** A place was chosen. */
    canceled: z.literal(false),
    /** Pass to file.write. */
    token: fileTokenSchema,
    /** The chosen file's name (no folder). */
    name: z.string(),
  }),
]);

/** Request of file.write: the next piece of the file; `final` finishes it (atomically). */
export const fileWriteRequestSchema = z.strictObject({
  /** From file.saveDialog. */
  token: fileTokenSchema,
  /** The next piece of text. */
  text: z.string(),
  /** True for the last piece: the file is flushed and renamed into place. */
  final: z.boolean(),
  /** utf8 (the default) or base64 (the piece is binary, base64-encoded). */
  encoding: z.enum(['utf8', 'base64']).optional(),
});

/** Response of file.write. */
export const fileWriteResponseSchema = z.strictObject({
  /** Bytes written so far. */
  bytesWritten: z.number().int().min(0),
  /** True once the file is in place. */
  done: z.boolean(),
});

/** Request of file.close: abandon a transfer (a half-written file is removed). */
export const fileCloseRequestSchema = z.strictObject({
  /** The transfer. */
  token: fileTokenSchema,
});

/** Response of file.close. */
export const fileCloseResponseSchema = z.strictObject({
  /** Whether a transfer was open. */
  closed: z.boolean(),
});

/** One automatic backup. */
export const backupEntrySchema = z.strictObject({
  /** `<engagementId>/<YYYY-MM-DD>`. */
  id: z.string(),
  /** The backed-up engagement. */
  engagementId: z.string(),
  /** The day (UTC) the backup is for. */
  day: z.string(),
  /** When it was taken (UTC ISO). */
  takenAt: z.string(),
  /** Size in bytes. */
  size: z.number().int().min(0),
  /** The app version that wrote it. */
  appVersion: z.string().optional(),
  /** What it holds; absent when its summary file is missing. */
  summary: archiveSummarySchema.optional(),
});
export type BackupEntryInfo = z.infer<typeof backupEntrySchema>;

/** Request of backup.write: today's backup of one engagement. */
export const backupWriteRequestSchema = z.strictObject({
  /** The engagement. */
  engagementId: idSchema,
  /** The archive's text. */
  text: z.string().min(1),
  /** What it holds. */
  summary: archiveSummarySchema,
  /** The SHA-256s of the attachment bytes it needs (put with backup.blob, stored once). */
  blobs: z
    .array(z.string().regex(/^[0-9a-f]{64}$/))
    .max(20_000)
    .optional(),
});

/** Response of backup.write. */
export const backupWriteResponseSchema = z.strictObject({
  /** The backup written. */
  entry: backupEntrySchema,
  /** Ids of the backups the retention rules removed. */
  pruned: z.array(z.string()),
});

/** Request of backup.list: nothing. */
export const backupListRequestSchema = z.strictObject({});

/** Response of backup.list: every backup, newest first. */
export const backupListResponseSchema = z.strictObject({
  /** The backups. */
  backups: z.array(backupEntrySchema),
});

/** Request of backup.open: read a backup (then file.read with the token). */
export const backupOpenRequestSchema = z.strictObject({
  /** The backup's id. */
  id: z.string().min(1).max(100),
});

/** Response of backup.open. */
export const backupOpenResponseSchema = z.strictObject({
  /** Pass to file.read. */
  token: fileTokenSchema,
  /** The backup file's name. */
  name: z.string(),
  /** Its size in bytes. */
  size: z.number().int().min(0),
});
