import { z } from 'zod';
import { channelSchema } from '@shared/model/channel';
import {
  evidenceSchema,
  raisedIssueObject,
  raisedIssueStatusSchema,
  severitySchema,
  type RaisedIssue,
} from '@shared/model/raisedIssue';
import {
  emptyToNull,
  isoToLocalInput,
  localDateTimeField,
  localInputToIso,
  optionalDateField,
  optionalIdField,
} from '../../components/form';

const shape = raisedIssueObject.shape;

/** The raised-issue form: the shared field rules, dates and references as form strings. */
export const raisedIssueFormSchema = z.object({
  title: shape.title,
  severity: severitySchema,
  status: raisedIssueStatusSchema,
  channel: channelSchema,
  raisedAt: localDateTimeField,
  raisedToIds: shape.raisedToIds,
  followUpDue: optionalDateField,
  targetDate: optionalDateField,
  ownerId: optionalIdField,
  escalatesId: optionalIdField,
  criteria: shape.criteria.unwrap(),
  condition: shape.condition.unwrap(),
  cause: shape.cause.unwrap(),
  effect: shape.effect.unwrap(),
  recommendation: shape.recommendation.unwrap(),
  evidence: z.array(evidenceSchema, { error: 'must be a list of evidence' }),
  riskIds: shape.riskIds.unwrap(),
  internalOnly: z.boolean(),
});

export type RaisedIssueFormValues = z.infer<typeof raisedIssueFormSchema>;

/** The form's field names (to place the store's errors). */
export const raisedIssueFormFields = Object.keys(raisedIssueFormSchema.shape);

/** A day some days from today, as YYYY-MM-DD (local). */
function dayFromNow(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return isoToLocalInput(d.toISOString()).slice(0, 10);
}

/** The form's starting values: the issue's, or a fresh raise (now, follow-up in a week). */
export function toRaisedIssueForm(
  issue: RaisedIssue | null,
  prefill: Partial<RaisedIssueFormValues> = {},
): RaisedIssueFormValues {
  return {
    title: issue?.title ?? '',
    severity: issue?.severity ?? 'medium',
    status: issue?.status ?? 'raised',
    channel: issue?.channel ?? 'email',
    raisedAt: isoToLocalInput(issue?.raisedAt ?? new Date().toISOString()),
    raisedToIds: issue?.raisedToIds ?? [],
    followUpDue: issue ? (issue.followUpDue ?? '') : dayFromNow(7),
    targetDate: issue?.targetDate ?? '',
    ownerId: issue?.ownerId ?? '',
    escalatesId: issue?.escalatesId ?? '',
    criteria: issue?.criteria ?? '',
    condition: issue?.condition ?? '',
    cause: issue?.cause ?? '',
    effect: issue?.effect ?? '',
    recommendation: issue?.recommendation ?? '',
    evidence: issue?.evidence.map((e) => ({ ...e })) ?? [],
    riskIds: issue?.riskIds ?? [],
    internalOnly: issue?.internalOnly ?? false,
    ...prefill,
  };
}

/** The record fields of submitted form values. */
export function fromRaisedIssueForm(values: RaisedIssueFormValues) {
  return {
    ...values,
    raisedAt: localInputToIso(values.raisedAt) ?? values.raisedAt,
    followUpDue: emptyToNull(values.followUpDue),
    targetDate: emptyToNull(values.targetDate),
    ownerId: emptyToNull(values.ownerId),
    escalatesId: emptyToNull(values.escalatesId),
  };
}
