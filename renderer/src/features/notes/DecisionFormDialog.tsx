import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { decisionStatusSchema, type Decision } from '@shared/model/decision';
import type { Stakeholder } from '@shared/model/stakeholder';
import {
  DateTimeField,
  ComboboxField,
  SelectField,
  TextAreaField,
  TextField,
  RecordFormDialog,
} from '../../components/form';
import { useWorkbench } from '../../app/WorkbenchContext';
import { choiceLabel } from '../../lib/choiceLabel';
import { LinkEditor } from './LinkEditor';
import {
  decisionFormSchema,
  fromDecisionForm,
  toDecisionForm,
  type DecisionFormValues,
} from './noteForms';

/** Log a decision or edit one; a refused save keeps everything typed. */
export function DecisionFormDialog({
  engagementId,
  decision,
  decisions,
  stakeholders,
  onClose,
  onSaved,
}: {
  engagementId: string;
  decision: Decision | null;
  decisions: readonly Decision[];
  stakeholders: readonly Stakeholder[];
  onClose: () => void;
  onSaved: (decision: Decision) => void;
}) {
  const { store } = useWorkbench();
  const form = useForm<DecisionFormValues>({
    resolver: zodResolver(decisionFormSchema),
    defaultValues: toDecisionForm(decision),
  });
  const people = [{ value: '', label: '— not known —' }].concat(
    stakeholders.filter((s) => !s.isVacant).map((s) => ({ value: s.id, label: s.name })),
  );
  const later = [{ value: '', label: '— nothing —' }].concat(
    decisions.filter((d) => d.id !== decision?.id).map((d) => ({ value: d.id, label: d.title })),
  );
  return (
    <RecordFormDialog
      title={decision ? 'Edit decision' : 'Log decision'}
      form={form}
      submitLabel={'Save decision'}
      onClose={onClose}
      save={(values) => {
        const fields = fromDecisionForm(values);
        return decision
          ? store.decisions.update(decision.id, fields)
          : store.decisions.create({ ...fields, engagementId });
      }}
      savedMessage={() => (decision ? 'Decision saved.' : 'Decision logged.')}
      onSaved={onSaved}
      errorFields={Object.keys(decisionFormSchema.shape)}
    >
      <div className="form-grid">
        <TextField form={form} name="title" label="What was decided" className="span-2" autoFocus />
        <ComboboxField form={form} name="decidedById" label="Decided by" options={people} />
        <DateTimeField
          form={form}
          name="decidedAt"
          label="Decided at"
          hint="Leave empty while proposed."
        />
        <SelectField
          form={form}
          name="status"
          label="Status"
          options={decisionStatusSchema.options.map((s) => ({ value: s, label: choiceLabel(s) }))}
        />
        <ComboboxField form={form} name="supersededById" label="Superseded by" options={later} />
        <TextAreaField form={form} name="rationale" label="Rationale" className="span-2" rows={5} />
        <LinkEditor form={form} name="links" engagementId={engagementId} selfId={decision?.id} />
      </div>
    </RecordFormDialog>
  );
}
