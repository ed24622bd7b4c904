// Request and response schemas of the memo.* and clipboard.* IPC channels (see shared/ipc/contract.ts).
import { z } from 'zod';

/** A default file name: letters, digits, dot, dash, underscore; no folder. */
const fileNameSchema = (extension: 'md' | 'pdf') =>
  z
    .string()
    .min(1)
    .max(120)
    .regex(/^[A-Z0-9][\w.-]*$/i, 'must be a plain file name')
    .refine((name) => name.toLowerCase().endsWith(`.${extension}`), `must end with .${extension}`);

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
