import { z } from 'zod';
import type { SystemField } from './base';
import {
  choice,
  engagementScopedShape,
  isoDateTimeSchema,
  optionalDate,
  optionalRef,
  optionalText,
  refList,
  requiredText,
  scale5,
  systemFieldMask,
} from './base';

/** How the risk is being handled. */
export const riskTreatmentSchema = choice(['mitigate', 'accept', 'transfer', 'avoid']);
export type RiskTreatment = z.infer<typeof riskTreatmentSchema>;

/** Where the risk stands. */
export const riskStatusSchema = choice(['open', 'mitigating', 'accepted', 'closed', 'occurred']);
export type RiskStatus = z.infer<typeof riskStatusSchema>;

/** An entry of the risk register (plain object, usable for forms). */
export const riskObject = z.object({
  ...engagementScopedShape,
  /** Short name of the risk, for example "Database server runs out of disk space". */
  title: requiredText(200),
  /** What could make it happen (the cause). */
  cause: optionalText(),
  /** What would happen (the event). */
  event: optionalText(),
  /** What it would do to the business (the impact), in words. */
  impact: optionalText(),
  /** Free category, for example "Operations" or "People". */
  category: optionalText(100),
  /** How likely it is before controls, 1 (rare) to 5 (almost certain). */
  likelihood: scale5,
  /** How bad it would be before controls, 1 (minor) to 5 (severe). */
  impactScore: scale5,
  /** How likely it is once the controls are in place, 1 to 5, or null if not assessed. */
  residualLikelihood: scale5.nullable().default(null),
  /** How bad it would be once the controls are in place, 1 to 5, or null if not assessed. */
  residualImpact: scale5.nullable().default(null),
  /** The stakeholder who owns the risk, or null while nobody does. */
  ownerId: optionalRef(),
  /** The controls or actions that reduce it. */
  mitigation: optionalText(),
  /** mitigate, accept, transfer or avoid. */
  treatment: riskTreatmentSchema.default('mitigate'),
  /** When the risk should next be reviewed. */
  reviewDate: optionalDate(),
  /** open, mitigating, accepted, closed or occurred. */
  status: riskStatusSchema.default('open'),
  /** The ownership areas (systems, processes) the risk concerns. */
  ownershipAreaIds: refList(),
  /** For an accepted risk: the stakeholder who accepted it. */
  acceptedById: optionalRef(),
  /** For an accepted risk: the day the acceptance lapses and must be renewed. */
  acceptedUntil: optionalDate(),
  /** For an accepted risk: when it was accepted (UTC), or null when not recorded. */
  acceptedAt: isoDateTimeSchema.nullable().default(null),
  /** For an accepted risk: the conditions attached to the acceptance. */
  acceptanceConditions: optionalText(5_000),
  /** The acknowledgement the acceptance came from, or null. */
  acceptedViaAckId: optionalRef(),
});

/** A whole stored risk, with its cross-field checks. */
export const riskSchema = riskObject.superRefine((r, ctx) => {
  if ((r.residualLikelihood === null) !== (r.residualImpact === null)) {
    const path = r.residualLikelihood === null ? 'residualLikelihood' : 'residualImpact';
    ctx.addIssue({
      code: 'custom',
      path: [path],
      message: 'must be set together with the other residual score',
    });
  }
});

export type Risk = z.infer<typeof riskSchema>;

/** The fields a caller supplies to create a risk (defaults optional). */
export type RiskInput = Omit<z.input<typeof riskObject>, SystemField>;

/** The create form's fields (everything but the system fields), without cross-field checks. */
export const riskInputObject = riskObject.omit(systemFieldMask);

/** A risk score: likelihood times impact, 1 to 25. */
export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

/** The score before controls. */
export function inherentRiskScore(risk: Pick<Risk, 'likelihood' | 'impactScore'>): number {
  return riskScore(risk.likelihood, risk.impactScore);
}

/** The score once the controls are in place, or null when the residual is not assessed. */
export function residualRiskScore(
  risk: Pick<Risk, 'residualLikelihood' | 'residualImpact'>,
): number | null {
  if (risk.residualLikelihood === null || risk.residualImpact === null) return null;
  return riskScore(risk.residualLikelihood, risk.residualImpact);
}

/** Score bands used by heat maps and lists: 1-4 low, 5-9 medium, 10-16 high, 17-25 critical. */
export type RiskBand = 'low' | 'medium' | 'high' | 'critical';

/** The band a score falls in. */
export function riskBand(score: number): RiskBand {
  if (score >= 17) return 'critical';
  if (score >= 10) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}
