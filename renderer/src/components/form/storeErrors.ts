import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { errorMessage } from '../../lib/errorMessage';
import { fieldErrorsOf } from '../../lib/fieldErrors';

/**
 * Shows a refused save on the form: each of the store's ValidationError issues whose field is
 * one of the form's `fields` goes on that field; resolves to the sentence for the form's
 * banner. Nothing typed is touched (the form stays as it was).
 */
export function applyStoreErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  error: unknown,
  fields: readonly string[],
): string {
  for (const { field, message } of fieldErrorsOf(error)) {
    const top = field.split('.')[0] ?? field;
    const target = fields.includes(field) ? field : fields.includes(top) ? top : null;
    if (target) form.setError(target as Path<T>, { type: 'store', message });
  }
  return `Not saved: ${errorMessage(error)}`;
}
