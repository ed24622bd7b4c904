import { z } from 'zod';
import {
  ownershipAreaObject,
  ownershipKindSchema,
  raciSchema,
  type OwnershipArea,
} from '@shared/model/ownershipArea';
import { emptyToNull, optionalIdField } from '../../components/form';

const shape = ownershipAreaObject.shape;
const raci = raciSchema.shape;

/** The ownership-area form: the shared field rules, the RACI flattened into four fields. */
export const ownershipFormSchema = z.object({
  name: shape.name,
  kind: ownershipKindSchema,
  description: shape.description.unwrap(),
  accountableId: optionalIdField,
  responsibleIds: raci.responsibleIds.unwrap(),
  consultedIds: raci.consultedIds.unwrap(),
  informedIds: raci.informedIds.unwrap(),
});

export type OwnershipFormValues = z.infer<typeof ownershipFormSchema>;

/** The form's field names (to place the store's errors). */
export const ownershipFormFields = Object.keys(ownershipFormSchema.shape);

/** The form's starting values. */
export function toOwnershipForm(area: OwnershipArea | null): OwnershipFormValues {
  return {
    name: area?.name ?? '',
    kind: area?.kind ?? 'system',
    description: area?.description ?? '',
    accountableId: area?.raci.accountableId ?? '',
    responsibleIds: area?.raci.responsibleIds ?? [],
    consultedIds: area?.raci.consultedIds ?? [],
    informedIds: area?.raci.informedIds ?? [],
  };
}

/** The record fields of submitted form values. */
export function fromOwnershipForm(v: OwnershipFormValues) {
  return {
    name: v.name,
    kind: v.kind,
    description: v.description,
    raci: {
      accountableId: emptyToNull(v.accountableId),
      responsibleIds: v.responsibleIds,
      consultedIds: v.consultedIds,
      informedIds: v.informedIds,
    },
  };
}

/** Where a store error on a RACI field goes on this form. */
export function ownershipFieldOf(field: string): string {
  return field.startsWith('raci.') ? field.slice('raci.'.length) : field;
}
