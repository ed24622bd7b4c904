import type { Stakeholder } from '../model/stakeholder';
import { indexById } from '../rules/lookup';
import { wouldCreateReportingCycle } from '../rules/stakeholders';

/**
 * Who `stakeholderId` may report to: every live stakeholder except themself and anyone below
 * them in the chain of command (choosing one would close a loop). For a new stakeholder (null
 * id) everyone live qualifies. Sorted by name.
 */
export function reportsToChoices<
  T extends Pick<Stakeholder, 'id' | 'name' | 'reportsToId' | 'deletedAt'>,
>(stakeholderId: string | null, stakeholders: readonly T[]): T[] {
  const byId = indexById(stakeholders);
  return [...byId.values()]
    .filter(
      (candidate) =>
        stakeholderId === null || !wouldCreateReportingCycle(stakeholderId, candidate.id, byId),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}
