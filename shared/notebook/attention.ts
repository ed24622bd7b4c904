import { appliedRiskScore } from './appliedRiskScore';
import type { Acknowledgement } from '../model/acknowledgement';
import type { OwnershipArea } from '../model/ownershipArea';
import type { RaisedIssue } from '../model/raisedIssue';
import type { Risk } from '../model/risk';
import { inherentRiskScore } from '../model/risk';
import type { Stakeholder } from '../model/stakeholder';
import { toIsoDay, type IsoDay } from '../rules/dates';
import { unansweredAddressees } from '../rules/addressees';
import { indexById } from '../rules/lookup';
import { ownershipGaps, type OwnershipGap } from '../rules/ownership';
import { isAwaitingAcknowledgement } from '../rules/raisedIssue';
import { isReviewOverdue } from '../rules/risk';
import { lapsedAcceptances, type LapsedAcceptance } from '../rules/riskAcceptance';

/** A raised issue some addressee has not answered although its follow-up day has passed. */
export interface AwaitingItem {
  /** The issue. */
  issue: RaisedIssue;
  /** Whole days since the follow-up day. */
  daysOverdue: number;
  /** The people it was raised to who have not answered (nobody answered for them), in order. */
  unansweredIds: string[];
}

/** An area nobody properly owns, with why. */
export interface GapItem {
  /** The area. */
  area: OwnershipArea;
  /** The reasons, in ownershipGapKinds order. */
  gaps: OwnershipGap[];
}

/** A risk still in play past its review day. */
export interface OverdueReviewItem {
  /** The risk. */
  risk: Risk;
  /** Whole days since the review day. */
  daysOverdue: number;
}

/** What needs the consultant's attention now. */
export interface Attention {
  /** The acknowledgement-gap radar: longest overdue first. */
  awaiting: AwaitingItem[];
  /** Ownership gaps: most reasons first, then by name. */
  gaps: GapItem[];
  /** Risks past their review day: longest overdue first. */
  overdueReviews: OverdueReviewItem[];
  /** The highest-scoring risks still in play (not closed), at most `topRiskCount`. */
  topRisks: Risk[];
  /** Accepted risks whose acceptance lapsed (back in review): longest lapsed first. */
  lapsedAcceptances: LapsedAcceptance[];
}

/** The inputs of {@link buildAttention}. */
export interface AttentionInput {
  /** Raised issues (at least every issue still only "raised"). */
  issues: readonly RaisedIssue[];
  /** Acknowledgements of those issues. */
  acknowledgements: readonly Acknowledgement[];
  /** The engagement's ownership areas. */
  areas: readonly OwnershipArea[];
  /** The engagement's stakeholders. */
  stakeholders: readonly Stakeholder[];
  /** The engagement's risks. */
  risks: readonly Risk[];
  /** Today (local day). */
  today: IsoDay | Date;
  /** How many top risks to list (default 5). */
  topRiskCount?: number;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to`, both YYYY-MM-DD (negative when `to` is earlier). */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The score a risk is ranked by: the one that applies now (see appliedRiskScore). */
export function currentRiskScore(risk: Risk): number {
  return appliedRiskScore(risk).score;
}

/** Builds the overview's attention lists (deleted records are ignored throughout). */
export function buildAttention(input: AttentionInput): Attention {
  const today = toIsoDay(input.today);
  const live = <T extends { deletedAt: string | null }>(list: readonly T[]) =>
    list.filter((r) => r.deletedAt === null);

  // Each issue is checked against its own acknowledgements only (not the whole list).
  const acksByIssue = new Map<string, Acknowledgement[]>();
  for (const a of input.acknowledgements) {
    const list = acksByIssue.get(a.raisedIssueId);
    if (list) list.push(a);
    else acksByIssue.set(a.raisedIssueId, [a]);
  }
  // A raise that was escalated is chased through its escalation, not on its own.
  const escalated = new Set(live(input.issues).map((i) => i.escalatesId));
  const awaiting = live(input.issues)
    .filter((issue) => !escalated.has(issue.id))
    .filter((issue) => isAwaitingAcknowledgement(issue, acksByIssue.get(issue.id) ?? [], today))
    .map((issue) => ({
      issue,
      daysOverdue: daysBetween(issue.followUpDue ?? today, today),
      unansweredIds: unansweredAddressees(issue, acksByIssue.get(issue.id) ?? []),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.issue.title.localeCompare(b.issue.title));

  const byId = indexById(input.stakeholders);
  const gaps = live(input.areas)
    .map((area) => ({ area, gaps: ownershipGaps(area, byId) }))
    .filter((item) => item.gaps.length > 0)
    .sort((a, b) => b.gaps.length - a.gaps.length || a.area.name.localeCompare(b.area.name));

  const risks = live(input.risks);
  const overdueReviews = risks
    .filter((risk) => isReviewOverdue(risk, today))
    .map((risk) => ({ risk, daysOverdue: daysBetween(risk.reviewDate ?? today, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.risk.title.localeCompare(b.risk.title));

  const topRisks = risks
    .filter((risk) => risk.status !== 'closed')
    .sort(
      (a, b) =>
        currentRiskScore(b) - currentRiskScore(a) ||
        inherentRiskScore(b) - inherentRiskScore(a) ||
        a.title.localeCompare(b.title),
    )
    .slice(0, input.topRiskCount ?? 5);

  return {
    awaiting,
    gaps,
    overdueReviews,
    topRisks,
    lapsedAcceptances: lapsedAcceptances(risks, today),
  };
}
