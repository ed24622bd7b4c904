import type { DecisionAuthority, Stance } from '@shared/model/stakeholder';

/** How each stance reads. */
export const STANCE_LABEL: Record<Stance, string> = {
  champion: 'Champion',
  supporter: 'Supporter',
  neutral: 'Neutral',
  skeptic: 'Skeptic',
  blocker: 'Blocker',
};

/** How each decision authority reads. */
export const AUTHORITY_LABEL: Record<DecisionAuthority, string> = {
  decides: 'Decides',
  approves: 'Approves',
  influences: 'Influences',
  informed: 'Informed',
};
