import { useId } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Risk } from '@shared/model/risk';
import { riskStatusSchema, riskTreatmentSchema } from '@shared/model/risk';
import type { Stakeholder } from '@shared/model/stakeholder';
import {
  DateField,
  FieldShell,
  ComboboxField,
  SelectField,
  TextAreaField,
  TextField,
  errorOf,
  stakeholderLabel,
  RecordFormDialog,
} from '../../components/form';
import { useWorkbench } from '../../app/WorkbenchContext';
import {
  fromRiskForm,
  riskFormFields,
  riskFormSchema,
  toRiskForm,
  type RiskFormValues,
} from './riskForm';

const SCALE = ['1', '2', '3', '4', '5'] as const;

/** Likelihood or impact before controls: a 1-to-5 drop-down whose value is a number. */
function ScoreField({
  form,
  name,
  label,
}: {
  form: UseFormReturn<RiskFormValues>;
  name: 'likelihood' | 'impactScore';
  label: string;
}) {
  const id = `${useId()}-${name}`;
  const error = errorOf(form, name);
  return (
    <FieldShell id={id} label={label} error={error}>
      <select
        id={id}
        {...form.register(name, { setValueAs: (v: unknown) => Number(v) })}
        aria-invalid={error ? true : undefined}
      >
        {SCALE.map((n) => (
          <option key={n} value={Number(n)}>
            {n}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Create or edit a risk: scores before and after controls, treatment, review and acceptance. */
export function RiskFormDialog({
  engagementId,
  risk,
  stakeholders,
  onClose,
  onSaved,
}: {
  engagementId: string;
  risk: Risk | null;
  stakeholders: readonly Stakeholder[];
  onClose: () => void;
  onSaved: (saved: Risk) => void;
}) {
  const { store } = useWorkbench();
  const form = useForm<RiskFormValues>({
    resolver: zodResolver(riskFormSchema),
    defaultValues: toRiskForm(risk),
  });
  const people = [
    { value: '', label: '— nobody —' },
    ...stakeholders.map((s) => ({ value: s.id, label: stakeholderLabel(s) })),
  ];
  const optionalScores = [
    { value: '', label: 'not assessed' },
    ...SCALE.map((n) => ({ value: n, label: n })),
  ];

  return (
    <RecordFormDialog
      title={risk ? 'Edit risk' : 'New risk'}
      form={form}
      submitLabel={risk ? 'Save risk' : 'Add risk'}
      onClose={onClose}
      save={(values) => {
        const fields = fromRiskForm(values);
        return risk
          ? store.risks.update(risk.id, fields)
          : store.risks.create({ ...fields, engagementId });
      }}
      savedMessage={(saved) => (risk ? `“${saved.title}” saved.` : `Risk “${saved.title}” added.`)}
      onSaved={onSaved}
      errorFields={riskFormFields}
    >
      <div className="form-grid">
        <TextField form={form} name="title" label="Title" className="span-2" autoFocus />
        <TextField form={form} name="category" label="Category" placeholder="Operations" />
        <ComboboxField form={form} name="ownerId" label="Owner" options={people} />
        <TextAreaField form={form} name="cause" label="Cause" rows={2} />
        <TextAreaField form={form} name="event" label="Event" rows={2} />
        <TextAreaField form={form} name="impact" label="Impact" className="span-2" rows={2} />
        <ScoreField form={form} name="likelihood" label="Likelihood before controls" />
        <ScoreField form={form} name="impactScore" label="Impact before controls" />
        <SelectField
          form={form}
          name="residualLikelihood"
          label="Likelihood after controls"
          options={optionalScores}
        />
        <SelectField
          form={form}
          name="residualImpact"
          label="Impact after controls"
          options={optionalScores}
        />
        <TextAreaField
          form={form}
          name="mitigation"
          label="Controls and actions"
          className="span-2"
          rows={2}
        />
        <SelectField
          form={form}
          name="treatment"
          label="Treatment"
          options={riskTreatmentSchema.options.map((t) => ({ value: t, label: cap(t) }))}
        />
        <SelectField
          form={form}
          name="status"
          label="Status"
          options={riskStatusSchema.options.map((s) => ({ value: s, label: cap(s) }))}
        />
        <DateField form={form} name="reviewDate" label="Next review" />
        <span />
        <ComboboxField
          form={form}
          name="acceptedById"
          label="Accepted by"
          hint="For an accepted risk: who accepted it."
          options={people}
        />
        <DateField
          form={form}
          name="acceptedUntil"
          label="Accepted until"
          hint="When the acceptance lapses and must be renewed."
        />
      </div>
    </RecordFormDialog>
  );
}
