import type { Acknowledgement } from '../model/acknowledgement';
import type { RaisedIssue } from '../model/raisedIssue';
import { findingElements } from '../model/raisedIssue';
import type { FindingElement } from '../model/raisedIssue';
import type { Risk } from '../model/risk';
import type { Stakeholder } from '../model/stakeholder';
import type { IsoDay } from './dates';
import { toIsoDay } from './dates';
import { isFullyAcknowledged } from './addressees';
import { indexById, isLive, withRecord } from './lookup';
import type { Violation } from './violation';
import { violation } from './violation';

/**
 * The issues this one escalates, nearest first (the issue it escalates, that one's, and so
 * on down to the first raise). Stops at a missing issue or before repeating a loop.
 */
export function escalatedIssues(
  issue: RaisedIssue,
  issuesById: ReadonlyMap<string, RaisedIssue>,
): RaisedIssue[] {
  const out: RaisedIssue[] = [];
  const seen = new Set<string>([issue.id]);
  let next = issue.escalatesId;
  while (next !== null && !seen.has(next)) {
    const earlier = issuesById.get(next);
    if (!earlier) break;
    out.push(earlier);
    seen.add(next);
    next = earlier.escalatesId;
  }
  return out;
}

/** True when following escalatesId from `issue` comes back to an issue already visited. */
function escalationLoops(issue: RaisedIssue, byId: ReadonlyMap<string, RaisedIssue>): boolean {
  const seen = new Set<string>([issue.id]);
  let next = issue.escalatesId;
  while (next !== null) {
    if (seen.has(next)) return true;
    seen.add(next);
    next = byId.get(next)?.escalatesId ?? null;
  }
  return false;
}

/** The five finding elements left empty (criteria, condition, cause, effect, recommendation). */
export function missingFindingElements(issue: RaisedIssue): FindingElement[] {
  return findingElements.filter((element) => issue[element].trim() === '');
}

/** Optional lookups for the references a raised issue holds. */
export interface RaisedIssueContext {
  /** The engagement's other raised issues (the stored version of this one is replaced). */
  issues: readonly RaisedIssue[];
  /** Live stakeholders by id. */
  stakeholdersById: ReadonlyMap<string, Stakeholder>;
  /** Live risks by id; when given, riskIds are checked too. */
  risksById?: ReadonlyMap<string, Risk>;
}

/**
 * Cross-record rules of a raised issue: it cannot escalate itself, escalations cannot loop,
 * and every referenced stakeholder, issue and risk belongs to the same engagement.
 */
export function checkRaisedIssue(issue: RaisedIssue, context: RaisedIssueContext): Violation[] {
  const out: Violation[] = [];
  const issuesById = withRecord(indexById(context.issues), issue);
  const sameEngagement = (r: { engagementId: string } | undefined) =>
    r?.engagementId === issue.engagementId;
  const isStakeholder = (id: string) => sameEngagement(context.stakeholdersById.get(id));

  if (issue.escalatesId !== null) {
    if (issue.escalatesId === issue.id) {
      out.push(
        violation('escalatesId', 'cannot be the issue itself', 'raisedIssue.escalates-self'),
      );
    } else if (!sameEngagement(issuesById.get(issue.escalatesId))) {
      out.push(
        violation(
          'escalatesId',
          'is not a raised issue of this engagement',
          'raisedIssue.escalates-unknown',
        ),
      );
    } else if (escalationLoops(issue, issuesById)) {
      out.push(
        violation(
          'escalatesId',
          'cannot be an issue that already escalates this one (it would make a loop)',
          'raisedIssue.escalation-cycle',
        ),
      );
    }
  }
  if (issue.raisedToIds.some((id) => !isStakeholder(id))) {
    out.push(
      violation(
        'raisedToIds',
        'lists someone who is not a stakeholder of this engagement',
        'raisedIssue.unknown-stakeholder',
      ),
    );
  }
  if (issue.ownerId !== null && !isStakeholder(issue.ownerId)) {
    out.push(
      violation(
        'ownerId',
        'is not a stakeholder of this engagement',
        'raisedIssue.unknown-stakeholder',
      ),
    );
  }
  const { risksById } = context;
  if (risksById && issue.riskIds.some((id) => !sameEngagement(risksById.get(id)))) {
    out.push(
      violation(
        'riskIds',
        'lists a risk that is not in this engagement',
        'raisedIssue.unknown-risk',
      ),
    );
  }
  return out;
}

/** The live acknowledgements of an issue, oldest first. */
export function acknowledgementsOf(
  issue: Pick<RaisedIssue, 'id'>,
  acknowledgements: readonly Acknowledgement[],
): Acknowledgement[] {
  return acknowledgements
    .filter((a) => isLive(a) && a.raisedIssueId === issue.id)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Statuses in which the consultant still expects answers from the people raised to. */
const AWAITING_STATUSES: readonly RaisedIssue['status'][] = ['raised', 'acknowledged'];

/**
 * The acknowledgement gap: true when the issue still expects answers (raised or acknowledged),
 * at least one person it was raised to has not answered (an answer from someone else covers
 * them only when recorded as given on their behalf), and its follow-up day is before `today`
 * (a YYYY-MM-DD day, or a Date taken as its local day). An issue with no follow-up day is
 * never overdue.
 */
export function isAwaitingAcknowledgement(
  issue: RaisedIssue,
  acknowledgements: readonly Acknowledgement[],
  today: IsoDay | Date,
): boolean {
  if (!isLive(issue) || !AWAITING_STATUSES.includes(issue.status) || issue.followUpDue === null)
    return false;
  if (isFullyAcknowledged(issue, acknowledgements)) return false;
  return issue.followUpDue < toIsoDay(today);
}
