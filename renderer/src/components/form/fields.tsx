import { Fragment, useId } from 'react';
import { get, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { FieldShell, fieldIds } from './FieldShell';

/** What every field component takes. */
export interface FieldProps<T extends FieldValues> {
  /** The react-hook-form form (from useForm). */
  form: UseFormReturn<T>;
  /** The form value the field edits. */
  name: Path<T>;
  /** The visible label, also the control's accessible name and the error's subject. */
  label: string;
  /** A short help text under the control. */
  hint?: string;
  /** Extra class on the field's frame (for example "span-2"). */
  className?: string;
  /** Focus this field when the form opens. */
  autoFocus?: boolean;
}

/** The message of a field's error, if any (nested names like "raci.accountableId" work). */
export function errorOf<T extends FieldValues>(
  form: UseFormReturn<T>,
  name: Path<T>,
): string | undefined {
  const error: unknown = get(form.formState.errors, name);
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** The id, aria-invalid and aria-describedby of a control. */
export function useControlIds<T extends FieldValues>(
  form: UseFormReturn<T>,
  name: Path<T>,
  hint?: string,
) {
  const id = `${useId()}-${name}`;
  const error = errorOf(form, name);
  const ids = fieldIds(id);
  const describedBy = [error ? ids.error : null, hint ? ids.hint : null].filter(Boolean).join(' ');
  return {
    id,
    error,
    aria: {
      id,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy || undefined,
    } as const,
  };
}

/** A one-line text field. */
export function TextField<T extends FieldValues>(
  props: FieldProps<T> & { placeholder?: string; type?: 'text' | 'email' | 'url' },
) {
  const { form, name, label, hint, className, autoFocus, placeholder, type = 'text' } = props;
  const { id, error, aria } = useControlIds(form, name, hint);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <input
        type={type}
        {...form.register(name)}
        {...aria}
        placeholder={placeholder}
        data-autofocus={autoFocus || undefined}
      />
    </FieldShell>
  );
}

/** A multi-line text field. */
export function TextAreaField<T extends FieldValues>(
  props: FieldProps<T> & { placeholder?: string; rows?: number },
) {
  const { form, name, label, hint, className, autoFocus, placeholder, rows = 4 } = props;
  const { id, error, aria } = useControlIds(form, name, hint);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        {...form.register(name)}
        {...aria}
        placeholder={placeholder}
        rows={rows}
        data-autofocus={autoFocus || undefined}
      />
    </FieldShell>
  );
}

/** One choice of a select. */
export interface SelectOption {
  value: string;
  label: string;
  /** The heading of the group the option is listed under (consecutive options share one). */
  group?: string;
}

/** Options as <option>s, consecutive options of one `group` inside an <optgroup>. */
function renderOptions(options: readonly SelectOption[]) {
  const runs: { group: string | undefined; options: SelectOption[] }[] = [];
  for (const option of options) {
    const last = runs.at(-1);
    if (last && last.group === option.group) last.options.push(option);
    else runs.push({ group: option.group, options: [option] });
  }
  return runs.map((run, index) => {
    const items = run.options.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
    return run.group === undefined ? (
      <Fragment key={`run-${index}`}>{items}</Fragment>
    ) : (
      <optgroup key={`group-${index}`} label={run.group}>
        {items}
      </optgroup>
    );
  });
}

/** A drop-down of fixed choices. */
export function SelectField<T extends FieldValues>(
  props: FieldProps<T> & { options: readonly SelectOption[] },
) {
  const { form, name, label, hint, className, autoFocus, options } = props;
  const { id, error, aria } = useControlIds(form, name, hint);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <select {...form.register(name)} {...aria} data-autofocus={autoFocus || undefined}>
        {renderOptions(options)}
      </select>
    </FieldShell>
  );
}

/** A calendar date (value YYYY-MM-DD, '' for none). */
export function DateField<T extends FieldValues>(props: FieldProps<T>) {
  const { form, name, label, hint, className, autoFocus } = props;
  const { id, error, aria } = useControlIds(form, name, hint);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <input
        type="date"
        {...form.register(name)}
        {...aria}
        data-autofocus={autoFocus || undefined}
      />
    </FieldShell>
  );
}

/** A date and time in the user's time zone (value as a datetime-local string). */
export function DateTimeField<T extends FieldValues>(props: FieldProps<T>) {
  const { form, name, label, hint, className, autoFocus } = props;
  const { id, error, aria } = useControlIds(form, name, hint);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <input
        type="datetime-local"
        {...form.register(name)}
        {...aria}
        data-autofocus={autoFocus || undefined}
      />
    </FieldShell>
  );
}
