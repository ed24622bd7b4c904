import { z } from 'zod';
import type { SystemField } from './base';
import {
  choice,
  engagementScopedShape,
  flag,
  idSchema,
  isoDateTimeSchema,
  optionalDate,
  optionalRef,
  optionalText,
  refList,
  requiredText,
  systemFieldMask,
} from './base';
import { channelSchema } from './channel';

/** How serious the issue is. */
export const severitySchema = choice(['high', 'medium', 'low']);
export type Severity = z.infer<typeof severitySchema>;

/** Where the issue stands after it was raised. */
export const raisedIssueStatusSchema = choice([
  'raised',
  'acknowledged',
  'actioned',
  'declined',
  'risk_accepted',
  'resolved',
]);
export type RaisedIssueStatus = z.infer<typeof raisedIssueStatusSchema>;

/** The kind of a piece of evidence. */
export const evidenceKindSchema = choice(['quote', 'reference']);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;

/** A piece of evidence backing the issue. */
export const evidenceSchema = z.object({
  /** quote (verbatim words) or reference (a log, a ticket, a document). */
  kind: evidenceKindSchema,
  /** The quoted words or the reference itself. */
  text: requiredText(5_000),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** What a chaser brought: no answer, an answer, or it bounced (never reached them). */
export const followUpOutcomeSchema = choice(['no_answer', 'answered', 'bounced']);
export type FollowUpOutcome = z.infer<typeof followUpOutcomeSchema>;

/** chaser (the consultant followed up) or silence (no answer by the follow-up day, recorded). */
export const followUpKindSchema = choice(['chaser', 'silence']);
export type FollowUpKind = z.infer<typeof followUpKindSchema>;

/** A follow-up event on the issue: a chaser sent, or silence by the follow-up day recorded. */
export const followUpSchema = z.object({
  /** chaser or silence. */
  kind: followUpKindSchema,
  /** When the chaser was sent, or the end of the follow-up day that passed (UTC). */
  at: isoDateTimeSchema,
  /** Whom it was sent to (a chaser), or who had not answered by the day (silence). */
  toIds: z
    .array(idSchema, { error: 'must be a list of ids' })
    .min(1, 'must name at least one stakeholder')
    .max(200),
  /** How the chaser was sent (for silence: the issue's channel). */
  channel: channelSchema.default('email'),
  /** no_answer, answered or bounced. */
  outcome: followUpOutcomeSchema.default('no_answer'),
  /** For silence: the follow-up day that passed; else null. */
  day: optionalDate(),
  /** A note in the consultant's words. */
  note: optionalText(2_000),
  /**
   * When the consultant deleted it (kept, so Undo and the history can show it); absent while
   * it stands, so follow-ups stored before deletion existed keep their exact form.
   */
  deletedAt: isoDateTimeSchema.optional(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** The five elements of a finding, in the order a memo prints them. */
export const findingElements = [
  'criteria',
  'condition',
  'cause',
  'effect',
  'recommendation',
] as const;
export type FindingElement = (typeof findingElements)[number];

/** An issue the consultant raised: the advice given, to whom, when and how (plain object). */
export const raisedIssueObject = z.object({
  ...engagementScopedShape,
  /** Short title, for example "Database server disk nearly full". */
  title: requiredText(200),
  /** What should be (the standard, policy or good practice). */
  criteria: optionalText(),
  /** What is (the observed situation). */
  condition: optionalText(),
  /** Why it is so (the cause). */
  cause: optionalText(),
  /** What it does or could do (the effect). */
  effect: optionalText(),
  /** What the consultant advises (the recommendation). */
  recommendation: optionalText(),
  /** high, medium or low. */
  severity: severitySchema.default('medium'),
  /** The stakeholders the issue was raised to (at least one). */
  raisedToIds: z
    .array(idSchema, { error: 'must be a list of ids' })
    .min(1, 'must name at least one stakeholder')
    .refine((ids) => new Set(ids).size === ids.length, 'must not list the same record twice'),
  /** When the issue was raised (UTC). */
  raisedAt: isoDateTimeSchema,
  /** How it was raised: email, meeting, call, chat, ticket or memo. */
  channel: channelSchema.default('email'),
  /** Quotes and references that back the issue. */
  evidence: z.array(evidenceSchema, { error: 'must be a list of evidence' }).default([]),
  /** The day by which an answer is expected, or null. */
  followUpDue: optionalDate(),
  /** raised, acknowledged, actioned, declined, risk_accepted or resolved. */
  status: raisedIssueStatusSchema.default('raised'),
  /** The risks this issue concerns. */
  riskIds: refList(),
  /** The earlier issue this one escalates (raised again, higher up), or null. */
  escalatesId: optionalRef(),
  /** The stakeholder who owns the fix, or null while nobody does. */
  ownerId: optionalRef(),
  /** The day the fix is due, or null. */
  targetDate: optionalDate(),
  /** True to leave the issue out of memos (kept private on request). */
  internalOnly: flag(),
  /** Chasers sent and silences recorded, oldest first. */
  followUps: z
    .array(followUpSchema, { error: 'must be a list of follow-ups' })
    .max(500, 'holds too many follow-ups')
    .default([]),
});

/** A whole stored raised issue, with its cross-field checks. */
export const raisedIssueSchema = raisedIssueObject.superRefine((i, ctx) => {
  if (i.escalatesId !== null && i.escalatesId === i.id) {
    ctx.addIssue({ code: 'custom', path: ['escalatesId'], message: 'cannot be the issue itself' });
  }
  if (i.followUps.some((f) => Date.parse(f.at) < Date.parse(i.raisedAt))) {
    ctx.addIssue({
      code: 'custom',
      path: ['followUps'],
      message: 'cannot be before the issue was raised',
    });
  }
});

export type RaisedIssue = z.infer<typeof raisedIssueSchema>;

/** The fields a caller supplies to create a raised issue (defaults optional). */
export type RaisedIssueInput = Omit<z.input<typeof raisedIssueObject>, SystemField>;

/** The create form's fields (everything but the system fields), without cross-field checks. */
export const raisedIssueInputObject = raisedIssueObject.omit(systemFieldMask);
