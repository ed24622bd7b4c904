import { z } from 'zod';
import type { SystemField } from './base';
import {
  choice,
  engagementScopedShape,
  flag,
  optionalDate,
  optionalRef,
  optionalText,
  refList,
  requiredText,
  scale5,
  systemFieldMask,
} from './base';

/** What a stakeholder may do about a decision in their area. */
export const decisionAuthoritySchema = choice(['decides', 'approves', 'influences', 'informed']);
export type DecisionAuthority = z.infer<typeof decisionAuthoritySchema>;

/** Where a stakeholder stands on the consultant's work and advice. */
export const stanceSchema = choice(['champion', 'supporter', 'neutral', 'skeptic', 'blocker']);
export type Stance = z.infer<typeof stanceSchema>;

/** Where escalations go: nowhere special, the whole engagement, or given ownership areas. */
export const escalationPointSchema = choice(['none', 'engagement', 'areas']);
export type EscalationPoint = z.infer<typeof escalationPointSchema>;

/** Whether the stakeholder is still in the organisation. */
export const stakeholderStatusSchema = choice(['active', 'departed']);
export type StakeholderStatus = z.infer<typeof stakeholderStatusSchema>;

/** A person (or a vacant position) in the client's organisation (plain object, usable for forms). */
export const stakeholderObject = z.object({
  ...engagementScopedShape,
  /** The person's name; for a vacant position a label such as "(vacant) Head of Operations". */
  name: requiredText(200),
  /** Job title; required for a vacant position. */
  title: optionalText(200),
  /** Department or team, for example "IT Operations". */
  orgUnit: optionalText(200),
  /** How to reach them: email and phone as free text. */
  contact: optionalText(500),
  /** The stakeholder this one reports to (the chain of command), or null at the top. */
  reportsToId: optionalRef(),
  /** Stakeholders this one also reports to on a dotted line. */
  dottedLineIds: refList(),
  /** decides, approves, influences or informed. */
  decisionAuthority: decisionAuthoritySchema.default('informed'),
  /** How much they can affect the outcome, 1 (little) to 5 (decisive). */
  influence: scale5.default(3),
  /** How much they care about the outcome, 1 (little) to 5 (very much). */
  interest: scale5.default(3),
  /** champion, supporter, neutral, skeptic or blocker. */
  stance: stanceSchema.default('neutral'),
  /** active, or departed (left the organisation or the role). */
  status: stakeholderStatusSchema.default('active'),
  /** True for a vacant position: a seat in the chain of command with nobody in it. */
  isVacant: flag(),
  /** The day the person left, if known (only for departed stakeholders). */
  departedAt: optionalDate(),
  /** Free notes about the stakeholder (Markdown). */
  notes: optionalText(),
  /** none, engagement (escalations go to them) or areas (for escalationAreaIds only). */
  escalationPoint: escalationPointSchema.default('none'),
  /** The ownership areas they are the escalation point for (escalationPoint "areas"). */
  escalationAreaIds: refList(),
  /** True when they asked that escalations go only to them. */
  escalationsOnlyToMe: flag(),
  /** The stakeholders they may answer for (a delegate): offered, never assumed. */
  delegateForIds: refList(),
});

/** A whole stored stakeholder, with its cross-field checks. */
export const stakeholderSchema = stakeholderObject.superRefine((s, ctx) => {
  if (s.isVacant && s.title.trim() === '') {
    ctx.addIssue({ code: 'custom', path: ['title'], message: 'is required for a vacant position' });
  }
  if (s.reportsToId !== null && s.reportsToId === s.id) {
    ctx.addIssue({
      code: 'custom',
      path: ['reportsToId'],
      message: 'cannot be the stakeholder themself',
    });
  }
  if (s.dottedLineIds.includes(s.id)) {
    ctx.addIssue({
      code: 'custom',
      path: ['dottedLineIds'],
      message: 'cannot include the stakeholder themself',
    });
  }
  if (s.delegateForIds.includes(s.id)) {
    ctx.addIssue({
      code: 'custom',
      path: ['delegateForIds'],
      message: 'cannot include the stakeholder themself',
    });
  }
  if (s.departedAt !== null && s.status !== 'departed') {
    ctx.addIssue({
      code: 'custom',
      path: ['departedAt'],
      message: 'is only set for a departed stakeholder',
    });
  }
});

export type Stakeholder = z.infer<typeof stakeholderSchema>;

/** The fields a caller supplies to create a stakeholder (defaults optional). */
export type StakeholderInput = Omit<z.input<typeof stakeholderObject>, SystemField>;

/** The create form's fields (everything but the system fields), without cross-field checks. */
export const stakeholderInputObject = stakeholderObject.omit(systemFieldMask);
