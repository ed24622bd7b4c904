import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, refList } from './base';
import { memoCompositionSchema } from './memo';

/**
 * The Dexie table of memo drafts (migration 006). Not an entity of the registry: a draft is
 * this device's work in progress, so it has no change log, is not synced, not archived and not
 * fingerprinted. It becomes a record only when issued (a `memos` row, see ./memo.ts).
 */
export const MEMO_DRAFTS_TABLE = 'memoDrafts';

const composition = memoCompositionSchema.shape;

/**
 * A memo being composed (plain object): every choice of the Memos tab's composer, autosaved as
 * the consultant types. Text fields are kept as typed ('' = the default wording).
 */
export const memoDraftSchema = z.object({
  /** Stable id (UUIDv7) of the draft, kept across saves. */
  id: idSchema,
  /** The engagement the memo is for. */
  engagementId: idSchema,
  /** When the draft was first saved (UTC). */
  createdAt: isoDateTimeSchema,
  /** When the draft was last saved (UTC); the most recent draft is the one restored. */
  updatedAt: isoDateTimeSchema,
  /** The issued memo record (id) this draft re-issues as a new version; null for a new memo. */
  reissueOfId: idSchema.nullable().default(null),
  /** The memo date chosen (YYYY-MM-DD), or null: the memo is dated the day it is issued. */
  date: isoDateSchema.nullable().default(null),
  /** The subject as typed ('' = the default subject). */
  subject: z.string({ error: 'must be text' }).max(300, 'must be at most 300 characters'),
  /** Decision makers the memo is addressed to (stakeholder ids). */
  recipientIds: refList(),
  /** Stakeholders in copy. */
  ccIds: refList(),
  /** selected, open or sinceLastMemo. */
  scopeKind: composition.scopeKind,
  /** The issues picked (kept even while another scope is chosen). */
  selectedIssueIds: composition.selectedIssueIds,
  /** Whether internal-only issues are left out. */
  excludeInternal: composition.excludeInternal,
  /** Purpose paragraph as typed ('' = default). */
  purpose: composition.purpose,
  /** Limits paragraph as typed ('' = default). */
  limits: composition.limits,
  /** Responsibility paragraph as typed ('' = the engagement's wording, else the standard one). */
  responsibility: composition.responsibility,
  /** Distribution paragraph as typed ('' = default). */
  distribution: composition.distribution,
});

/** A stored memo draft. */
export type MemoDraftRecord = z.infer<typeof memoDraftSchema>;

/** What the composer saves: the draft without its timestamps (the repository stamps them). */
export type MemoDraftInput = Omit<z.input<typeof memoDraftSchema>, 'createdAt' | 'updatedAt'>;
