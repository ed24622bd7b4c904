import { z } from 'zod';
import {
  engagementObject,
  engagementStatusSchema,
  type Engagement,
} from '@shared/model/engagement';
import { LOGO_MAX_DATA_URL } from '@shared/memo/logo';
import type { MemoTemplate } from '@shared/model/settings';
import { deviceTimeZone, engagementTimeZone, isValidTimeZone } from '@shared/time/display';
import {
  RATING_KEY_LABELS,
  ratingKeyFromForm,
  ratingKeyToForm,
  ratingKeyFormShape,
} from './RatingKeyFields';

const optionalDate = z.union([z.literal(''), z.iso.date({ message: 'must be a date' })]);

/** The form's own shape: dates as '' or YYYY-MM-DD, validated with the shared field rules. */
export const engagementFormSchema = z
  .object({
    client: engagementObject.shape.client,
    // Optional here: left empty, the engagement is titled after the client.
    title: z.string().trim().max(200, 'must be at most 200 characters'),
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{2,8}$/, 'must be 2 to 8 upper-case letters or digits'),
    status: engagementStatusSchema,
    startDate: optionalDate,
    endDate: optionalDate,
    scope: z.string().max(5_000, 'must be at most 5000 characters'),
    consultantName: z.string().max(200, 'must be at most 200 characters'),
    consultantFirm: z.string().max(200, 'must be at most 200 characters'),
    memoResponsibility: z.string().max(20_000, 'must be at most 20000 characters'),
    memoLetterhead: z.string().max(2_000, 'must be at most 2000 characters'),
    memoSignature: z.string().max(2_000, 'must be at most 2000 characters'),
    memoLogo: z.string().max(LOGO_MAX_DATA_URL, 'must be at most 200 KB'),
    timeZone: z
      .string()
      .trim()
      .refine(isValidTimeZone, 'must be a time zone such as Europe/Berlin'),
    memoDateStyle: z.enum(['iso', 'long']),
    ...ratingKeyFormShape,
  })
  .refine((v) => !v.startDate || !v.endDate || v.startDate <= v.endDate, {
    message: 'must not be before the start date',
    path: ['endDate'],
  });

export type EngagementFormValues = z.infer<typeof engagementFormSchema>;
export type EngagementFieldName = keyof EngagementFormValues;

/** The form's values for an engagement (edit) or for a new one (settings and memo template). */
export function toEngagementForm(
  engagement: Engagement | undefined,
  defaults: { name: string; firm: string; template: MemoTemplate | undefined },
): EngagementFormValues {
  const t = engagement ? undefined : defaults.template;
  return {
    client: engagement?.client ?? '',
    title: engagement?.title ?? '',
    code: engagement?.code ?? '',
    status: engagement?.status ?? 'active',
    startDate: engagement?.startDate ?? new Date().toISOString().slice(0, 10),
    endDate: engagement?.endDate ?? '',
    scope: engagement?.scope ?? '',
    consultantName: engagement?.consultantName ?? defaults.name,
    consultantFirm: engagement?.consultantFirm ?? defaults.firm,
    memoResponsibility: engagement?.memoResponsibility ?? t?.responsibility ?? '',
    memoLetterhead: engagement?.memoLetterhead ?? t?.letterhead ?? '',
    memoSignature: engagement?.memoSignature ?? t?.signature ?? '',
    memoLogo: engagement?.memoLogo ?? t?.logo ?? '',
    timeZone: engagement ? engagementTimeZone(engagement) : (t?.timeZone ?? deviceTimeZone()),
    memoDateStyle: engagement?.memoDateStyle ?? t?.dateStyle ?? 'iso',
    ...ratingKeyToForm(engagement ? engagement.memoRatingKey : t?.ratingKey),
  };
}

/**
 * What the form saves: the engagement's fields (a title left empty takes the client's name; memo
 * wording left empty on an engagement that never had it is not written) and the rating key, if
 * it differs from the standard one.
 */
export function fromEngagementForm(
  values: EngagementFormValues,
  engagement: Engagement | undefined,
) {
  const {
    memoResponsibility,
    memoLetterhead,
    memoSignature,
    memoLogo,
    ratingHighMeaning,
    ratingHighTime,
    ratingMediumMeaning,
    ratingMediumTime,
    ratingLowMeaning,
    ratingLowTime,
    ...rest
  } = values;
  const ratingKey = ratingKeyFromForm(
    {
      ratingHighMeaning,
      ratingHighTime,
      ratingMediumMeaning,
      ratingMediumTime,
      ratingLowMeaning,
      ratingLowTime,
    },
    engagement?.memoRatingKey,
  );
  const input = {
    ...rest,
    ...(ratingKey ? { memoRatingKey: ratingKey } : {}),
    title: rest.title.trim() === '' ? rest.client.trim() : rest.title,
    startDate: values.startDate || null,
    endDate: values.endDate || null,
    // Left empty on an engagement that never had one: not written (no empty change logged).
    ...(memoResponsibility.trim() !== '' || engagement?.memoResponsibility !== undefined
      ? { memoResponsibility: memoResponsibility.trim() === '' ? '' : memoResponsibility }
      : {}),
    ...(memoLetterhead.trim() !== '' || engagement?.memoLetterhead !== undefined
      ? { memoLetterhead }
      : {}),
    ...(memoSignature.trim() !== '' || engagement?.memoSignature !== undefined
      ? { memoSignature }
      : {}),
    ...(memoLogo !== '' || engagement?.memoLogo !== undefined ? { memoLogo } : {}),
  };
  return { input, ratingKey };
}

const LABELS: Record<EngagementFieldName, string> = {
  client: 'Client',
  title: 'Title',
  code: 'Memo code',
  status: 'Status',
  startDate: 'Start date',
  endDate: 'End date',
  scope: 'Scope',
  consultantName: 'Name',
  consultantFirm: 'Firm',
  memoResponsibility: 'Responsibility paragraph',
  memoLetterhead: 'Letterhead',
  memoSignature: 'Signature block',
  memoLogo: 'Logo',
  timeZone: 'Time zone',
  memoDateStyle: 'Dates on memos',
  ...RATING_KEY_LABELS,
};

/** The zones Intl knows, offered while typing (the field takes any name Intl accepts). */
export const TIME_ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function labelOf(name: EngagementFieldName): string {
  return LABELS[name];
}
