import { z } from 'zod';
import type { SystemField } from './base';
import { isValidTimeZone } from '../time/display';
import { signatureB64 } from '../memo/signedManifest';
import { LOGO_MAX_DATA_URL, isAcceptableLogo } from '../memo/logo';
import {
  choice,
  engagementScopedShape,
  flag,
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  refList,
  requiredText,
  systemFieldMask,
} from './base';

/** Where an issued memo stands: the current version, or replaced by a later one. */
export const memoStatusSchema = choice(['issued', 'superseded']);
export type MemoStatus = z.infer<typeof memoStatusSchema>;

/** Which issues a memo covered. */
export const memoScopeKindSchema = choice(['selected', 'open', 'sinceLastMemo']);
export type MemoScopeKind = z.infer<typeof memoScopeKindSchema>;

/** A long text kept verbatim (the frozen content of a memo). */
const frozenText = z.string({ error: 'must be text' }).max(20_000_000, 'is too long');

/** The wording and choices the memo was composed with. */
export const memoCompositionSchema = z.object({
  /** The memo's date (YYYY-MM-DD). */
  date: isoDateSchema,
  /** selected, open or sinceLastMemo. */
  scopeKind: memoScopeKindSchema,
  /** The issues picked (scope "selected"), else empty. */
  selectedIssueIds: refList(),
  /** Whether internal-only issues were left out. */
  excludeInternal: flag(),
  /** Purpose paragraph as edited ('' = default wording). */
  purpose: z.string().max(20_000).default(''),
  /** Limits paragraph as edited. */
  limits: z.string().max(20_000).default(''),
  /** Responsibility paragraph as edited. */
  responsibility: z.string().max(20_000).default(''),
  /** Distribution paragraph as edited. */
  distribution: z.string().max(20_000).default(''),
});
export type MemoComposition = z.infer<typeof memoCompositionSchema>;

/** One file exported from an issued memo (its bytes' hash lets Verify recognise it). */
export const memoExportSchema = z.object({
  /** markdown or pdf. */
  format: choice(['markdown', 'pdf']),
  /** SHA-256 hex of the file's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'),
  /** A4 or Letter for a PDF, else null. */
  pageSize: z.string().max(20).nullable().default(null),
  /** When it was exported (UTC). */
  at: isoDateTimeSchema,
});
export type MemoExport = z.infer<typeof memoExportSchema>;

/** The records an issued memo cites (ids), frozen with it. */
export const citedRecordsSchema = z.object({
  /** Raised issues. */
  raisedIssueIds: z.array(idSchema),
  /** Acknowledgements. */
  acknowledgementIds: z.array(idSchema),
  /** Stakeholders. */
  stakeholderIds: z.array(idSchema),
  /** Risks. */
  riskIds: z.array(idSchema),
  /** Ownership areas. */
  ownershipAreaIds: z.array(idSchema),
});

/**
 * One issued version of a memo: an immutable snapshot (plain object). Only `status`,
 * `supersededBy` and `exports` may change after issue; the memo repository refuses the rest.
 */
export const memoObject = z.object({
  ...engagementScopedShape,
  /** The memo id, for example NWL-M-2026-004 (versions share it). */
  memoId: z.string().regex(/^[A-Z0-9]{2,8}-M-\d{4}-\d{3,}$/, 'must look like NWL-M-2026-004'),
  /** The version, 1 for the first issue. */
  version: z.number({ error: 'must be a whole number' }).int().min(1, 'must be 1 or more'),
  /** issued (current) or superseded. */
  status: memoStatusSchema.default('issued'),
  /** The version that replaced this one, or null. */
  supersededBy: z.number().int().min(2).nullable().default(null),
  /** When it was issued (UTC). */
  issuedAt: isoDateTimeSchema,
  /** The subject line. */
  subject: requiredText(300),
  /** Stakeholders it was addressed to. */
  recipientIds: z.array(idSchema).min(1, 'must name at least one recipient'),
  /** Stakeholders in copy. */
  ccIds: refList(),
  /** The composer's choices and wording. */
  composition: memoCompositionSchema,
  /**
   * Zone and date style the memo was rendered with at issue (not fingerprinted: the content
   * keeps ISO UTC instants). Absent on memos issued before zones existed: ISO days, UTC times.
   */
  display: z
    .object({
      timeZone: z.string().max(100).refine(isValidTimeZone, 'must be a time zone'),
      dateStyle: choice(['iso', 'long']),
    })
    .optional(),
  /**
   * The letterhead logo's data URL as issued (the content holds its SHA-256: a PDF export prints
   * it only when they match). Absent on memos without a logo.
   */
  logo: z
    .string()
    .max(LOGO_MAX_DATA_URL, 'must be at most 200 KB')
    .refine(isAcceptableLogo, 'must be a PNG or JPEG image up to 200 KB')
    .optional(),
  /** The canonical JSON of the memo content: the fingerprinted, frozen model. */
  content: frozenText,
  /** SHA-256 hex of `content`. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'),
  /** The Markdown export as issued, byte for byte. */
  markdown: frozenText,
  /** The records the memo cites. */
  cited: citedRecordsSchema,
  /** The raised issues that were items of the memo (for "items from earlier memos"). */
  itemIssueIds: z.array(idSchema),
  /** Files exported from this version. */
  exports: z.array(memoExportSchema).default([]),
  /**
   * The manifest signed at issue by the issuing device (shared/memo/signedManifest.ts): its exact
   * text and the Ed25519 signature (base64). Absent on memos issued before signing existed.
   */
  signed: z.object({ text: z.string().max(4_000_000), signature: signatureB64 }).optional(),
});

/** A whole stored memo, with its cross-field checks. */
export const memoSchema = memoObject.superRefine((m, ctx) => {
  if ((m.status === 'superseded') !== (m.supersededBy !== null)) {
    ctx.addIssue({
      code: 'custom',
      path: ['supersededBy'],
      message: 'is set exactly when the memo is superseded',
    });
  }
  if (m.supersededBy !== null && m.supersededBy <= m.version) {
    ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: 'must be a later version' });
  }
});

export type MemoRecord = z.infer<typeof memoSchema>;

/** The fields a caller supplies to create a memo record. */
export type MemoRecordInput = Omit<z.input<typeof memoObject>, SystemField>;

/** The create fields, without cross-field checks. */
export const memoInputObject = memoObject.omit(systemFieldMask);

/** The fields that may change after issue. */
export const MEMO_MUTABLE_FIELDS = ['status', 'supersededBy', 'exports'] as const;
