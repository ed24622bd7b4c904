import { z } from 'zod';
import { isoDateSchema } from '@shared/model/base';
import { localInputToIso } from '@shared/notebook/localDateTime';

export { isoToLocalInput, localInputToIso } from '@shared/notebook/localDateTime';

/** A form field holding a datetime-local value: required. */
export const localDateTimeField = z
  .string({ error: 'is required' })
  .min(1, 'is required')
  .refine((v) => localInputToIso(v) !== null, 'must be a date and time');

/** A form field holding an optional calendar date ('' for none). */
export const optionalDateField = z.union([z.literal(''), isoDateSchema], {
  error: 'must be a date',
});

/** A form field holding an optional record id ('' for none). */
export const optionalIdField = z.string();

/** '' → null, for optional dates and references. */
export const emptyToNull = (value: string): string | null => (value === '' ? null : value);
