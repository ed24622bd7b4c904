import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import {
  acknowledgementObject,
  acknowledgementResponseSchema,
} from '@shared/model/acknowledgement';
import { channels, channelSchema } from '@shared/model/channel';
import type { RaisedIssue } from '@shared/model/raisedIssue';
import type { Stakeholder } from '@shared/model/stakeholder';
import { Dialog } from '../../components/Dialog';
import {
  DateField,
  DateTimeField,
  FormError,
  SelectField,
  TextAreaField,
  applyStoreErrors,
  emptyToNull,
  isoToLocalInput,
  localDateTimeField,
  localInputToIso,
  optionalDateField,
} from '../../components/form';
import { useWorkbench } from '../../app/WorkbenchContext';
import { useUiStore } from '../../state/uiStore';
import { choiceLabel } from './raisedIssueForm';

const shape = acknowledgementObject.shape;

/** The quick acknowledgement form: who answered, when, how, and their words. */
const ackFormSchema = z.object({
  byId: shape.byId,
  at: localDateTimeField,
  channel: channelSchema,
  response: acknowledgementResponseSchema,
  quote: shape.quote.unwrap(),
  conditions: shape.conditions.unwrap(),
  expiresOn: optionalDateField,
});
type AckFormValues = z.infer<typeof ackFormSchema>;

/**
 * "Record acknowledgement": paste the reply as the quote; the issue's status moves with the
 * answer (store.raisedIssues.recordAcknowledgement, one transaction).
 */
export function AcknowledgementDialog({
  issue,
  stakeholders,
  onClose,
}: {
  issue: RaisedIssue;
  stakeholders: readonly Stakeholder[];
  onClose: () => void;
}) {
  const { store } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const [saveError, setSaveError] = useState<string | null>(null);
  const form = useForm<AckFormValues>({
    resolver: zodResolver(ackFormSchema),
    defaultValues: {
      byId: issue.raisedToIds[0] ?? '',
      at: isoToLocalInput(new Date().toISOString()),
      channel: 'email',
      response: 'received',
      quote: '',
      conditions: '',
      expiresOn: '',
    },
  });
  // Those it was raised to first, then everyone else present.
  const raisedTo = new Set(issue.raisedToIds);
  const people = [...stakeholders]
    .filter((s) => !s.isVacant)
    .sort((a, b) => Number(raisedTo.has(b.id)) - Number(raisedTo.has(a.id)))
    .map((s) => ({ value: s.id, label: `${s.name}${s.title ? `, ${s.title}` : ''}` }));

  const submit = form.handleSubmit(async (values) => {
    setSaveError(null);
    try {
      await store.raisedIssues.recordAcknowledgement(issue.id, {
        ...values,
        at: localInputToIso(values.at) ?? values.at,
        expiresOn: emptyToNull(values.expiresOn),
      });
      pushToast({ tone: 'success', message: 'Acknowledgement recorded.' });
      onClose();
    } catch (error) {
      setSaveError(applyStoreErrors(form, error, Object.keys(ackFormSchema.shape)));
    }
  });

  return (
    <Dialog
      title="Record acknowledgement"
      description={issue.title}
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
            Save acknowledgement
          </button>
        </>
      }
    >
      <FormError message={saveError} />
      <div className="form-grid">
        <SelectField form={form} name="byId" label="Answered by" options={people} autoFocus />
        <DateTimeField form={form} name="at" label="Answered at" />
        <SelectField
          form={form}
          name="response"
          label="Response"
          options={acknowledgementResponseSchema.options.map((v) => ({
            value: v,
            label: choiceLabel(v),
          }))}
        />
        <SelectField
          form={form}
          name="channel"
          label="Channel"
          options={channels.map((v) => ({ value: v, label: choiceLabel(v) }))}
        />
        <TextAreaField
          form={form}
          name="quote"
          label="Their words"
          className="span-2"
          rows={5}
          hint="Paste the reply verbatim."
        />
        <TextAreaField
          form={form}
          name="conditions"
          label="Conditions"
          className="span-2"
          rows={2}
        />
        <DateField
          form={form}
          name="expiresOn"
          label="Acceptance lapses on"
          hint="For a risk acceptance."
        />
      </div>
    </Dialog>
  );
}
