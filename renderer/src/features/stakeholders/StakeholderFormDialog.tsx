import { useId, useMemo } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Stakeholder } from '@shared/model/stakeholder';
import {
  decisionAuthoritySchema,
  stakeholderStatusSchema,
  stanceSchema,
} from '@shared/model/stakeholder';
import { reportsToChoices } from '@shared/notebook/reportsToChoices';
import { useRecords } from '../../../db';
import {
  ChoiceMultiSelect,
  DateField,
  FieldShell,
  FormSection,
  ComboboxField,
  SelectField,
  StakeholderMultiSelect,
  TextAreaField,
  TextField,
  errorOf,
  stakeholderLabel,
  RecordFormDialog,
} from '../../components/form';
import { useWorkbench } from '../../app/WorkbenchContext';
import { AUTHORITY_LABEL, STANCE_LABEL } from './labels';
import {
  fromStakeholderForm,
  stakeholderFormFields,
  stakeholderFormSchema,
  toStakeholderForm,
  type StakeholderFormValues,
} from './stakeholderForm';

const SCALE = [1, 2, 3, 4, 5] as const;

/** A 1-to-5 score as a drop-down whose value is a number. */
function ScaleField({
  form,
  name,
  label,
  hint,
}: {
  form: ReturnType<typeof useForm<StakeholderFormValues>>;
  name: Path<StakeholderFormValues> & ('influence' | 'interest');
  label: string;
  hint: string;
}) {
  const id = `${useId()}-${name}`;
  const error = errorOf(form, name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        {...form.register(name, { setValueAs: (v: unknown) => Number(v) })}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
      >
        {SCALE.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Create a stakeholder, or edit one; the "reports to" choices never allow a reporting loop. */
export function StakeholderFormDialog({
  engagementId,
  stakeholder,
  stakeholders,
  onClose,
  onSaved,
}: {
  engagementId: string;
  /** The stakeholder to edit, or null for a new one. */
  stakeholder: Stakeholder | null;
  /** The engagement's live stakeholders (for the pickers). */
  stakeholders: readonly Stakeholder[];
  onClose: () => void;
  /** Called with the saved record. */
  onSaved: (saved: Stakeholder) => void;
}) {
  const { store, db } = useWorkbench();
  const vacantId = useId();
  const onlyMeId = useId();
  const areas = useRecords(db, 'ownershipArea', engagementId);
  const form = useForm<StakeholderFormValues>({
    resolver: zodResolver(stakeholderFormSchema),
    defaultValues: toStakeholderForm(stakeholder),
  });
  const escalationPoint = useWatch({ control: form.control, name: 'escalationPoint' });
  const selfId = stakeholder?.id ?? null;
  const managers = useMemo(() => reportsToChoices(selfId, stakeholders), [selfId, stakeholders]);
  const others = useMemo(() => stakeholders.filter((s) => s.id !== selfId), [stakeholders, selfId]);

  return (
    <RecordFormDialog
      title={stakeholder ? 'Edit stakeholder' : 'New stakeholder'}
      form={form}
      submitLabel={stakeholder ? 'Save stakeholder' : 'Add stakeholder'}
      onClose={onClose}
      save={(values) => {
        const fields = fromStakeholderForm(values);
        return stakeholder
          ? store.stakeholders.update(stakeholder.id, fields)
          : store.stakeholders.create({ ...fields, engagementId });
      }}
      savedMessage={(saved) =>
        stakeholder ? `“${saved.name}” saved.` : `Stakeholder “${saved.name}” added.`
      }
      onSaved={onSaved}
      errorFields={stakeholderFormFields}
    >
      <div className="form-grid">
        <FormSection title="The person">
          <TextField form={form} name="name" label="Name" autoFocus />
          <TextField form={form} name="title" label="Job title" />
          <TextField form={form} name="orgUnit" label="Department" />
          <TextField form={form} name="contact" label="Contact" placeholder="Email, phone" />
          <SelectField
            form={form}
            name="status"
            label="Status"
            options={stakeholderStatusSchema.options.map((s) => ({
              value: s,
              label: s === 'active' ? 'Active' : 'Departed',
            }))}
          />
          <div className="field">
            <label htmlFor={vacantId} className="checkbox-row">
              <input id={vacantId} type="checkbox" {...form.register('isVacant')} /> Vacant position
            </label>
            <span className="field-hint">A seat in the chain of command with nobody in it.</span>
          </div>
          <DateField form={form} name="departedAt" label="Departed on" />
          <TextAreaField form={form} name="notes" label="Notes" className="span-2" />
        </FormSection>
        <FormSection title="In the organisation">
          <ComboboxField
            form={form}
            name="reportsToId"
            label="Reports to"
            hint="People below this stakeholder are not offered: that would make a loop."
            options={[
              { value: '', label: '— nobody (top of the chain) —' },
              ...managers.map((s) => ({ value: s.id, label: stakeholderLabel(s) })),
            ]}
          />
          <SelectField
            form={form}
            name="decisionAuthority"
            label="Decision authority"
            options={decisionAuthoritySchema.options.map((a) => ({
              value: a,
              label: AUTHORITY_LABEL[a],
            }))}
          />
          <ScaleField form={form} name="influence" label="Influence" hint="1 little … 5 decisive" />
          <ScaleField form={form} name="interest" label="Interest" hint="1 little … 5 very much" />
          <SelectField
            form={form}
            name="stance"
            label="Stance"
            options={stanceSchema.options.map((s) => ({ value: s, label: STANCE_LABEL[s] }))}
          />
          <StakeholderMultiSelect
            form={form}
            name="dottedLineIds"
            label="Dotted lines to"
            className="span-2"
            stakeholders={others}
          />
        </FormSection>
        <FormSection title="Escalations">
          <SelectField
            form={form}
            name="escalationPoint"
            label="Escalation point"
            hint="Escalations are proposed to them before the reporting line."
            options={[
              { value: 'none', label: 'No' },
              { value: 'engagement', label: 'For the whole engagement' },
              { value: 'areas', label: 'For given ownership areas' },
            ]}
          />
          <div className="field">
            <label htmlFor={onlyMeId} className="checkbox-row">
              <input id={onlyMeId} type="checkbox" {...form.register('escalationsOnlyToMe')} />{' '}
              Wants escalations only to them
            </label>
            <span className="field-hint">As they asked, for example “bring issues to me”.</span>
          </div>
          {escalationPoint === 'areas' ? (
            <ChoiceMultiSelect
              form={form}
              name="escalationAreaIds"
              label="Escalation point for"
              className="span-2"
              options={(areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
              filterPlaceholder="Filter areas…"
              emptyMessage="No ownership area yet."
              unknownLabel="An area removed since"
            />
          ) : null}
          <StakeholderMultiSelect
            form={form}
            name="delegateForIds"
            label="Delegate for"
            hint="They may answer on these people's behalf; each answer still says for whom."
            className="span-2"
            stakeholders={others}
          />
        </FormSection>
      </div>
    </RecordFormDialog>
  );
}
