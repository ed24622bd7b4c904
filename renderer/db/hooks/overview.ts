import { useLiveQuery } from 'dexie-react-hooks';
import type { IsoDay } from '@shared/rules/dates';
import type { WorkbenchDB } from '../database';
import { loadOverview, type OverviewData } from '../queries/overview';

/** The overview of an engagement on `today` (undefined while it loads). */
export function useOverview(
  db: WorkbenchDB,
  engagementId: string | null | undefined,
  today: IsoDay,
): OverviewData | null | undefined {
  return useLiveQuery(
    async () => (engagementId ? loadOverview(db, engagementId, today) : null),
    [db, engagementId, today],
  );
}
