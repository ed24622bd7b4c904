import type { ReactNode } from 'react';

/**
 * One labelled part of a long dialog form (a fieldset with its legend, read by screen readers as
 * the group's name), laid out on the form's two columns.
 */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="form-section span-2">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
