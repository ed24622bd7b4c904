import type { OwnershipArea } from '@shared/model/ownershipArea';
import type { RaisedIssue } from '@shared/model/raisedIssue';
import type { Risk } from '@shared/model/risk';
import type { Stakeholder } from '@shared/model/stakeholder';
import { describeEscalationPlan } from '@shared/notebook/escalationPlan';
import { proposeEscalation } from '@shared/notebook/escalationRoute';

/**
 * The escalation of an issue the form proposes: one sentence why (with the reporting line's
 * skips only when the proposal came from it), and the new issue prefilled from the source (its
 * finding, evidence and risks; raised to the proposed people; escalating the source).
 */
export function escalationProposal(
  issue: RaisedIssue,
  stakeholders: readonly Stakeholder[],
  areas: readonly OwnershipArea[],
  risks: readonly Risk[],
) {
  const route = proposeEscalation({
    issue,
    stakeholders,
    areas,
    risks,
  });
  // One sentence why; the reporting line's skips only when the proposal came from it.
  const notice = [
    route.targets.length > 0
      ? `Proposed: ${route.targets.map((t) => `${t.name}${t.title ? `, ${t.title}` : ''}`).join(' and ')}. ${route.reason}`
      : route.reason,
    ...(route.basis === 'reporting-line' ? describeEscalationPlan(route.plan) : []),
  ];
  const source = issue;
  return {
    notice,
    prefill: {
      title: `Escalation: ${source.title}`.slice(0, 200),
      raisedToIds: route.targets.map((t) => t.id),
      escalatesId: source.id,
      severity: source.severity,
      criteria: source.criteria,
      condition: source.condition,
      cause: source.cause,
      effect: source.effect,
      recommendation: source.recommendation,
      evidence: source.evidence.map((e) => ({ ...e })),
      riskIds: source.riskIds,
      ownerId: source.ownerId ?? '',
    },
  };
}
