import { z } from 'zod';
import type { SystemField } from './base';
import {
  choice,
  engagementScopedShape,
  optionalRef,
  optionalText,
  refList,
  requiredText,
  systemFieldMask,
} from './base';

/** Whether the area is a system (a server, an application) or a process (a job, a procedure). */
export const ownershipKindSchema = choice(['system', 'process']);
export type OwnershipKind = z.infer<typeof ownershipKindSchema>;

/**
 * Who is Responsible, Accountable, Consulted and Informed for an area.
 * The Accountable is nullable because an area may be recorded before its owner is known;
 * the rules report a missing Accountable as an ownership gap.
 */
export const raciSchema = z.object({
  /** The one stakeholder answerable for the area, or null while nobody is. */
  accountableId: optionalRef(),
  /** Stakeholders who do the work. */
  responsibleIds: refList(),
  /** Stakeholders asked before changes. */
  consultedIds: refList(),
  /** Stakeholders told after changes. */
  informedIds: refList(),
});
export type Raci = z.infer<typeof raciSchema>;

/** A system or process someone should own (plain object, usable for forms). */
export const ownershipAreaObject = z.object({
  ...engagementScopedShape,
  /** The area's name, for example "Weekly batch jobs". */
  name: requiredText(200),
  /** system or process. */
  kind: ownershipKindSchema.default('system'),
  /** What the area covers and why its ownership matters. */
  description: optionalText(),
  /** Responsible, Accountable, Consulted and Informed stakeholders. */
  raci: raciSchema.default({
    accountableId: null,
    responsibleIds: [],
    consultedIds: [],
    informedIds: [],
  }),
});

/** A whole stored ownership area (no cross-field checks: the RACI rules live in shared/rules). */
export const ownershipAreaSchema = ownershipAreaObject;

export type OwnershipArea = z.infer<typeof ownershipAreaSchema>;

/** The fields a caller supplies to create an ownership area (defaults optional). */
export type OwnershipAreaInput = Omit<z.input<typeof ownershipAreaObject>, SystemField>;

/** The create form's fields (everything but the system fields). */
export const ownershipAreaInputObject = ownershipAreaObject.omit(systemFieldMask);
