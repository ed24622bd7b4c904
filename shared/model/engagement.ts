import { z } from 'zod';
import type { SystemField } from './base';
import { isValidTimeZone } from '../time/display';
import { ratingKeyWordingSchema } from './ratingKey';
import { LOGO_MAX_DATA_URL, isAcceptableLogo } from '../memo/logo';
import {
  baseRecordShape,
  choice,
  isoDateSchema,
  optionalText,
  requiredText,
  systemFieldMask,
} from './base';

/** Lifecycle of an engagement. */
export const engagementStatusSchema = choice(['active', 'paused', 'closed']);
export type EngagementStatus = z.infer<typeof engagementStatusSchema>;

/** One client engagement: the container of every other record (plain object, usable for forms). */
export const engagementObject = z.object({
  ...baseRecordShape,
  /** The client organisation, for example "Northwind Learning". */
  client: requiredText(200),
  /** Short title of the engagement, for example "Database operations review". */
  title: requiredText(200),
  /** What the consultant was engaged to do, and its limits. */
  scope: optionalText(5_000),
  /** First day of the engagement. */
  startDate: isoDateSchema.nullable().default(null),
  /** Last day of the engagement, if known. */
  endDate: isoDateSchema.nullable().default(null),
  /** active, paused or closed. */
  status: engagementStatusSchema.default('active'),
  /** Short code used in memo ids, for example "NWL" (upper-case letters and digits). */
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{2,8}$/, 'must be 2 to 8 upper-case letters or digits')
    .default('ENG'),
  /** The consultant's name as printed on this engagement's memos (defaults from settings). */
  consultantName: optionalText(200),
  /** The consultant's firm as printed on this engagement's memos (defaults from settings). */
  consultantFirm: optionalText(200),
  /**
   * The responsibility paragraph of this engagement's memos ("the recommendations are the
   * consultant's advice; acting on them is management's decision..."). Absent or '' uses the
   * standard wording (`defaultResponsibility` in shared/memo/defaults.ts); a memo may still
   * override it. Optional: engagements stored before the field existed stay valid as they are.
   */
  memoResponsibility: z
    .string({ error: 'must be text' })
    .max(20_000, 'must be at most 20000 characters')
    .optional(),
  /** Letterhead printed above its memos (firm name, address; several lines). Optional. */
  memoLetterhead: z
    .string({ error: 'must be text' })
    .max(2_000, 'must be at most 2000 characters')
    .optional(),
  /**
   * The letterhead's logo: a PNG or JPEG data URL up to 200 KB, checked by its bytes
   * (shared/memo/logo.ts; SVG refused). Optional; '' once removed.
   */
  memoLogo: z
    .string({ error: 'must be text' })
    .max(LOGO_MAX_DATA_URL, 'must be at most 200 KB')
    .refine(
      (v) => v === '' || isAcceptableLogo(v),
      'must be a PNG or JPEG image up to 200 KB and 4000 pixels a side',
    )
    .optional(),
  /**
   * The engagement's own rating key (meaning and time to act of high, medium, low). Optional:
   * absent, memos print the standard key (`RATING_KEY` in shared/memo/defaults.ts).
   */
  memoRatingKey: ratingKeyWordingSchema.optional(),
  /** Signature block printed at the end of its memos (name, role, contact). Optional. */
  memoSignature: z
    .string({ error: 'must be text' })
    .max(2_000, 'must be at most 2000 characters')
    .optional(),
  /**
   * The engagement's time zone (IANA name, checked with Intl): memos print local times in it.
   * Optional: engagements stored before the field existed read as the device's zone.
   */
  timeZone: z
    .string({ error: 'must be text' })
    .max(100, 'must be at most 100 characters')
    .refine(isValidTimeZone, 'must be a time zone such as Europe/Berlin')
    .optional(),
  /** How memos print days: ISO "2026-11-23" or long "23 November 2026" (absent: ISO). */
  memoDateStyle: choice(['iso', 'long']).optional(),
  /** When set, the engagement is archived: hidden from the main list but kept and searchable. */
  archivedAt: z.iso.datetime({ offset: false }).nullable().default(null),
});

/** A whole stored engagement, with its cross-field checks. */
export const engagementSchema = engagementObject.refine(
  (e) => !e.startDate || !e.endDate || e.startDate <= e.endDate,
  {
    message: 'must not be before the start date',
    path: ['endDate'],
  },
);

export type Engagement = z.infer<typeof engagementSchema>;

/** The fields a caller supplies to create an engagement (defaults optional). */
export type EngagementInput = Omit<z.input<typeof engagementObject>, SystemField>;

/** The create form's fields (everything but the system fields), without cross-field checks. */
export const engagementInputObject = engagementObject.omit(systemFieldMask);
