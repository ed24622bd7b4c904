import { useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { OwnershipArea } from '@shared/model/ownershipArea';
import { ownershipKindSchema } from '@shared/model/ownershipArea';
import type { Stakeholder } from '@shared/model/stakeholder';
import { Dialog } from '../../components/Dialog';
import {
  FormError,
  SelectField,
  StakeholderMultiSelect,
  TextAreaField,
  TextField,
  stakeholderLabel,
} from '../../components/form';
import { useWorkbench } from '../../app/WorkbenchContext';
import { errorMessage } from '../../lib/errorMessage';
import { fieldErrorsOf } from '../../lib/fieldErrors';
import { useUiStore } from '../../state/uiStore';
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
  const pushToast = useUiStore((s) => s.pushToast);
  const [saveError, setSaveError] = useState<string | null>(null);
  const form = useForm<OwnershipFormValues>({
    resolver: zodResolver(ownershipFormSchema),
    defaultValues: toOwnershipForm(area),
  });

  const submit = form.handleSubmit(async (values) => {
    setSaveError(null);
    try {
      const fields = fromOwnershipForm(values);
      const saved = area
        ? await store.ownershipAreas.update(area.id, fields)
        : await store.ownershipAreas.create({ ...fields, engagementId });
      pushToast({
        tone: 'success',
        message: area ? `“${saved.name}” saved.` : `Area “${saved.name}” added.`,
      });
      onSaved(saved);
    } catch (error) {
      for (const { field, message } of fieldErrorsOf(error)) {
        const target = ownershipFieldOf(field);
        if (ownershipFormFields.includes(target)) {
          form.setError(target as Path<OwnershipFormValues>, { type: 'store', message });
        }
      }
      setSaveError(`Not saved: ${errorMessage(error)}`);
    }
  });

  return (
    <Dialog
      title={area ? 'Edit ownership area' : 'New ownership area'}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={form.formState.isSubmitting}
          >
            {area ? 'Save area' : 'Add area'}
          </button>
        </>
      }
    >
      <FormError message={saveError} />
      <div className="form-grid">
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
        <SelectField
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
      </div>
    </Dialog>
  );
}
