import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { IsoDay } from '@shared/rules/dates';
import type { WorkbenchDB } from '../database';
import { loadOverview, type OverviewData } from '../queries/overview';
import { createFeedRegistry, type LiveFeed } from './liveFeed';

/** Overview feeds per database, by engagement and day. */
const registries = new WeakMap<WorkbenchDB, ReturnType<typeof createFeedRegistry<OverviewData>>>();

/** The live overview feed of an engagement on `today` (made on first use, shared after). */
export function overviewFeed(
  db: WorkbenchDB,
  engagementId: string,
  today: IsoDay,
): LiveFeed<OverviewData> {
  let registry = registries.get(db);
  if (!registry) {
    registry = createFeedRegistry<OverviewData>();
    registries.set(db, registry);
  }
  return registry.feedFor(`${engagementId}\u0000${today}`, () =>
    loadOverview(db, engagementId, today),
  );
}

/**
 * Keeps the overview of an engagement up to date while the caller is mounted (the engagement
 * view holds it, so the overview tab opens on current figures instead of re-reading thousands
 * of records each time it is shown).
 */
export function useRetainOverview(db: WorkbenchDB, engagementId: string, today: IsoDay): void {
  useEffect(() => overviewFeed(db, engagementId, today).retain(), [db, engagementId, today]);
}

/** The overview as shown: the data (undefined while the first read runs) and whether it is current. */
export interface OverviewView {
  /** The latest overview read (possibly from before the last change when not current). */
  data: OverviewData | undefined;
  /** True when `data` is the live query's result for the database as it is now. */
  current: boolean;
}

/** The overview of an engagement on `today`, live (throws the query's error to the boundary). */
export function useOverview(db: WorkbenchDB, engagementId: string, today: IsoDay): OverviewView {
  const feed = useMemo(() => overviewFeed(db, engagementId, today), [db, engagementId, today]);
  useEffect(() => feed.retain(), [feed]);
  const state = useSyncExternalStore(feed.subscribe, feed.getSnapshot);
  if (state.error !== undefined) throw state.error;
  return { data: state.value, current: state.current };
}
