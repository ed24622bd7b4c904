import { z } from 'zod';
import type { SystemField } from './base';
import {
  choice,
  engagementScopedShape,
  idSchema,
  isoDateTimeSchema,
  optionalRef,
  optionalText,
  systemFieldMask,
} from './base';
import { MAX_ATTACHMENT_BYTES } from '../attachments/limits';

/** The records a file may be attached to (the engagement itself for an email dropped on it). */
export const attachmentTargetEntitySchema = choice([
  'raisedIssue',
  'acknowledgement',
  'note',
  'decision',
  'risk',
  'engagement',
]);
export type AttachmentTargetEntity = z.infer<typeof attachmentTargetEntitySchema>;

/** The record a file is attached to. */
export const attachmentTargetSchema = z.object({
  /** Which kind of record. */
  entity: attachmentTargetEntitySchema,
  /** Its id. */
  id: idSchema,
});
export type AttachmentTarget = z.infer<typeof attachmentTargetSchema>;

/** A lower-case hex SHA-256. */
export const sha256HexSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');

/** The outcome of one DKIM signature's check (RFC 6376 result words). */
export const dkimSignatureResultSchema = z.object({
  /** The signing domain (d=). */
  domain: z.string().max(255),
  /** The selector (s=). */
  selector: z.string().max(255),
  /** pass, fail, neutral (not checkable: a bad tag, an unknown algorithm), temperror, permerror. */
  result: choice(['pass', 'fail', 'neutral', 'temperror', 'permerror', 'policy', 'none']),
  /** Whether the signing domain is the From address's domain or a parent of it (DMARC relaxed). */
  alignedWithFrom: z.boolean(),
  /** The verifier's words for a result other than pass, or ''. */
  comment: z.string().max(1000).default(''),
});
export type DkimSignatureResult = z.infer<typeof dkimSignatureResultSchema>;

/** A DNS TXT record used to check a signature, kept so the check can be repeated offline. */
export const dkimKeyRecordSchema = z.object({
  /** The record's name, for example "sel1._domainkey.acme.example". */
  name: z.string().max(600),
  /** The TXT value as it was published (the strings joined). */
  value: z.string().max(10_000),
});
export type DkimKeyRecord = z.infer<typeof dkimKeyRecordSchema>;

/**
 * What the DKIM check of an email found. `pending`: not checked yet (offline at import);
 * `unverifiable`: no raw headers to check (an Outlook .msg); `none`: no signature;
 * `unaligned`: a valid signature, but of a domain that is not the From address's.
 */
export const dkimCheckSchema = z.object({
  /** The overall status (pass when at least one signature aligned with From passed). */
  status: choice(['pass', 'fail', 'unaligned', 'none', 'pending', 'unverifiable', 'error']),
  /** When the check ran (UTC), or null while pending / unverifiable. */
  checkedAt: isoDateTimeSchema.nullable().default(null),
  /** One entry per DKIM-Signature header. */
  signatures: z.array(dkimSignatureResultSchema).max(50).default([]),
  /** The public-key records used, so the check can be repeated offline years later. */
  keyRecords: z.array(dkimKeyRecordSchema).max(50).default([]),
  /** A sentence for the person reading the record, for example why it failed. */
  summary: z.string().max(1000).default(''),
});
export type DkimCheck = z.infer<typeof dkimCheckSchema>;

/** What the app read from an email file it keeps as an attachment. */
export const emailFactsSchema = z.object({
  /** eml (MIME, raw headers) or msg (Outlook, headers only). */
  format: choice(['eml', 'msg']),
  /** The Subject header. */
  subject: z.string().max(2000).default(''),
  /** The From address (lower case). */
  from: z.string().max(320).default(''),
  /** To and Cc addresses (lower case). */
  to: z.array(z.string().max(320)).max(500).default([]),
  /** The Date header as UTC, or null when missing or unreadable. */
  sentAt: isoDateTimeSchema.nullable().default(null),
  /** The Message-ID header, or ''. */
  messageId: z.string().max(1000).default(''),
  /** The DKIM check. */
  dkim: dkimCheckSchema,
});
export type EmailFacts = z.infer<typeof emailFactsSchema>;

/**
 * A file attached to a record (plain object). The bytes live in the `attachmentBlobs` table keyed
 * by their SHA-256 (see shared/attachments/DESIGN.md); this record is the evidence about them.
 * Never changed once written, except the DKIM check of an email that was pending; superseded by
 * a newer attachment (`supersedes`) or soft-deleted like any record.
 */
export const attachmentObject = z.object({
  ...engagementScopedShape,
  /** The record the file is attached to. */
  target: attachmentTargetSchema,
  /** The file's name exactly as given (shown through displayFileName). */
  fileName: z.string().min(1, 'is required').max(1000, 'must be at most 1000 characters'),
  /** The media type as detected or given, for example "application/pdf". */
  mediaType: z.string().min(1).max(255).default('application/octet-stream'),
  /** Size in bytes, 1 to 100 MB. */
  size: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1 byte')
    .max(MAX_ATTACHMENT_BYTES, 'must be at most 100 MB'),
  /** SHA-256 of the bytes, computed by the repository from the bytes it stores. */
  sha256: sha256HexSchema,
  /** Who attached it (the consultant's name), or ''. */
  addedBy: z.string().max(200).default(''),
  /** When it was attached (UTC). */
  addedAt: isoDateTimeSchema,
  /** The attachment this one replaces (a corrected scan, a later copy), or null. */
  supersedes: optionalRef(),
  /** Text taken from the file for search (PDF text, an email's body, a text file), or ''. */
  searchText: optionalText(200_000),
  /** For an email file: what was read from it and its DKIM check; null otherwise. */
  email: emailFactsSchema.nullable().default(null),
});

/** A whole stored attachment. */
export const attachmentSchema = attachmentObject.superRefine((a, ctx) => {
  if (a.supersedes === a.id) {
    ctx.addIssue({ code: 'custom', path: ['supersedes'], message: 'cannot supersede itself' });
  }
});

export type Attachment = z.infer<typeof attachmentSchema>;

/** The fields a caller supplies to create an attachment record (the repository fills the rest). */
export type AttachmentInput = Omit<z.input<typeof attachmentObject>, SystemField>;

/** The create form's fields. */
export const attachmentInputObject = attachmentObject.omit(systemFieldMask);

/** The only field that may change on a stored attachment: the DKIM check of its email. */
export const ATTACHMENT_MUTABLE_FIELDS = ['email'] as const;
