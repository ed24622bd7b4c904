import { useMemo, useState } from 'react';
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
import { memoChoiceKey, memoReferenceOf, orderMemoChoices } from '@shared/notebook/memoChoices';
import { Dialog } from '../../components/Dialog';
import {
  DateField,
  DateTimeField,
  FormError,
  ComboboxField,
  SelectField,
  TextAreaField,
  type SelectOption,
  applyStoreErrors,
  emptyToNull,
  isoToLocalInput,
  localDateTimeField,
  localInputToIso,
  optionalDateField,
} from '../../components/form';
import { useWorkbench } from '../../app/WorkbenchContext';
import { fieldErrorsOf } from '../../lib/fieldErrors';
import { useUiStore } from '../../state/uiStore';
import { useIssuedMemoChoices } from '../memos/useIssuedMemoChoices';
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
  /** The issued memo version answered ("NWL-M-2026-004 v2"), '' for none. */
  memo: z.string(),
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
  const memoChoices = useIssuedMemoChoices(issue.engagementId);
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
      memo: '',
    },
  });
  const memoOptions = useMemo<SelectOption[]>(() => {
    const none = { value: '', label: memoChoices ? '— not an answer to a memo —' : 'Loading…' };
    const { covering, others } = orderMemoChoices(memoChoices ?? [], issue.id);
    const option = (group: string) => (c: { memoId: string; version: number; label: string }) => ({
      value: memoChoiceKey(c),
      label: c.label,
      group,
    });
    return [
      none,
      ...covering.map(option('Memos that include this issue')),
      ...others.map(option('Other issued memos')),
    ];
  }, [memoChoices, issue.id]);
  // Those it was raised to first, then everyone else present.
  const raisedTo = new Set(issue.raisedToIds);
  const people = [...stakeholders]
    .filter((s) => !s.isVacant)
    .sort((a, b) => Number(raisedTo.has(b.id)) - Number(raisedTo.has(a.id)))
    .map((s) => ({ value: s.id, label: `${s.name}${s.title ? `, ${s.title}` : ''}` }));

  const submit = form.handleSubmit(async ({ memo, ...values }) => {
    setSaveError(null);
    const reference = memoReferenceOf(memo, memoChoices ?? []);
    if (!reference) {
      form.setError('memo', { type: 'store', message: 'is no longer an issued memo' });
      return;
    }
    try {
      await store.raisedIssues.recordAcknowledgement(issue.id, {
        ...values,
        ...reference,
        at: localInputToIso(values.at) ?? values.at,
        expiresOn: emptyToNull(values.expiresOn),
      });
      pushToast({ tone: 'success', message: 'Acknowledgement recorded.' });
      onClose();
    } catch (error) {
      setSaveError(applyStoreErrors(form, error, Object.keys(ackFormSchema.shape)));
      // The memo's id and version are one choice here.
      const memoProblem = fieldErrorsOf(error).find((e) => e.field.startsWith('memo'));
      if (memoProblem) form.setError('memo', { type: 'store', message: memoProblem.message });
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
        <ComboboxField form={form} name="byId" label="Answered by" options={people} autoFocus />
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
        <SelectField
          form={form}
          name="memo"
          label="Answers memo"
          options={memoOptions}
          className="span-2"
          hint={
            memoChoices && memoChoices.length === 0
              ? 'No memo issued in this engagement yet.'
              : 'Optional: the issued memo this reply acknowledges.'
          }
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
