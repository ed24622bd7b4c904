import { useId, useMemo, useState } from 'react';
import { Controller, type FieldValues } from 'react-hook-form';
import { narrowChoices, type ChoiceOption } from '@shared/notebook/choiceFilter';
import { FieldShell, fieldIds } from './FieldShell';
import './form.css';
import { errorOf, type FieldProps } from './fields';

/** Above this many options the list gets a filter box. */
const FILTER_FROM = 8;
/** At most this many unchosen options are listed at once (type to narrow the rest). */
const SHOWN_AT_MOST = 60;

/**
 * Choose several records (value: an array of ids) from a possibly long list: a group of
 * checkboxes, each named by its label, with a filter box from 8 options on. Chosen options
 * are always listed; of the rest at most 60 are, with a line saying how many more match.
 */
export function ChoiceMultiSelect<T extends FieldValues>(
  props: FieldProps<T> & {
    options: readonly ChoiceOption[];
    /** Placeholder of the filter box, for example "Filter by title…". */
    filterPlaceholder?: string;
    /** Shown when there is nothing to choose from. */
    emptyMessage?: string;
    /** The label of a chosen value no option has (a record deleted since), to untick it. */
    unknownLabel?: string;
  },
) {
  const {
    form,
    name,
    label,
    hint,
    className,
    options,
    filterPlaceholder = 'Filter…',
    emptyMessage = 'Nothing to choose from.',
    unknownLabel = 'A record no longer listed',
  } = props;
  const id = `${useId()}-${name}`;
  const error = errorOf(form, name);
  const [filter, setFilter] = useState('');
  const ids = fieldIds(id);
  const order = useMemo(() => options.map((o) => o.value), [options]);
  const offered = useMemo(() => new Set(order), [order]);

  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className} asGroup>
      <Controller
        control={form.control}
        name={name}
        render={({ field }) => {
          const chosen = new Set<string>(
            Array.isArray(field.value) ? (field.value as string[]) : [],
          );
          const { shown, hidden } = narrowChoices(options, chosen, filter, SHOWN_AT_MOST);
          // Chosen values no option has (a record deleted since): listed first, to untick.
          const unknown = [...chosen].filter((v) => !offered.has(v));
          const toggle = (value: string, on: boolean) => {
            // Keep the list's order; unknown values stay until unticked.
            field.onChange([
              ...unknown.filter((v) => v !== value),
              ...order.filter((v) => (v === value ? on : chosen.has(v))),
            ]);
          };
          const describedBy = [error ? ids.error : null, hint ? ids.hint : null]
            .filter(Boolean)
            .join(' ');
          return (
            <fieldset
              className="multi-select"
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy || undefined}
            >
              <legend>
                {label}
                {chosen.size > 0 ? (
                  <span className="multi-select-count"> ({chosen.size})</span>
                ) : null}
              </legend>
              {options.length > FILTER_FROM ? (
                <input
                  type="search"
                  className="multi-select-filter"
                  aria-label={`Filter ${label.toLowerCase()}`}
                  placeholder={filterPlaceholder}
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                  onKeyDown={(e) => {
                    // Enter in the filter must not submit the form.
                    if (e.key === 'Enter') e.preventDefault();
                  }}
                />
              ) : null}
              <div className="multi-select-options">
                {unknown.map((value) => (
                  <label key={value} className="multi-select-option muted">
                    <input
                      type="checkbox"
                      checked
                      onChange={() => toggle(value, false)}
                      onBlur={field.onBlur}
                    />
                    {unknownLabel}
                  </label>
                ))}
                {shown.map((o) => (
                  <label key={o.value} className="multi-select-option">
                    <input
                      type="checkbox"
                      checked={chosen.has(o.value)}
                      onChange={(e) => toggle(o.value, e.target.checked)}
                      onBlur={field.onBlur}
                    />
                    {o.label}
                  </label>
                ))}
                {options.length === 0 && unknown.length === 0 ? (
                  <span className="muted">{emptyMessage}</span>
                ) : null}
                {options.length > 0 && shown.length === 0 ? (
                  <span className="muted">Nothing matches “{filter.trim()}”.</span>
                ) : null}
                {hidden > 0 ? (
                  <span className="muted multi-select-more">
                    {hidden} more {hidden === 1 ? 'matches' : 'match'}: type to narrow the list.
                  </span>
                ) : null}
              </div>
            </fieldset>
          );
        }}
      />
    </FieldShell>
  );
}
