// Request and response schemas of the memo.* and clipboard.* IPC channels (see shared/ipc/contract.ts).
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../attachments/limits';
import { signedManifestSchema, unsignedManifestSchema } from './signedManifest';

/** A default file name: letters, digits, dot, dash, underscore; no folder. */
const fileNameSchema = (extension: 'md' | 'pdf' | 'zip') =>
  z
    .string()
    .min(1)
    .max(120)
    .regex(/^[A-Z0-9][\w.-]*$/i, 'must be a plain file name')
    .refine((name) => name.toLowerCase().endsWith(`.${extension}`), `must end with .${extension}`);

/** Request of memo.sign: the manifest of a memo being issued (main adds the device, signs). */
export const memoSignRequestSchema = z.strictObject({
  /** The manifest without the device. */
  manifest: unsignedManifestSchema,
});

/** Response of memo.sign. */
export const memoSignResponseSchema = signedManifestSchema;

/** Request of memo.exportPdf. */
export const memoExportPdfRequestSchema = z.strictObject({
  /** The standalone print HTML of the memo (renderMemoHtml). */
  html: z.string().min(1).max(40_000_000),
  /** A4 or Letter. */
  pageSize: z.enum(['A4', 'Letter']),
  /** The proposed file name, for example NWL-M-2026-004-v1.pdf. */
  suggestedName: fileNameSchema('pdf'),
  /** What the header and footer of every page print. */
  footer: z.strictObject({
    /** Memo id. */
    memoId: z.string().min(1).max(100),
    /** Version. */
    version: z.number().int().min(1),
    /** Content fingerprint. */
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    /** Header text (the client). */
    headerText: z.string().max(300),
  }),
  /** The issued memo's signed manifest: main signs the export and puts both in the PDF. */
  signed: signedManifestSchema.optional(),
});

/** Request of memo.exportMarkdown. */
export const memoExportMarkdownRequestSchema = z.strictObject({
  /** The Markdown, written as UTF-8 exactly as given. */
  markdown: z.string().min(1).max(40_000_000),
  /** The proposed file name, for example NWL-M-2026-004-v1.md. */
  suggestedName: fileNameSchema('md'),
});

/** Response of both exports. */
export const memoExportResponseSchema = z.strictObject({
  /** False when the user cancelled the save dialog. */
  saved: z.boolean(),
  /** The saved file's name (no folder), or null. */
  fileName: z.string().nullable(),
  /** SHA-256 hex of the bytes written, or null. */
  sha256: z.string().nullable(),
  /** Size written, in bytes (0 when cancelled). */
  bytes: z.number().int().min(0),
});

/** Request of memo.verifyFile: nothing (the user picks the file). */
export const memoVerifyFileRequestSchema = z.strictObject({});

/** Request of memo.preparePdf: nothing (the composer opened; a PDF export may follow). */
export const memoPreparePdfRequestSchema = z.strictObject({});

/** Response of memo.preparePdf. */
export const memoPreparePdfResponseSchema = z.strictObject({
  /** True when a printer exists and its print surface is ready. */
  ready: z.boolean(),
});

/** A signature entry as read from a file (not yet checked: any text). */
const looseSigned = z.strictObject({ text: z.string(), signature: z.string() });

/** Base64 of at most one attachment's bytes. */
const base64Bytes = z
  .string()
  .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, 'must be at most 100 MB')
  .regex(/^[a-z0-9+/]*={0,2}$/i, 'must be base64');

/** Request of memo.exportExhibits: the memo and the bytes of the files it cites. */
export const memoExportExhibitsRequestSchema = z.strictObject({
  /** The proposed zip name, for example NWL-M-2026-004-v1-exhibits.zip. */
  suggestedName: fileNameSchema('zip'),
  /** The memo, as Markdown (its issued text) or as a PDF to print (as memo.exportPdf). */
  memo: z.discriminatedUnion('format', [
    z.strictObject({
      format: z.literal('markdown'),
      markdown: z.string().min(1).max(40_000_000),
      fileName: z.string().min(1).max(120),
    }),
    memoExportPdfRequestSchema.omit({ suggestedName: true }).extend({
      format: z.literal('pdf'),
      fileName: z.string().min(1).max(120),
    }),
  ]),
  /** The exhibits: ref, file name as stored, SHA-256 and the bytes (base64). */
  exhibits: z
    .array(
      z.strictObject({
        ref: z.string().min(1).max(20),
        name: z.string().min(1).max(1000),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        data: base64Bytes,
      }),
    )
    .max(1000),
});

/** Response of memo.exportExhibits. */
export const memoExportExhibitsResponseSchema = memoExportResponseSchema;

/** Response of memo.verifyFile. */
export const memoVerifyFileResponseSchema = z.strictObject({
  /** False when the user cancelled. */
  picked: z.boolean(),
  /** The picked file as verification needs it, or null. */
  file: z
    .strictObject({
      /** File name (no folder). */
      fileName: z.string(),
      /** markdown, pdf or other. */
      kind: z.enum(['markdown', 'pdf', 'other']),
      /** SHA-256 hex of the bytes. */
      sha256: z.string(),
      /** Text of a Markdown file, else null. */
      text: z.string().nullable(),
      /** Title of a PDF, else null. */
      pdfTitle: z.string().nullable(),
      /** A PDF's signature entries and what main recomputed from its bytes, else null. */
      pdfSigned: z
        .strictObject({
          entries: z.strictObject({ manifest: looseSigned, pdfExport: looseSigned }),
          prefixSha256: z.string().nullable(),
          tailIntact: z.boolean(),
        })
        .nullable(),
    })
    .nullable(),
});

/** Request of clipboard.writeText. */
export const clipboardWriteRequestSchema = z.strictObject({
  /** Plain text to put on the clipboard. */
  text: z.string().max(200_000),
});

/** Response of clipboard.writeText. */
export const clipboardWriteResponseSchema = z.strictObject({
  /** True once written. */
  written: z.boolean(),
});
