import { z } from 'zod';
import type { SystemField } from './base';
import {
  choice,
  engagementScopedShape,
  idSchema,
  isoDateTimeSchema,
  optionalDate,
  optionalRef,
  optionalText,
  systemFieldMask,
} from './base';
import { channelSchema } from './channel';

/** What the stakeholder answered. */
export const acknowledgementResponseSchema = choice([
  'received',
  'accepted',
  'declined',
  'risk_accepted',
  'deferred',
]);
export type AcknowledgementResponse = z.infer<typeof acknowledgementResponseSchema>;

/** A stakeholder's answer to a raised issue (plain object, usable for forms). */
export const acknowledgementObject = z.object({
  ...engagementScopedShape,
  /** The raised issue being acknowledged. */
  raisedIssueId: idSchema,
  /** The memo acknowledged, if the answer was to a memo (its memo id), or null. */
  memoId: z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'is required')
    .max(100)
    .nullable()
    .default(null),
  /** The version of that memo, or null. */
  memoVersion: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .nullable()
    .default(null),
  /** The SHA-256 fingerprint of that memo version (checked against the issued memo), or null. */
  memoFingerprint: z
    .string({ error: 'must be text' })
    .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest')
    .nullable()
    .default(null),
  /** The stakeholder who answered. */
  byId: idSchema,
  /**
   * The addressee this answer was given for, when the consultant records that the answerer
   * spoke on their behalf (a delegate); null when the answer is the answerer's own. An answer
   * covers only the person it is recorded for: byId, or this addressee.
   */
  onBehalfOfId: optionalRef(),
  /** When they answered (UTC). */
  at: isoDateTimeSchema,
  /** How they answered: email, meeting, call, chat, ticket or memo. */
  channel: channelSchema.default('email'),
  /** received, accepted, declined, risk_accepted or deferred. */
  response: acknowledgementResponseSchema.default('received'),
  /** Their words, verbatim. */
  quote: optionalText(),
  /** Conditions they attached to the answer. */
  conditions: optionalText(),
  /** For a risk acceptance: the day it lapses, or null. */
  expiresOn: optionalDate(),
});

/** A whole stored acknowledgement, with its cross-field checks. */
export const acknowledgementSchema = acknowledgementObject.superRefine((a, ctx) => {
  if (a.memoVersion !== null && a.memoId === null) {
    ctx.addIssue({ code: 'custom', path: ['memoVersion'], message: 'needs a memo id' });
  }
  if (a.memoFingerprint !== null && a.memoVersion === null) {
    ctx.addIssue({ code: 'custom', path: ['memoFingerprint'], message: 'needs a memo version' });
  }
  if (a.onBehalfOfId !== null && a.onBehalfOfId === a.byId) {
    ctx.addIssue({
      code: 'custom',
      path: ['onBehalfOfId'],
      message: 'must be someone other than the person who answered',
    });
  }
});

export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

/** The fields a caller supplies to create an acknowledgement (defaults optional). */
export type AcknowledgementInput = Omit<z.input<typeof acknowledgementObject>, SystemField>;

/** The create form's fields (everything but the system fields), without cross-field checks. */
export const acknowledgementInputObject = acknowledgementObject.omit(systemFieldMask);
