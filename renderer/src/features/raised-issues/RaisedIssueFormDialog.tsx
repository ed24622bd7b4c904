import { useMemo, useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { channels } from '@shared/model/channel';
import {
  raisedIssueStatusSchema,
  severitySchema,
  type RaisedIssue,
} from '@shared/model/raisedIssue';
import type { Stakeholder } from '@shared/model/stakeholder';
import { useRecords } from '../../../db';
import {
  ChoiceMultiSelect,
  DateField,
  DateTimeField,
  FormDialog,
  FormSection,
  ComboboxField,
  SelectField,
  StakeholderMultiSelect,
  TextAreaField,
  TextField,
  applyStoreErrors,
} from '../../components/form';
import { useWorkbench } from '../../app/WorkbenchContext';
import { fieldErrorsOf } from '../../lib/fieldErrors';
import { useUiStore } from '../../state/uiStore';
import { EvidenceField } from './EvidenceField';
import { choiceLabel } from '../../lib/choiceLabel';
import {
  fromRaisedIssueForm,
  raisedIssueFormFields,
  raisedIssueFormSchema,
  toRaisedIssueForm,
  type RaisedIssueFormValues,
} from './raisedIssueForm';

const options = (values: readonly string[]) =>
  values.map((v) => ({ value: v, label: choiceLabel(v) }));

/**
 * Create, edit or escalate a raised issue. On a refused save the dialog stays open with every
 * value as typed and the store's errors on their fields.
 */
export function RaisedIssueFormDialog({
  engagementId,
  issue,
  prefill,
  notice,
  title,
  stakeholders,
  issues,
  onClose,
  onSaved,
}: {
  engagementId: string;
  /** The issue to edit, or null for a new one. */
  issue: RaisedIssue | null;
  /** Values to start a new issue with (an escalation). */
  prefill?: Partial<RaisedIssueFormValues>;
  /** Lines shown above the form (what the escalation skipped). */
  notice?: string[];
  title: string;
  stakeholders: readonly Stakeholder[];
  issues: readonly RaisedIssue[];
  onClose: () => void;
  onSaved: (saved: RaisedIssue) => void;
}) {
  const { db, store } = useWorkbench();
  const risks = useRecords(db, 'risk', engagementId);
  const pushToast = useUiStore((s) => s.pushToast);
  const [saveError, setSaveError] = useState<string | null>(null);
  const form = useForm<RaisedIssueFormValues>({
    resolver: zodResolver(raisedIssueFormSchema),
    defaultValues: toRaisedIssueForm(issue, prefill),
  });
  const people = [{ value: '', label: '— nobody —' }].concat(
    stakeholders.filter((s) => !s.isVacant).map((s) => ({ value: s.id, label: s.name })),
  );
  const earlier = [{ value: '', label: '— none (a first raise) —' }].concat(
    issues.filter((i) => i.id !== issue?.id).map((i) => ({ value: i.id, label: i.title })),
  );

  const riskOptions = useMemo(
    () =>
      (risks ?? [])
        .map((r) => ({
          value: r.id,
          label: `${r.title}${r.status === 'closed' ? ' (closed)' : ''}`,
        }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [risks],
  );

  const submit = form.handleSubmit(async (values) => {
    setSaveError(null);
    const fields = fromRaisedIssueForm(values);
    try {
      const saved = issue
        ? await store.raisedIssues.update(issue.id, fields)
        : await store.raisedIssues.create({ ...fields, engagementId });
      pushToast({
        tone: 'success',
        message: issue ? 'Raised issue saved.' : `Issue “${saved.title}” recorded.`,
      });
      onSaved(saved);
    } catch (error) {
      setSaveError(applyStoreErrors(form, error, raisedIssueFormFields));
      // An evidence item's problem goes on the item's own field.
      for (const { field, message } of fieldErrorsOf(error)) {
        if (/^evidence\.\d+\.(?:kind|text)$/.test(field)) {
          form.setError(field as Path<RaisedIssueFormValues>, { type: 'store', message });
        }
      }
    }
  });

  return (
    <FormDialog
      title={title}
      submitLabel={issue ? 'Save changes' : 'Save raised issue'}
      submitting={form.formState.isSubmitting}
      error={saveError}
      onClose={onClose}
      onSubmit={() => void submit()}
      notice={
        notice && notice.length > 0 ? (
          <div className="escalation-notice" role="note" aria-label="Escalation path">
            {notice.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        ) : null
      }
    >
      <div className="form-grid">
        <FormSection title="The issue">
          <TextField form={form} name="title" label="Title" className="span-2" autoFocus />
          <SelectField
            form={form}
            name="severity"
            label="Severity"
            options={options(severitySchema.options)}
          />
          <SelectField
            form={form}
            name="status"
            label="Status"
            options={options(raisedIssueStatusSchema.options)}
          />
        </FormSection>
        <FormSection title="Raised">
          <DateTimeField form={form} name="raisedAt" label="Raised at" />
          <SelectField form={form} name="channel" label="Channel" options={options(channels)} />
          <StakeholderMultiSelect
            form={form}
            name="raisedToIds"
            label="Raised to"
            stakeholders={stakeholders}
            className="span-2"
          />
          <DateField form={form} name="followUpDue" label="Follow up by" />
        </FormSection>
        <FormSection title="The fix">
          <DateField form={form} name="targetDate" label="Fix due" />
          <ComboboxField form={form} name="ownerId" label="Owner of the fix" options={people} />
          <ComboboxField form={form} name="escalatesId" label="Escalates" options={earlier} />
        </FormSection>
        <FormSection title="Finding">
          <TextAreaField
            form={form}
            name="criteria"
            label="Criteria"
            className="span-2"
            rows={2}
            hint="What should be."
          />
          <TextAreaField
            form={form}
            name="condition"
            label="Condition"
            className="span-2"
            rows={3}
            hint="What is."
          />
          <TextAreaField form={form} name="cause" label="Cause" className="span-2" rows={2} />
          <TextAreaField form={form} name="effect" label="Effect" className="span-2" rows={2} />
          <TextAreaField
            form={form}
            name="recommendation"
            label="Recommendation"
            className="span-2"
            rows={3}
          />
        </FormSection>
        <FormSection title="Evidence and links">
          <EvidenceField form={form} className="span-2" />
          <ChoiceMultiSelect
            form={form}
            name="riskIds"
            label="Linked risks"
            options={riskOptions}
            filterPlaceholder="Filter risks by title…"
            emptyMessage={risks ? 'No risks in the register yet.' : 'Loading the risks…'}
            unknownLabel={risks ? 'A risk no longer in the register' : 'Loading…'}
            className="span-2"
          />
          <div className="field span-2">
            <label className="checkbox-label">
              <input type="checkbox" {...form.register('internalOnly')} /> Internal only (left out
              of memos)
            </label>
          </div>
        </FormSection>
      </div>
    </FormDialog>
  );
}
