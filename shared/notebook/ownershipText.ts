import type { OwnershipGap } from '../rules/ownership';

/** A short sentence per ownership gap, as the Ownership screen and the overview show it. */
export const ownershipGapText: Record<OwnershipGap, string> = {
  'no-accountable': 'No Accountable',
  'accountable-departed': 'Accountable has departed',
  'accountable-vacant': 'Accountable is a vacant position',
  'accountable-no-authority': 'Accountable has no decision authority',
  'nobody-responsible': 'Nobody Responsible',
};
