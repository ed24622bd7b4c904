import type { OwnershipArea } from '../model/ownershipArea';
import type { Risk } from '../model/risk';
import { inherentRiskScore, residualRiskScore } from '../model/risk';
import type { Stakeholder } from '../model/stakeholder';
import type { IsoDay } from './dates';
import { toIsoDay } from './dates';
import type { Violation } from './violation';
import { violation } from './violation';

/** Optional lookups for the references a risk holds. */
export interface RiskContext {
  /** Live stakeholders by id. */
  stakeholdersById: ReadonlyMap<string, Stakeholder>;
  /** Live ownership areas by id; when given, ownershipAreaIds are checked too. */
  ownershipAreasById?: ReadonlyMap<string, OwnershipArea>;
}

/**
 * Cross-record rules of a risk: an accepted risk names who accepted it; the residual score
 * should not exceed the inherent one (a warning); referenced stakeholders and areas belong to
 * the same engagement.
 */
export function checkRisk(risk: Risk, context: RiskContext): Violation[] {
  const out: Violation[] = [];
  const isStakeholder = (id: string) =>
    context.stakeholdersById.get(id)?.engagementId === risk.engagementId;
  if (risk.status === 'accepted' && risk.acceptedById === null) {
    out.push(
      violation(
        'acceptedById',
        'is required for an accepted risk',
        'risk.accepted-without-acceptor',
      ),
    );
  }
  const residual = residualRiskScore(risk);
  const inherent = inherentRiskScore(risk);
  if (residual !== null && residual > inherent) {
    out.push(
      violation(
        'residualImpact',
        `gives a residual score (${residual}) above the score before controls (${inherent})`,
        'risk.residual-above-inherent',
        'warning',
      ),
    );
  }
  if (risk.ownerId !== null && !isStakeholder(risk.ownerId)) {
    out.push(
      violation('ownerId', 'is not a stakeholder of this engagement', 'risk.unknown-stakeholder'),
    );
  }
  if (risk.acceptedById !== null && !isStakeholder(risk.acceptedById)) {
    out.push(
      violation(
        'acceptedById',
        'is not a stakeholder of this engagement',
        'risk.unknown-stakeholder',
      ),
    );
  }
  const areas = context.ownershipAreasById;
  if (
    areas &&
    risk.ownershipAreaIds.some((id) => areas.get(id)?.engagementId !== risk.engagementId)
  ) {
    out.push(
      violation(
        'ownershipAreaIds',
        'lists an area that is not in this engagement',
        'risk.unknown-ownership-area',
      ),
    );
  }
  return out;
}

/** True when the risk is accepted and its acceptance lapsed before `today`. */
export function isAcceptanceExpired(risk: Risk, today: IsoDay | Date): boolean {
  return (
    risk.status === 'accepted' &&
    risk.acceptedUntil !== null &&
    risk.acceptedUntil < toIsoDay(today)
  );
}

/** True when a risk still in play (open, mitigating or accepted) is past its review day. */
export function isReviewOverdue(risk: Risk, today: IsoDay | Date): boolean {
  const inPlay =
    risk.status === 'open' || risk.status === 'mitigating' || risk.status === 'accepted';
  return inPlay && risk.reviewDate !== null && risk.reviewDate < toIsoDay(today);
}
