import type { RaisedIssue } from '../model/raisedIssue';
import type { Stakeholder } from '../model/stakeholder';
import { nextEscalationTarget, type EscalationSkipReason } from '../rules/escalation';

/** Someone passed over on the way up the chain, and why. */
export interface PlanSkip {
  /** The stakeholder's id. */
  id: string;
  /** Their name (or the vacant position's label). */
  name: string;
  /** departed, vacant, no-authority, or already-raised (they already had this issue). */
  reason: EscalationSkipReason | 'already-raised';
}

/** Where an escalation of an issue goes, and what was passed over to get there. */
export interface EscalationPlan {
  /** The people to raise the escalation to (distinct; empty when the chain runs out). */
  targets: Stakeholder[];
  /** Everyone passed over, in the order met, without repeats. */
  skipped: PlanSkip[];
  /** The raised-to people whose chain ran out (reached the top, or a loop) with nobody to go to. */
  exhausted: { from: Stakeholder; reason: 'chain-ends' | 'cycle' }[];
}

/**
 * Plans an escalation of `issue`: from each person it was raised to, walk up the reports-to
 * chain (nextEscalationTarget: skipping departed people, vacant positions and people without
 * decision authority) and past anyone who already had the issue, to the first person who can
 * decide. The targets are those people, without repeats.
 */
export function planEscalation(
  issue: Pick<RaisedIssue, 'raisedToIds'>,
  stakeholders: readonly Stakeholder[],
): EscalationPlan {
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  const already = new Set(issue.raisedToIds);
  const targets = new Map<string, Stakeholder>();
  const skipped = new Map<string, PlanSkip>();
  const exhausted: EscalationPlan['exhausted'] = [];
  const skip = (s: Stakeholder, reason: PlanSkip['reason']) => {
    if (!skipped.has(s.id)) skipped.set(s.id, { id: s.id, name: s.name, reason });
  };

  for (const fromId of issue.raisedToIds) {
    const from = byId.get(fromId);
    if (!from) continue;
    let current = fromId;
    const visited = new Set<string>([fromId]);
    for (;;) {
      const step = nextEscalationTarget(current, stakeholders);
      for (const s of step.skipped) skip(s.stakeholder, s.reason);
      if (step.target === null) {
        exhausted.push({ from, reason: step.reason });
        break;
      }
      if (visited.has(step.target.id)) {
        exhausted.push({ from, reason: 'cycle' });
        break;
      }
      visited.add(step.target.id);
      if (already.has(step.target.id)) {
        // They already had the issue: the escalation goes above them.
        skip(step.target, 'already-raised');
        current = step.target.id;
        continue;
      }
      targets.set(step.target.id, step.target);
      break;
    }
  }
  // Someone reached as a target from one chain is not "skipped" on another.
  for (const id of targets.keys()) skipped.delete(id);
  return { targets: [...targets.values()], skipped: [...skipped.values()], exhausted };
}

const REASONS: Record<PlanSkip['reason'], string> = {
  departed: 'departed',
  vacant: 'vacant position',
  'no-authority': 'no decision authority',
  'already-raised': 'already raised to',
};

/** The sentences that explain a plan to the consultant (skips and where the chain ran out). */
export function describeEscalationPlan(plan: EscalationPlan): string[] {
  const lines: string[] = [];
  const passed = plan.skipped.filter((s) => s.reason !== 'already-raised');
  if (passed.length > 0) {
    lines.push(`Skipped: ${passed.map((s) => `${s.name} (${REASONS[s.reason]})`).join('; ')}.`);
  }
  const had = plan.skipped.filter((s) => s.reason === 'already-raised');
  if (had.length > 0) {
    lines.push(`Passed over, already raised to: ${had.map((s) => s.name).join(', ')}.`);
  }
  if (plan.targets.length === 0) {
    lines.push(
      'The chain of command runs out: nobody above the people this issue was raised to can decide on it. Choose who to escalate to yourself.',
    );
  } else {
    for (const e of plan.exhausted) {
      lines.push(
        e.reason === 'cycle'
          ? `The chain above ${e.from.name} loops back on itself.`
          : `Nobody above ${e.from.name} can decide.`,
      );
    }
  }
  return lines;
}
