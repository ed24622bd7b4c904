import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Acknowledgement } from '@shared/model/acknowledgement';
import {
  acknowledgementObject,
  acknowledgementResponseSchema,
} from '@shared/model/acknowledgement';
import { channels, channelSchema } from '@shared/model/channel';
import type { RaisedIssue } from '@shared/model/raisedIssue';
import type { Stakeholder } from '@shared/model/stakeholder';
import { memoChoiceKey, memoReferenceOf, orderMemoChoices } from '@shared/notebook/memoChoices';
import { acceptancePatch } from '@shared/rules/riskAcceptance';
import { useRecords } from '../../../db';
import {
  ChoiceMultiSelect,
  DateField,
  DateTimeField,
  FormDialog,
  FormSection,
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
import { useIssuedMemoChoices } from './useIssuedMemoChoices';
import { choiceLabel } from '../../lib/choiceLabel';

const shape = acknowledgementObject.shape;

/** The quick acknowledgement form: who answered, when, how, and their words. */
const ackFormSchema = z.object({
  byId: shape.byId,
  /** The addressee answered for ('' = the answer is the answerer's own). */
  onBehalfOfId: z.string(),
  at: localDateTimeField,
  channel: channelSchema,
  response: acknowledgementResponseSchema,
  quote: shape.quote.unwrap(),
  conditions: shape.conditions.unwrap(),
  expiresOn: optionalDateField,
  /** The issued memo version answered ("NWL-M-2026-004 v2"), '' for none. */
  memo: z.string(),
  /** For a "risk accepted" answer: the linked risks to record it on as their acceptance. */
  acceptRiskIds: z.array(z.string()),
});
type AckFormValues = z.infer<typeof ackFormSchema>;

/**
 * "Record acknowledgement": paste the reply as the quote; the issue's status moves with the
 * answer (store.raisedIssues.recordAcknowledgement, one transaction).
 */
export function AcknowledgementDialog({
  issue,
  stakeholders,
  acknowledgement: editing = null,
  onClose,
}: {
  issue: RaisedIssue;
  stakeholders: readonly Stakeholder[];
  /** The acknowledgement to correct, or null to record a new one. */
  acknowledgement?: Acknowledgement | null;
  onClose: () => void;
}) {
  const { store, db } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const [saveError, setSaveError] = useState<string | null>(null);
  const memoChoices = useIssuedMemoChoices(issue.engagementId);
  const form = useForm<AckFormValues>({
    resolver: zodResolver(ackFormSchema),
    defaultValues: editing
      ? {
          byId: editing.byId,
          onBehalfOfId: editing.onBehalfOfId ?? '',
          at: isoToLocalInput(editing.at),
          channel: editing.channel,
          response: editing.response,
          quote: editing.quote,
          conditions: editing.conditions,
          expiresOn: editing.expiresOn ?? '',
          memo:
            editing.memoId === null || editing.memoVersion === null
              ? ''
              : memoChoiceKey({ memoId: editing.memoId, version: editing.memoVersion }),
          acceptRiskIds: [],
        }
      : {
          byId: issue.raisedToIds[0] ?? '',
          onBehalfOfId: '',
          at: isoToLocalInput(new Date().toISOString()),
          channel: 'email',
          response: 'received',
          quote: '',
          conditions: '',
          expiresOn: '',
          memo: '',
          acceptRiskIds: [...issue.riskIds],
        },
  });
  const risks = useRecords(db, 'risk', issue.engagementId);
  const linkedRisks = (risks ?? []).filter((r) => issue.riskIds.includes(r.id));
  const response = form.watch('response');
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

  const nameOf = new Map(stakeholders.map((s) => [s.id, s.name]));
  const answerer = form.watch('byId');
  const delegateOf = (stakeholders.find((s) => s.id === answerer)?.delegateForIds ?? []).filter(
    (id) => issue.raisedToIds.includes(id) && id !== answerer,
  );
  const onBehalfOptions: SelectOption[] = [
    { value: '', label: '— their own answer —' },
    ...issue.raisedToIds
      .filter((id) => id !== answerer)
      .map((id) => ({ value: id, label: nameOf.get(id) ?? 'unknown' })),
  ];

  const submit = form.handleSubmit(async ({ memo, acceptRiskIds, ...values }) => {
    setSaveError(null);
    const reference = memoReferenceOf(memo, memoChoices ?? []);
    if (!reference) {
      form.setError('memo', { type: 'store', message: 'is no longer an issued memo' });
      return;
    }
    if (editing) {
      try {
        await store.raisedIssues.correctAcknowledgement(editing.id, {
          ...values,
          ...reference,
          onBehalfOfId: emptyToNull(values.onBehalfOfId),
          at: localInputToIso(values.at) ?? values.at,
          expiresOn: emptyToNull(values.expiresOn),
        });
        pushToast({ tone: 'success', message: 'Acknowledgement corrected.' });
        onClose();
      } catch (error) {
        setSaveError(applyStoreErrors(form, error, Object.keys(ackFormSchema.shape)));
      }
      return;
    }
    try {
      // The answer, the issue's status and each risk's acceptance: all stored, or none.
      const acknowledgement = await store.atomically(async () => {
        const recorded = await store.raisedIssues.recordAcknowledgement(issue.id, {
          ...values,
          ...reference,
          onBehalfOfId: emptyToNull(values.onBehalfOfId),
          at: localInputToIso(values.at) ?? values.at,
          expiresOn: emptyToNull(values.expiresOn),
        });
        const saved = recorded.acknowledgement;
        if (saved.response === 'risk_accepted') {
          // One acceptance record per risk: who, when, conditions, until, and this answer.
          for (const riskId of acceptRiskIds.filter((id) => issue.riskIds.includes(id)))
            await store.risks.update(riskId, acceptancePatch(saved));
        }
        return saved;
      });
      const accepted =
        acknowledgement.response === 'risk_accepted' && acceptRiskIds.length > 0
          ? ` Recorded as the acceptance of ${acceptRiskIds.length} ${acceptRiskIds.length === 1 ? 'risk' : 'risks'}.`
          : '';
      pushToast({ tone: 'success', message: `Acknowledgement recorded.${accepted}` });
      onClose();
    } catch (error) {
      setSaveError(applyStoreErrors(form, error, Object.keys(ackFormSchema.shape)));
      // The memo's id and version are one choice here.
      const memoProblem = fieldErrorsOf(error).find((e) => e.field.startsWith('memo'));
      if (memoProblem) form.setError('memo', { type: 'store', message: memoProblem.message });
    }
  });

  return (
    <FormDialog
      title={editing ? 'Correct acknowledgement' : 'Record acknowledgement'}
      description={issue.title}
      submitLabel={editing ? 'Save correction' : 'Save acknowledgement'}
      submitting={form.formState.isSubmitting}
      error={saveError}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <div className="form-grid">
        <FormSection title="Who answered, when and how">
          <ComboboxField form={form} name="byId" label="Answered by" options={people} autoFocus />
          <ComboboxField
            form={form}
            name="onBehalfOfId"
            label="On behalf of"
            options={onBehalfOptions}
            hint={
              delegateOf.length > 0
                ? `${nameOf.get(answerer) ?? 'They'} is recorded as delegate for ${delegateOf.map((id) => nameOf.get(id) ?? 'unknown').join(', ')}: choose them here only if this answer was given for them.`
                : 'Only when they answered for someone it was raised to (a delegate). Otherwise the answer is theirs alone.'
            }
          />
          <DateTimeField form={form} name="at" label="Answered at" />
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
        </FormSection>
        <FormSection title="What they said">
          <SelectField
            form={form}
            name="response"
            label="Response"
            options={acknowledgementResponseSchema.options.map((v) => ({
              value: v,
              label: choiceLabel(v),
            }))}
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
          {!editing && response === 'risk_accepted' && linkedRisks.length > 0 ? (
            <ChoiceMultiSelect
              form={form}
              name="acceptRiskIds"
              label="Record as the acceptance of"
              hint="Each chosen risk records who accepted it, when, on what conditions, until when, and this answer."
              className="span-2"
              options={linkedRisks.map((r) => ({ value: r.id, label: r.title }))}
            />
          ) : null}
        </FormSection>
      </div>
    </FormDialog>
  );
}
