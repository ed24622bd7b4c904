import type { OwnershipArea } from '../model/ownershipArea';
import type { RaisedIssue } from '../model/raisedIssue';
import type { Risk } from '../model/risk';
import type { Stakeholder } from '../model/stakeholder';
import { canDecide } from '../rules/escalation';
import { planEscalation, type EscalationPlan } from './escalationPlan';

/** How a proposal was found, in the order the routing tries. */
export type RouteBasis =
  | 'area-escalation-point'
  | 'escalation-point'
  | 'only-to-me'
  | 'reporting-line'
  | 'dotted-line'
  | 'none';

/** Whom to escalate an issue to, and why, in one sentence. */
export interface EscalationRoute {
  /** The people proposed (empty when nobody can be). */
  targets: Stakeholder[];
  /** Which rule found them. */
  basis: RouteBasis;
  /** One sentence: why these people (or why nobody). */
  reason: string;
  /** The reporting-line plan (for its skips and the people passed over). */
  plan: EscalationPlan;
}

/** The issue and the records routing reads. */
export interface RouteInput {
  issue: Pick<RaisedIssue, 'raisedToIds' | 'riskIds'>;
  stakeholders: readonly Stakeholder[];
  /** Ownership areas (for escalation points of given areas). */
  areas?: readonly OwnershipArea[];
  /** Risks (an issue's areas are those of its linked risks). */
  risks?: readonly Risk[];
}

const present = (s: Stakeholder) => s.deletedAt === null && !s.isVacant && s.status !== 'departed';
const names = (list: readonly Stakeholder[]) => list.map((s) => s.name).join(' and ');

/** The names of the issue's ownership areas (through its linked risks), in area order. */
function issueAreas(input: RouteInput): OwnershipArea[] {
  const riskIds = new Set(input.issue.riskIds);
  const areaIds = new Set(
    (input.risks ?? [])
      .filter((r) => r.deletedAt === null && riskIds.has(r.id))
      .flatMap((r) => r.ownershipAreaIds),
  );
  return (input.areas ?? []).filter((a) => a.deletedAt === null && areaIds.has(a.id));
}

/** " (delegate: Pia Grant)" when present people are recorded as answering for them. */
function delegateNote(targets: readonly Stakeholder[], people: readonly Stakeholder[]): string {
  const delegates = people.filter(
    (p) => present(p) && targets.some((t) => p.delegateForIds.includes(t.id)),
  );
  return delegates.length === 0 ? '' : ` (delegate: ${names(delegates)})`;
}

/**
 * Proposes whom to escalate an issue to, honouring what the client asked for, in this order:
 * an escalation point for the issue's areas, an escalation point for the engagement, someone
 * who wants escalations only to them, then up the reporting line (planEscalation), then the
 * dotted lines of the people it was raised to. Departed people, vacant seats and those the
 * issue was already raised to are never proposed. Says in one sentence why.
 */
export function proposeEscalation(input: RouteInput): EscalationRoute {
  const { issue, stakeholders } = input;
  const already = new Set(issue.raisedToIds);
  const candidates = stakeholders.filter((s) => present(s) && !already.has(s.id));
  const plan = planEscalation(issue, stakeholders);
  const result = (targets: Stakeholder[], basis: RouteBasis, why: string): EscalationRoute => ({
    targets,
    basis,
    reason: `${why}${delegateNote(targets, stakeholders)}.`,
    plan,
  });

  const areas = issueAreas(input);
  for (const area of areas) {
    const points = candidates.filter(
      (s) => s.escalationPoint === 'areas' && s.escalationAreaIds.includes(area.id),
    );
    if (points.length > 0) {
      return result(
        points,
        'area-escalation-point',
        `${names(points)} ${points.length === 1 ? 'is' : 'are'} the escalation point for ${area.name}`,
      );
    }
  }
  const points = candidates.filter((s) => s.escalationPoint === 'engagement');
  if (points.length > 0) {
    return result(
      points,
      'escalation-point',
      `${names(points)} ${points.length === 1 ? 'is' : 'are'} the escalation point for this engagement`,
    );
  }
  const onlyMe = candidates.filter((s) => s.escalationsOnlyToMe);
  if (onlyMe.length > 0) {
    return result(
      onlyMe,
      'only-to-me',
      `${names(onlyMe)} asked that escalations go only to ${onlyMe.length === 1 ? 'them' : 'them all'}`,
    );
  }
  if (plan.targets.length > 0) {
    const from = stakeholders.filter((s) => already.has(s.id)).map((s) => s.name);
    return result(
      plan.targets,
      'reporting-line',
      `${names(plan.targets)} ${plan.targets.length === 1 ? 'is' : 'are'} next up the reporting line from ${from.join(', ')} with authority to decide`,
    );
  }
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  const dotted = [
    ...new Set(stakeholders.filter((s) => already.has(s.id)).flatMap((s) => s.dottedLineIds)),
  ]
    .map((id) => byId.get(id))
    .filter((s): s is Stakeholder => s !== undefined && present(s) && !already.has(s.id))
    .filter(canDecide);
  if (dotted.length > 0) {
    return result(
      dotted,
      'dotted-line',
      `The reporting line runs out; ${names(dotted)} ${dotted.length === 1 ? 'is' : 'are'} on a dotted line with authority to decide`,
    );
  }
  return {
    targets: [],
    basis: 'none',
    reason:
      'Nobody to propose: no escalation point is set, nobody asked for escalations, and the reporting and dotted lines run out. Choose who to escalate to yourself.',
    plan,
  };
}
