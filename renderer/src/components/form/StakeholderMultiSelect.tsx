import { useMemo } from 'react';
import { useWatch, type FieldValues } from 'react-hook-form';
import type { Stakeholder } from '@shared/model/stakeholder';
import { ChoiceMultiSelect } from './ChoiceMultiSelect';
import type { FieldProps } from './fields';

/** The label of a stakeholder in a picker: name, title, and departed/vacant marks. */
export function stakeholderLabel(
  s: Pick<Stakeholder, 'name' | 'title' | 'status' | 'isVacant'>,
): string {
  const marks = [s.status === 'departed' ? 'departed' : null].filter(Boolean);
  return `${s.name}${s.title && !s.isVacant ? `, ${s.title}` : ''}${marks.length ? ` (${marks.join(', ')})` : ''}`;
}

/**
 * Choose several stakeholders (value: an array of ids): the shared multiple choice
 * (ChoiceMultiSelect: checkboxes named by the stakeholder, a filter box for long lists).
 * Vacant positions and departed people are offered only when already chosen (nobody can be
 * told anything there).
 */
export function StakeholderMultiSelect<T extends FieldValues>(
  props: FieldProps<T> & { stakeholders: readonly Stakeholder[] },
) {
  const { stakeholders, ...field } = props;
  const value: unknown = useWatch({ control: props.form.control, name: props.name });
  const options = useMemo(() => {
    const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
    return stakeholders
      .filter((s) => (!s.isVacant && s.status !== 'departed') || chosen.has(s.id))
      .map((s) => ({ value: s.id, label: stakeholderLabel(s) }));
  }, [stakeholders, value]);
  return (
    <ChoiceMultiSelect
      {...field}
      options={options}
      filterPlaceholder="Filter by name…"
      emptyMessage="No stakeholder to choose."
      unknownLabel="Someone removed since"
    />
  );
}
