import { z } from 'zod';
import {
  decisionAuthoritySchema,
  escalationPointSchema,
  stakeholderObject,
  stakeholderStatusSchema,
  stanceSchema,
  type Stakeholder,
} from '@shared/model/stakeholder';
import { emptyToNull, optionalDateField, optionalIdField } from '../../components/form';

const shape = stakeholderObject.shape;

/** The stakeholder form: the shared field rules, references and dates as form strings. */
export const stakeholderFormSchema = z
  .object({
    name: shape.name,
    title: shape.title.unwrap(),
    orgUnit: shape.orgUnit.unwrap(),
    contact: shape.contact.unwrap(),
    reportsToId: optionalIdField,
    dottedLineIds: shape.dottedLineIds.unwrap(),
    decisionAuthority: decisionAuthoritySchema,
    influence: shape.influence.unwrap(),
    interest: shape.interest.unwrap(),
    stance: stanceSchema,
    status: stakeholderStatusSchema,
    isVacant: z.boolean(),
    departedAt: optionalDateField,
    notes: shape.notes.unwrap(),
    escalationPoint: escalationPointSchema,
    escalationAreaIds: shape.escalationAreaIds.unwrap(),
    escalationsOnlyToMe: z.boolean(),
    delegateForIds: shape.delegateForIds.unwrap(),
  })
  .superRefine((v, ctx) => {
    // The same cross-field rules as stakeholderSchema, so they show on the field before saving.
    if (v.isVacant && v.title.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['title'],
        message: 'is required for a vacant position',
      });
    }
    if (v.escalationPoint === 'areas' && v.escalationAreaIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['escalationAreaIds'],
        message: 'must name at least one area',
      });
    }
    if (v.departedAt !== '' && v.status !== 'departed') {
      ctx.addIssue({
        code: 'custom',
        path: ['departedAt'],
        message: 'is only set for a departed stakeholder',
      });
    }
  });

export type StakeholderFormValues = z.infer<typeof stakeholderFormSchema>;

/** The form's field names (to place the store's errors). */
export const stakeholderFormFields = [
  'name',
  'title',
  'orgUnit',
  'contact',
  'reportsToId',
  'dottedLineIds',
  'decisionAuthority',
  'influence',
  'interest',
  'stance',
  'status',
  'isVacant',
  'departedAt',
  'notes',
  'escalationPoint',
  'escalationAreaIds',
  'escalationsOnlyToMe',
  'delegateForIds',
] as const satisfies readonly (keyof StakeholderFormValues)[];

/** The form's starting values: the stakeholder's, or a new one's defaults. */
export function toStakeholderForm(s: Stakeholder | null): StakeholderFormValues {
  return {
    name: s?.name ?? '',
    title: s?.title ?? '',
    orgUnit: s?.orgUnit ?? '',
    contact: s?.contact ?? '',
    reportsToId: s?.reportsToId ?? '',
    dottedLineIds: s?.dottedLineIds ?? [],
    decisionAuthority: s?.decisionAuthority ?? 'informed',
    influence: s?.influence ?? 3,
    interest: s?.interest ?? 3,
    stance: s?.stance ?? 'neutral',
    status: s?.status ?? 'active',
    isVacant: s?.isVacant ?? false,
    departedAt: s?.departedAt ?? '',
    notes: s?.notes ?? '',
    escalationPoint: s?.escalationPoint ?? 'none',
    escalationAreaIds: s?.escalationAreaIds ?? [],
    escalationsOnlyToMe: s?.escalationsOnlyToMe ?? false,
    delegateForIds: s?.delegateForIds ?? [],
  };
}

/** The record fields of submitted form values. */
export function fromStakeholderForm(v: StakeholderFormValues) {
  return {
    ...v,
    reportsToId: emptyToNull(v.reportsToId),
    departedAt: emptyToNull(v.departedAt),
    escalationAreaIds: v.escalationPoint === 'areas' ? v.escalationAreaIds : [],
  };
}
