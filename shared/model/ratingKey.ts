import { z } from 'zod';

/** One rating's wording in a memo's rating key: what it means, how soon action is expected. */
export const ratingKeyRowSchema = z.strictObject({
  meaning: z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'is required')
    .max(500, 'must be at most 500 characters'),
  timeToAct: z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'is required')
    .max(100, 'must be at most 100 characters'),
});

/**
 * An engagement's own rating key, by rating. An object, not a list: sync merges it as one value
 * (the last writer's whole key), never as a union of rows from two devices.
 */
export const ratingKeyWordingSchema = z.strictObject({
  high: ratingKeyRowSchema,
  medium: ratingKeyRowSchema,
  low: ratingKeyRowSchema,
});
export type RatingKeyWording = z.infer<typeof ratingKeyWordingSchema>;
