import { useForm, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { OwnershipArea } from '@shared/model/ownershipArea';
import { ownershipKindSchema } from '@shared/model/ownershipArea';
import type { Stakeholder } from '@shared/model/stakeholder';
import {
  ComboboxField,
  FormSection,
  SelectField,
  StakeholderMultiSelect,
  TextAreaField,
  TextField,
  stakeholderLabel,
  RecordFormDialog,
} from '../../components/form';
import { useWorkbench } from '../../app/WorkbenchContext';
import { errorMessage } from '../../lib/errorMessage';
import { fieldErrorsOf } from '../../lib/fieldErrors';
import {
  fromOwnershipForm,
  ownershipFieldOf,
  ownershipFormFields,
  ownershipFormSchema,
  toOwnershipForm,
  type OwnershipFormValues,
} from './ownershipForm';

/** Create or edit an ownership area and its RACI. */
export function OwnershipFormDialog({
  engagementId,
  area,
  stakeholders,
  onClose,
  onSaved,
}: {
  engagementId: string;
  area: OwnershipArea | null;
  stakeholders: readonly Stakeholder[];
  onClose: () => void;
  onSaved: (saved: OwnershipArea) => void;
}) {
  const { store } = useWorkbench();
  const form = useForm<OwnershipFormValues>({
    resolver: zodResolver(ownershipFormSchema),
    defaultValues: toOwnershipForm(area),
  });

  return (
    <RecordFormDialog
      title={area ? 'Edit ownership area' : 'New ownership area'}
      form={form}
      submitLabel={area ? 'Save area' : 'Add area'}
      onClose={onClose}
      save={(values) => {
        const fields = fromOwnershipForm(values);
        return area
          ? store.ownershipAreas.update(area.id, fields)
          : store.ownershipAreas.create({ ...fields, engagementId });
      }}
      savedMessage={(saved) => (area ? `“${saved.name}” saved.` : `Area “${saved.name}” added.`)}
      onSaved={onSaved}
      errorFields={(error) => {
        for (const { field, message } of fieldErrorsOf(error)) {
          const target = ownershipFieldOf(field);
          if (ownershipFormFields.includes(target)) {
            form.setError(target as Path<OwnershipFormValues>, { type: 'store', message });
          }
        }
        return `Not saved: ${errorMessage(error)}`;
      }}
    >
      <div className="form-grid">
        <FormSection title="The area">
          <TextField form={form} name="name" label="Name" autoFocus />
          <SelectField
            form={form}
            name="kind"
            label="Kind"
            options={ownershipKindSchema.options.map((k) => ({
              value: k,
              label: k === 'system' ? 'System' : 'Process',
            }))}
          />
          <TextAreaField form={form} name="description" label="Description" className="span-2" />
        </FormSection>
        <FormSection title="Who owns it (RACI)">
          <ComboboxField
            form={form}
            name="accountableId"
            label="Accountable"
            hint="The one person answerable for the area; they should be able to decide."
            className="span-2"
            options={[
              { value: '', label: '— nobody yet —' },
              ...stakeholders.map((s) => ({
                value: s.id,
                label: `${stakeholderLabel(s)}${s.isVacant ? ' (vacant)' : ''}`,
              })),
            ]}
          />
          <StakeholderMultiSelect
            form={form}
            name="responsibleIds"
            label="Responsible"
            stakeholders={stakeholders}
          />
          <StakeholderMultiSelect
            form={form}
            name="consultedIds"
            label="Consulted"
            stakeholders={stakeholders}
          />
          <StakeholderMultiSelect
            form={form}
            name="informedIds"
            label="Informed"
            className="span-2"
            stakeholders={stakeholders}
          />
        </FormSection>
      </div>
    </RecordFormDialog>
  );
}
