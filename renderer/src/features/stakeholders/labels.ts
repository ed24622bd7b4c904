import type { DecisionAuthority, Stance, Stakeholder } from '@shared/model/stakeholder';

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

/** The status a person shows: vacant, departed or active. */
export function presenceOf(s: Pick<Stakeholder, 'isVacant' | 'status'>): string {
  if (s.isVacant) return 'vacant';
  return s.status;
}
