import type { Stakeholder } from '../model/stakeholder';
import { indexById } from './lookup';

/** Why a stakeholder up the chain was passed over. */
export type EscalationSkipReason = 'departed' | 'vacant' | 'no-authority';

/** A stakeholder passed over on the way up, and why. */
export interface EscalationSkip {
  stakeholder: Stakeholder;
  reason: EscalationSkipReason;
}

/** Where an escalation should go next. */
export type EscalationTarget =
  | { target: Stakeholder; skipped: EscalationSkip[] }
  | { target: null; reason: 'chain-ends' | 'cycle'; skipped: EscalationSkip[] };

/** True for an authority that can act on an escalation. */
export function canDecide(s: Pick<Stakeholder, 'decisionAuthority'>): boolean {
  return s.decisionAuthority === 'decides' || s.decisionAuthority === 'approves';
}

/**
 * The next person to escalate to from `fromStakeholderId`: walks up the chain of command
 * (reportsToId) to the first stakeholder who is present (active, not a vacant position) and
 * decides or approves, listing the ones passed over. A vacant seat is walked through (it
 * still reports to someone). Fails with 'chain-ends' at the top of the chain (or at a missing
 * manager, or an unknown starting stakeholder) and with 'cycle' on a loop.
 * Soft-deleted stakeholders count as missing.
 */
export function nextEscalationTarget(
  fromStakeholderId: string,
  stakeholders: readonly Stakeholder[],
): EscalationTarget {
  const byId = indexById(stakeholders);
  const skipped: EscalationSkip[] = [];
  const seen = new Set<string>([fromStakeholderId]);
  let next = byId.get(fromStakeholderId)?.reportsToId ?? null;
  while (next !== null) {
    if (seen.has(next)) return { target: null, reason: 'cycle', skipped };
    seen.add(next);
    const candidate = byId.get(next);
    if (!candidate) break;
    if (candidate.status === 'departed')
      skipped.push({ stakeholder: candidate, reason: 'departed' });
    else if (candidate.isVacant) skipped.push({ stakeholder: candidate, reason: 'vacant' });
    else if (!canDecide(candidate))
      skipped.push({ stakeholder: candidate, reason: 'no-authority' });
    else return { target: candidate, skipped };
    next = candidate.reportsToId;
  }
  return { target: null, reason: 'chain-ends', skipped };
}
