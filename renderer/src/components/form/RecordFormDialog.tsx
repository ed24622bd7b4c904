import { useState, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useUiStore } from '../../state/uiStore';
import { FormDialog } from './FormDialog';
import { applyStoreErrors } from './storeErrors';

interface RecordFormDialogProps<T extends FieldValues, R> {
  title: string;
  /** The react-hook-form instance of the dialog's fields. */
  form: UseFormReturn<T>;
  /** The submit button's label (for example "Save risk" or "Add risk"). */
  submitLabel: string;
  onClose: () => void;
  /** Writes the record through the store; resolves with the record as stored. */
  save: (values: T) => Promise<R>;
  /** The confirmation shown after a save. */
  savedMessage: (saved: R) => string;
  onSaved: (saved: R) => void;
  /**
   * The form fields a store ValidationError may name; or a function that puts a refused save's
   * errors on the form itself and returns the banner sentence.
   */
  errorFields: readonly string[] | ((error: unknown) => string);
  children: ReactNode;
}

/**
 * The dialog every record form shares: Cancel and submit buttons, the store's write, a toast on
 * success, and on a refused save each field's error on its field plus a banner, with everything
 * typed kept and the dialog left open.
 */
export function RecordFormDialog<T extends FieldValues, R>({
  title,
  form,
  submitLabel,
  onClose,
  save,
  savedMessage,
  onSaved,
  errorFields,
  children,
}: RecordFormDialogProps<T, R>) {
  const pushToast = useUiStore((s) => s.pushToast);
  const [saveError, setSaveError] = useState<string | null>(null);

  const submit = form.handleSubmit(async (values) => {
    setSaveError(null);
    try {
      const saved = await save(values);
      pushToast({ tone: 'success', message: savedMessage(saved) });
      onSaved(saved);
    } catch (error) {
      setSaveError(
        typeof errorFields === 'function'
          ? errorFields(error)
          : applyStoreErrors(form, error, errorFields),
      );
    }
  });

  return (
    <FormDialog
      title={title}
      submitLabel={submitLabel}
      submitting={form.formState.isSubmitting}
      error={saveError}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      {children}
    </FormDialog>
  );
}
