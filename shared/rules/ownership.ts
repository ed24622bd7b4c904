import type { OwnershipArea } from '../model/ownershipArea';
import type { Stakeholder } from '../model/stakeholder';
import type { Violation } from './violation';
import { violation } from './violation';

/** Why an area is not properly owned. */
export type OwnershipGap =
  /** Nobody is Accountable (or the Accountable record no longer exists). */
  | 'no-accountable'
  /** The Accountable has left. */
  | 'accountable-departed'
  /** The Accountable is a vacant position. */
  | 'accountable-vacant'
  /** The Accountable may only influence or be informed, so cannot decide for the area. */
  | 'accountable-no-authority'
  /** Nobody active (neither departed nor vacant) is Responsible. */
  | 'nobody-responsible';

/** Every gap, in the order ownershipGaps reports them. */
export const ownershipGapKinds: readonly OwnershipGap[] = [
  'no-accountable',
  'accountable-departed',
  'accountable-vacant',
  'accountable-no-authority',
  'nobody-responsible',
];

/** True for a stakeholder who is a present person (not departed, not a vacant seat). */
export function isPresentPerson(s: Stakeholder): boolean {
  return s.status === 'active' && !s.isVacant;
}

/**
 * The reasons an area is not properly owned (empty when it is). The notebook's Ownership
 * screen and the memos list these. `stakeholdersById` should hold live stakeholders only
 * (see indexById); an Accountable missing from it counts as no Accountable.
 */
export function ownershipGaps(
  area: OwnershipArea,
  stakeholdersById: ReadonlyMap<string, Stakeholder>,
): OwnershipGap[] {
  const gaps: OwnershipGap[] = [];
  const accountable =
    area.raci.accountableId === null ? undefined : stakeholdersById.get(area.raci.accountableId);
  if (!accountable) {
    gaps.push('no-accountable');
  } else {
    if (accountable.status === 'departed') gaps.push('accountable-departed');
    if (accountable.isVacant) gaps.push('accountable-vacant');
    if (
      accountable.decisionAuthority === 'informed' ||
      accountable.decisionAuthority === 'influences'
    ) {
      gaps.push('accountable-no-authority');
    }
  }
  const someoneResponsible = area.raci.responsibleIds.some((id) => {
    const s = stakeholdersById.get(id);
    return s !== undefined && isPresentPerson(s);
  });
  if (!someoneResponsible) gaps.push('nobody-responsible');
  return gaps;
}

const raciRoles = [
  ['responsibleIds', 'Responsible'],
  ['consultedIds', 'Consulted'],
  ['informedIds', 'Informed'],
] as const;

/**
 * Cross-record rules of an ownership area: exactly one Accountable (a missing one is a
 * warning, since an area may be recorded before its owner is known), and every RACI entry
 * must be a stakeholder of the same engagement. The same person may be both Accountable
 * and Responsible: RACI allows it.
 */
export function checkOwnershipArea(
  area: OwnershipArea,
  stakeholdersById: ReadonlyMap<string, Stakeholder>,
): Violation[] {
  const out: Violation[] = [];
  const known = (id: string) => stakeholdersById.get(id)?.engagementId === area.engagementId;
  const { accountableId } = area.raci;
  if (accountableId === null) {
    out.push(
      violation(
        'raci.accountableId',
        'is missing: nobody is accountable for this area',
        'ownership.no-accountable',
        'warning',
      ),
    );
  } else if (!known(accountableId)) {
    out.push(
      violation(
        'raci.accountableId',
        'is not a stakeholder of this engagement',
        'ownership.unknown-stakeholder',
      ),
    );
  }
  for (const [key, role] of raciRoles) {
    if (area.raci[key].some((id) => !known(id))) {
      out.push(
        violation(
          `raci.${key}`,
          `lists a ${role} who is not a stakeholder of this engagement`,
          'ownership.unknown-stakeholder',
        ),
      );
    }
  }
  return out;
}
