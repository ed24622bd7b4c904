import { z } from 'zod';
import { riskObject, riskStatusSchema, riskTreatmentSchema, type Risk } from '@shared/model/risk';
import { emptyToNull, optionalDateField, optionalIdField } from '../../components/form';

const shape = riskObject.shape;

/** An optional 1-to-5 score as the form holds it: '' (not assessed) or '1'..'5'. */
const optionalScore = z.enum(['', '1', '2', '3', '4', '5'], { error: 'must be 1 to 5' });

/** The risk form: the shared field rules, optional scores, dates and references as strings. */
export const riskFormSchema = z
  .object({
    title: shape.title,
    category: shape.category.unwrap(),
    cause: shape.cause.unwrap(),
    event: shape.event.unwrap(),
    impact: shape.impact.unwrap(),
    likelihood: shape.likelihood,
    impactScore: shape.impactScore,
    residualLikelihood: optionalScore,
    residualImpact: optionalScore,
    ownerId: optionalIdField,
    mitigation: shape.mitigation.unwrap(),
    treatment: riskTreatmentSchema,
    reviewDate: optionalDateField,
    status: riskStatusSchema,
    acceptedById: optionalIdField,
    acceptedUntil: optionalDateField,
  })
  .superRefine((v, ctx) => {
    // The same checks as riskSchema and checkRisk, shown on the field before saving.
    if ((v.residualLikelihood === '') !== (v.residualImpact === '')) {
      ctx.addIssue({
        code: 'custom',
        path: [v.residualLikelihood === '' ? 'residualLikelihood' : 'residualImpact'],
        message: 'must be set together with the other residual score',
      });
    }
    if (v.status === 'accepted' && v.acceptedById === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['acceptedById'],
        message: 'is required for an accepted risk',
      });
    }
  });

export type RiskFormValues = z.infer<typeof riskFormSchema>;

/** The form's field names (to place the store's errors). */
export const riskFormFields = Object.keys(riskFormSchema.shape);

const scoreText = (n: number | null) =>
  (n === null ? '' : String(n)) as RiskFormValues['residualImpact'];

/** The form's starting values. */
export function toRiskForm(risk: Risk | null): RiskFormValues {
  return {
    title: risk?.title ?? '',
    category: risk?.category ?? '',
    cause: risk?.cause ?? '',
    event: risk?.event ?? '',
    impact: risk?.impact ?? '',
    likelihood: risk?.likelihood ?? 3,
    impactScore: risk?.impactScore ?? 3,
    residualLikelihood: scoreText(risk?.residualLikelihood ?? null),
    residualImpact: scoreText(risk?.residualImpact ?? null),
    ownerId: risk?.ownerId ?? '',
    mitigation: risk?.mitigation ?? '',
    treatment: risk?.treatment ?? 'mitigate',
    reviewDate: risk?.reviewDate ?? '',
    status: risk?.status ?? 'open',
    acceptedById: risk?.acceptedById ?? '',
    acceptedUntil: risk?.acceptedUntil ?? '',
  };
}

/** The record fields of submitted form values. */
export function fromRiskForm(v: RiskFormValues) {
  return {
    ...v,
    residualLikelihood: v.residualLikelihood === '' ? null : Number(v.residualLikelihood),
    residualImpact: v.residualImpact === '' ? null : Number(v.residualImpact),
    ownerId: emptyToNull(v.ownerId),
    reviewDate: emptyToNull(v.reviewDate),
    acceptedById: emptyToNull(v.acceptedById),
    acceptedUntil: emptyToNull(v.acceptedUntil),
  };
}
