import { z } from 'zod';
import { isValidTimeZone } from '../time/display';
import { idSchema } from './base';
import { ratingKeyWordingSchema } from './ratingKey';
import { LOGO_MAX_DATA_URL, isAcceptableLogo } from '../memo/logo';

/**
 * The memo wording a consultant saved from one engagement for the next ones: a new engagement's
 * form starts from it. A settings entry (per device, like the consultant's name), not a record.
 */
export const memoTemplateSchema = z.strictObject({
  /** Letterhead (firm name, address). */
  letterhead: z.string().max(2_000, 'must be at most 2000 characters'),
  /** Signature block. */
  signature: z.string().max(2_000, 'must be at most 2000 characters'),
  /** Responsibility paragraph ('' = the standard wording). */
  responsibility: z.string().max(20_000, 'must be at most 20000 characters'),
  /** Time zone of the memos (IANA name). */
  timeZone: z.string().max(100).refine(isValidTimeZone, 'must be a time zone'),
  /** Date style of the memos. */
  dateStyle: z.enum(['iso', 'long']),
  /** The rating key's wording (absent: the standard key). */
  ratingKey: ratingKeyWordingSchema.optional(),
  /** The letterhead's logo, a PNG or JPEG data URL (absent: none). */
  logo: z
    .string()
    .max(LOGO_MAX_DATA_URL, 'must be at most 200 KB')
    .refine(isAcceptableLogo, 'must be a PNG or JPEG image up to 200 KB')
    .optional(),
});
export type MemoTemplate = z.infer<typeof memoTemplateSchema>;

/**
 * App-wide settings of this installation, kept by the main process in the app's data folder.
 * They are not synced: each device has its own.
 */
export const settingsSchema = z.object({
  /** The consultant's name, the default "from" of every new engagement's memos. */
  consultantName: z.string().trim().max(200, 'must be at most 200 characters').default(''),
  /** The consultant's firm, the default firm of every new engagement's memos. */
  consultantFirm: z.string().trim().max(200, 'must be at most 200 characters').default(''),
  /** A name for this device, shown in record histories and to sync peers (for example "Work laptop"). */
  deviceName: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(100, 'must be at most 100 characters')
    .default('This device'),
  /** Show an OS notification once a day for what came due (answers overdue, fixes late…). */
  notifyDue: z.boolean().default(true),
  /** The memo template for new engagements, if one was saved. */
  memoTemplate: memoTemplateSchema.optional(),
  /** This device's id, generated once on first start; stamps every change this device makes. */
  deviceId: idSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * The fields a user may change (the device id is never edited). Omitted fields stay omitted: no
 * defaults are filled in, so a patch never resets the other settings. Unknown fields are refused.
 */
export const settingsPatchSchema = z.strictObject({
  /** New consultant name. */
  consultantName: settingsSchema.shape.consultantName.unwrap().optional(),
  /** New consultant firm. */
  consultantFirm: settingsSchema.shape.consultantFirm.unwrap().optional(),
  /** New device name. */
  deviceName: settingsSchema.shape.deviceName.unwrap().optional(),
  /** Turn the daily notification on or off. */
  notifyDue: z.boolean().optional(),
  /** New memo template for new engagements. */
  memoTemplate: memoTemplateSchema.optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
