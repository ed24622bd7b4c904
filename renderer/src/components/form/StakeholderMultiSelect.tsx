import { useId, useMemo, useState } from 'react';
import { Controller, type FieldValues } from 'react-hook-form';
import type { Stakeholder } from '@shared/model/stakeholder';
import { FieldShell, fieldIds } from './FieldShell';
import './form.css';
import { errorOf, type FieldProps } from './fields';

/** Above this many stakeholders the list gets a filter box. */
const FILTER_FROM = 8;

/** The label of a stakeholder in a picker: name, title, and departed/vacant marks. */
export function stakeholderLabel(
  s: Pick<Stakeholder, 'name' | 'title' | 'status' | 'isVacant'>,
): string {
  const marks = [s.status === 'departed' ? 'departed' : null].filter(Boolean);
  return `${s.name}${s.title && !s.isVacant ? `, ${s.title}` : ''}${marks.length ? ` (${marks.join(', ')})` : ''}`;
}

/**
 * Choose several stakeholders (value: an array of ids): a group of checkboxes, each named by
 * the stakeholder, with a filter box for long lists. Vacant positions and departed people are
 * offered only when already chosen (nobody can be told anything there).
 */
export function StakeholderMultiSelect<T extends FieldValues>(
  props: FieldProps<T> & { stakeholders: readonly Stakeholder[] },
) {
  const { form, name, label, hint, className, stakeholders } = props;
  const id = `${useId()}-${name}`;
  const error = errorOf(form, name);
  const [filter, setFilter] = useState('');
  const ids = fieldIds(id);
  const visible = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f
      ? stakeholders.filter((s) => stakeholderLabel(s).toLowerCase().includes(f))
      : stakeholders;
  }, [stakeholders, filter]);

  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className} asGroup>
      <Controller
        control={form.control}
        name={name}
        render={({ field }) => {
          const chosen = new Set<string>(
            Array.isArray(field.value) ? (field.value as string[]) : [],
          );
          const offered = visible.filter(
            (s) => (!s.isVacant && s.status !== 'departed') || chosen.has(s.id),
          );
          const toggle = (sid: string, on: boolean) => {
            const next = stakeholders
              .map((s) => s.id)
              .filter((x) => (x === sid ? on : chosen.has(x)));
            field.onChange(next);
          };
          return (
            <fieldset
              className="multi-select"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? ids.error : undefined}
            >
              <legend>{label}</legend>
              {stakeholders.length > FILTER_FROM ? (
                <input
                  type="search"
                  className="multi-select-filter"
                  aria-label={`Filter ${label.toLowerCase()}`}
                  placeholder="Filter by name…"
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                />
              ) : null}
              <div className="multi-select-options">
                {offered.map((s) => (
                  <label key={s.id} className="multi-select-option">
                    <input
                      type="checkbox"
                      checked={chosen.has(s.id)}
                      onChange={(e) => toggle(s.id, e.target.checked)}
                      onBlur={field.onBlur}
                    />
                    {stakeholderLabel(s)}
                  </label>
                ))}
                {offered.length === 0 ? (
                  <span className="muted">No stakeholder matches.</span>
                ) : null}
              </div>
            </fieldset>
          );
        }}
      />
    </FieldShell>
  );
}
