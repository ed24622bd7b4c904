import type { ReactElement } from 'react';
import { Controller, type FieldValues } from 'react-hook-form';
import { FieldShell } from './FieldShell';
import { useControlIds, type FieldProps } from './fields';

/** What a controlled field hands its control: id, label, the form's handlers and the ARIA state. */
export interface ControlBinding {
  id: string;
  label: string;
  onChange: (value: unknown) => void;
  onBlur: () => void;
  describedBy: string | undefined;
  invalid: boolean;
}

/**
 * A form field whose control draws its own label (a picker): the field's frame (hint, error)
 * around a react-hook-form Controller; `render` gets the binding and the field's value.
 */
export function ControlledField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  className,
  render,
}: Omit<FieldProps<T>, 'autoFocus'> & {
  render: (binding: ControlBinding, value: unknown) => ReactElement;
}) {
  const { id, error, aria } = useControlIds(form, name, hint);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className} asGroup>
      <Controller
        control={form.control}
        name={name}
        render={({ field }) =>
          render(
            {
              id,
              label,
              onChange: field.onChange,
              onBlur: field.onBlur,
              describedBy: aria['aria-describedby'],
              invalid: Boolean(error),
            },
            field.value,
          )
        }
      />
    </FieldShell>
  );
}
