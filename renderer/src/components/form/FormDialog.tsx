import type { ReactNode } from 'react';
import { Dialog } from '../Dialog';
import { FormError } from './FormError';

/**
 * A form in a dialog: Cancel and submit buttons in the footer (submit disabled while the save
 * runs), then the save's error banner and the fields.
 */
export function FormDialog({
  submitLabel,
  submitting,
  error,
  notice,
  children,
  ...dialog
}: {
  title: string;
  description?: string;
  /** The submit button's label (for example "Save risk"). */
  submitLabel: string;
  /** True while the form is saving. */
  submitting: boolean;
  /** The refused save's banner sentence, or null. */
  error: string | null;
  /** Shown above the error banner. */
  notice?: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog
      {...dialog}
      footer={
        <>
          <button type="button" className="button" onClick={dialog.onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={submitting}>
            {submitLabel}
          </button>
        </>
      }
    >
      {notice}
      <FormError message={error} />
      {children}
    </Dialog>
  );
}
