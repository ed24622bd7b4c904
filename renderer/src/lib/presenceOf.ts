import type { Stakeholder } from '@shared/model/stakeholder';

/** The status a person shows: vacant, departed or active. */
export function presenceOf(s: Pick<Stakeholder, 'isVacant' | 'status'>): string {
  if (s.isVacant) return 'vacant';
  return s.status;
}
