import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Acknowledgement } from '@shared/model/acknowledgement';
import { channels, channelSchema } from '@shared/model/channel';
import { followUpOutcomeSchema, type FollowUp, type RaisedIssue } from '@shared/model/raisedIssue';
import type { Stakeholder } from '@shared/model/stakeholder';
import { unansweredAddressees } from '@shared/rules/addressees';
import { localIsoDay } from '@shared/rules/dates';
import { correctFollowUpPatch } from '@shared/rules/followUpEdits';
import { chaserPatch } from '@shared/rules/followUps';
import {
  DateField,
  DateTimeField,
  FormDialog,
  SelectField,
  StakeholderMultiSelect,
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
import { choiceLabel } from '../../lib/choiceLabel';

const followUpFormSchema = z.object({
  at: localDateTimeField,
  toIds: z.array(z.string()).min(1, 'must name at least one stakeholder'),
  channel: channelSchema,
  outcome: followUpOutcomeSchema,
  note: z.string().max(2_000),
  nextFollowUpDue: optionalDateField,
});
type FollowUpFormValues = z.infer<typeof followUpFormSchema>;

const OUTCOME_TEXT = {
  no_answer: 'No answer',
  answered: 'Answered (record the answer too)',
  bounced: 'Bounced (did not reach them)',
} as const;

/** A day `days` after the local day of `from`. */
function dayAfter(from: Date, days: number): string {
  const d = new Date(from);
  d.setDate(d.getDate() + days);
  return localIsoDay(d);
}

/**
 * "Followed up": a chaser sent (when, to whom, how, what came of it), recorded on the issue,
 * and the issue's new follow-up day (one write: the issue's history keeps both). With
 * `followUp`, corrects that follow-up instead (a recorded silence: its note only); the follow-up
 * day is not moved by a correction.
 */
export function FollowUpDialog({
  issue,
  followUp,
  stakeholders,
  acknowledgements,
  onClose,
}: {
  issue: RaisedIssue;
  /** The follow-up to correct; absent to record a new chaser. */
  followUp?: FollowUp | undefined;
  stakeholders: readonly Stakeholder[];
  acknowledgements: readonly Acknowledgement[];
  onClose: () => void;
}) {
  const { store } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const [saveError, setSaveError] = useState<string | null>(null);
  const waiting = unansweredAddressees(issue, acknowledgements);
  const silenceOnly = followUp?.kind === 'silence';
  const now = new Date();
  const form = useForm<FollowUpFormValues>({
    resolver: zodResolver(followUpFormSchema),
    defaultValues: followUp
      ? {
          at: isoToLocalInput(followUp.at),
          toIds: followUp.toIds,
          channel: followUp.channel,
          outcome: followUp.outcome,
          note: followUp.note,
          nextFollowUpDue: '',
        }
      : {
          at: isoToLocalInput(now.toISOString()),
          toIds: waiting.length > 0 ? waiting : issue.raisedToIds,
          channel: issue.channel,
          outcome: 'no_answer',
          note: '',
          nextFollowUpDue: dayAfter(now, 7),
        },
  });

  const submit = form.handleSubmit(async (values) => {
    setSaveError(null);
    try {
      if (followUp) {
        const correction = {
          at: localInputToIso(values.at) ?? values.at,
          toIds: values.toIds,
          channel: values.channel,
          outcome: values.outcome,
          note: values.note,
        };
        await store.raisedIssues.update(issue.id, (current) =>
          correctFollowUpPatch(current, followUp, correction),
        );
        pushToast({ tone: 'success', message: 'Follow-up corrected.' });
        onClose();
        return;
      }
      const patch = chaserPatch(
        issue,
        {
          at: localInputToIso(values.at) ?? values.at,
          toIds: values.toIds,
          channel: values.channel,
          outcome: values.outcome,
          note: values.note,
        },
        emptyToNull(values.nextFollowUpDue),
      );
      await store.raisedIssues.update(issue.id, patch);
      pushToast({ tone: 'success', message: 'Follow-up recorded.' });
      onClose();
    } catch (error) {
      setSaveError(applyStoreErrors(form, error, Object.keys(followUpFormSchema.shape)));
    }
  });

  return (
    <FormDialog
      title={followUp ? 'Correct follow-up' : 'Record follow-up'}
      description={issue.title}
      submitLabel={followUp ? 'Save correction' : 'Save follow-up'}
      submitting={form.formState.isSubmitting}
      error={saveError}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <div className="form-grid">
        {silenceOnly ? (
          <p className="span-2 muted">
            A recorded silence states who had not answered by the follow-up day; only its note can
            be corrected. Delete it if it should not have been recorded.
          </p>
        ) : (
          <>
            <DateTimeField form={form} name="at" label="Followed up at" autoFocus />
            <SelectField
              form={form}
              name="channel"
              label="Channel"
              options={channels.map((v) => ({ value: v, label: choiceLabel(v) }))}
            />
            <StakeholderMultiSelect
              form={form}
              name="toIds"
              label="Followed up with"
              stakeholders={stakeholders}
              className="span-2"
            />
            <SelectField
              form={form}
              name="outcome"
              label="Outcome"
              options={followUpOutcomeSchema.options.map((v) => ({
                value: v,
                label: OUTCOME_TEXT[v],
              }))}
            />
            {followUp ? null : (
              <DateField
                form={form}
                name="nextFollowUpDue"
                label="Next follow-up by"
                hint="Moves the issue's follow-up day."
              />
            )}
          </>
        )}
        <TextAreaField
          form={form}
          name="note"
          label="Note"
          className="span-2"
          rows={2}
          autoFocus={silenceOnly}
        />
      </div>
    </FormDialog>
  );
}
