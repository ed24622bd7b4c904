import type { ReactNode } from 'react';

/** Ids of a field's parts, derived from one base id. */
export const fieldIds = (id: string) => ({ error: `${id}-error`, hint: `${id}-hint` });

/**
 * A field's frame: label, control, hint and the error, which names the field ("Title is
 * required") and is announced (role alert).
 */
export function FieldShell({
  id,
  label,
  hint,
  error,
  className,
  children,
  asGroup = false,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  children: ReactNode;
  /** True when the control is a group (a fieldset draws its own legend). */
  asGroup?: boolean;
}) {
  const ids = fieldIds(id);
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      {asGroup ? null : <label htmlFor={id}>{label}</label>}
      {children}
      {hint ? (
        <span className="field-hint" id={ids.hint}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={ids.error} role="alert">
          {label} {error}
        </span>
      ) : null}
    </div>
  );
}
