import { z } from 'zod';
import type { SystemField } from './base';
import {
  choice,
  engagementScopedShape,
  isoDateTimeSchema,
  optionalRef,
  optionalText,
  requiredText,
  systemFieldMask,
} from './base';
import { recordLinks } from './link';

/** Where a decision stands. */
export const decisionStatusSchema = choice(['proposed', 'accepted', 'superseded']);
export type DecisionStatus = z.infer<typeof decisionStatusSchema>;

/** A decision taken (or proposed) during the engagement (plain object, usable for forms). */
export const decisionObject = z.object({
  ...engagementScopedShape,
  /** What was decided, for example "Move publishing to the business units". */
  title: requiredText(300),
  /** The stakeholder who decided, or null if not known (or not yet decided). */
  decidedById: optionalRef(),
  /** When it was decided (UTC), or null while proposed. */
  decidedAt: isoDateTimeSchema.nullable().default(null),
  /** Why: the reasons and the options weighed. */
  rationale: optionalText(),
  /** proposed, accepted or superseded. */
  status: decisionStatusSchema.default('proposed'),
  /** The later decision that replaced this one, or null. */
  supersededById: optionalRef(),
  /** Records the decision is about. */
  links: recordLinks(),
});

/** A whole stored decision, with its cross-field checks. */
export const decisionSchema = decisionObject.superRefine((d, ctx) => {
  if (d.supersededById !== null && d.supersededById === d.id) {
    ctx.addIssue({
      code: 'custom',
      path: ['supersededById'],
      message: 'cannot be the decision itself',
    });
  }
  if (d.supersededById !== null && d.status !== 'superseded') {
    ctx.addIssue({
      code: 'custom',
      path: ['status'],
      message: 'must be superseded when a later decision replaces it',
    });
  }
});

export type Decision = z.infer<typeof decisionSchema>;

/** The fields a caller supplies to create a decision (defaults optional). */
export type DecisionInput = Omit<z.input<typeof decisionObject>, SystemField>;

/** The create form's fields (everything but the system fields), without cross-field checks. */
export const decisionInputObject = decisionObject.omit(systemFieldMask);
