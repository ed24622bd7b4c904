import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { z } from 'zod';
import { RATING_KEY } from '@shared/memo/defaults';
import type { RatingKeyWording } from '@shared/model/ratingKey';

/** The rating key's six form fields: the meaning and time to act of each rating. */
export const ratingKeyFormShape = {
  ratingHighMeaning: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(500, 'must be at most 500 characters'),
  ratingHighTime: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(100, 'must be at most 100 characters'),
  ratingMediumMeaning: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(500, 'must be at most 500 characters'),
  ratingMediumTime: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(100, 'must be at most 100 characters'),
  ratingLowMeaning: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(500, 'must be at most 500 characters'),
  ratingLowTime: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
};

export type RatingKeyFormValues = { [K in keyof typeof ratingKeyFormShape]: string };

export const RATING_KEY_LABELS: Record<keyof RatingKeyFormValues, string> = {
  ratingHighMeaning: 'High: meaning',
  ratingHighTime: 'High: time to act',
  ratingMediumMeaning: 'Medium: meaning',
  ratingMediumTime: 'Medium: time to act',
  ratingLowMeaning: 'Low: meaning',
  ratingLowTime: 'Low: time to act',
};

const STANDARD: RatingKeyWording = {
  high: { meaning: RATING_KEY[0]?.meaning ?? '', timeToAct: RATING_KEY[0]?.timeToAct ?? '' },
  medium: { meaning: RATING_KEY[1]?.meaning ?? '', timeToAct: RATING_KEY[1]?.timeToAct ?? '' },
  low: { meaning: RATING_KEY[2]?.meaning ?? '', timeToAct: RATING_KEY[2]?.timeToAct ?? '' },
};

/** The form's values of a rating key (the standard key where none is set). */
export function ratingKeyToForm(wording: RatingKeyWording | undefined): RatingKeyFormValues {
  const w = wording ?? STANDARD;
  return {
    ratingHighMeaning: w.high.meaning,
    ratingHighTime: w.high.timeToAct,
    ratingMediumMeaning: w.medium.meaning,
    ratingMediumTime: w.medium.timeToAct,
    ratingLowMeaning: w.low.meaning,
    ratingLowTime: w.low.timeToAct,
  };
}

/**
 * The rating key to store from the form: null when it is the standard key and the engagement
 * had none (nothing is written, so memos keep the content and fingerprint they had).
 */
export function ratingKeyFromForm(
  values: RatingKeyFormValues,
  had: RatingKeyWording | undefined,
): RatingKeyWording | null {
  const wording: RatingKeyWording = {
    high: { meaning: values.ratingHighMeaning.trim(), timeToAct: values.ratingHighTime.trim() },
    medium: {
      meaning: values.ratingMediumMeaning.trim(),
      timeToAct: values.ratingMediumTime.trim(),
    },
    low: { meaning: values.ratingLowMeaning.trim(), timeToAct: values.ratingLowTime.trim() },
  };
  const standard = JSON.stringify(wording) === JSON.stringify(STANDARD);
  return standard && had === undefined ? null : wording;
}

const ROWS = [
  ['High', 'ratingHighMeaning', 'ratingHighTime'],
  ['Medium', 'ratingMediumMeaning', 'ratingMediumTime'],
  ['Low', 'ratingLowMeaning', 'ratingLowTime'],
] as const;

/** The rating key's fields, one row per rating, inside the engagement form. */
export function RatingKeyFields({
  register,
  a11y,
  fieldError,
}: {
  register: (name: keyof RatingKeyFormValues) => UseFormRegisterReturn;
  a11y: (name: keyof RatingKeyFormValues) => Record<string, unknown>;
  fieldError: (name: keyof RatingKeyFormValues) => ReactNode;
}) {
  return (
    <fieldset className="field span-2 form-fieldset">
      <legend>Rating key on memos</legend>
      {ROWS.map(([rating, meaning, time]) => (
        <div key={rating} className="rating-key-row">
          <div className="field">
            <label htmlFor={String(a11y(meaning).id)}>{RATING_KEY_LABELS[meaning]}</label>
            <input {...register(meaning)} {...a11y(meaning)} />
            {fieldError(meaning)}
          </div>
          <div className="field">
            <label htmlFor={String(a11y(time).id)}>{RATING_KEY_LABELS[time]}</label>
            <input {...register(time)} {...a11y(time)} />
            {fieldError(time)}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
