import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { EngagementScopedEntityName, EntityRecord } from '@shared/model/registry';
import type { WorkbenchDB } from '../database';
import { listRecords } from '../queries/records';
import { createFeedRegistry, type FeedState, type LiveFeed } from './liveFeed';

/** Record-list feeds per database, by entity and engagement. */
const registries = new WeakMap<WorkbenchDB, ReturnType<typeof createFeedRegistry<unknown[]>>>();

/** The live list of an entity's records in an engagement (shared by every reader). */
export function recordsFeed<N extends EngagementScopedEntityName>(
  db: WorkbenchDB,
  entity: N,
  engagementId: string,
): LiveFeed<EntityRecord<N>[]> {
  let registry = registries.get(db);
  if (!registry) {
    registry = createFeedRegistry<unknown[]>(16);
    registries.set(db, registry);
  }
  return registry.feedFor(`${entity}\u0000${engagementId}`, () =>
    listRecords(db, entity, engagementId),
  ) as LiveFeed<EntityRecord<N>[]>;
}

const EMPTY: FeedState<never[]> = { value: [], error: undefined, current: true };
const noFeed = {
  subscribe: () => () => undefined,
  getSnapshot: () => EMPTY,
  retain: () => () => undefined,
};

/**
 * The live records of an entity in an engagement, in the entity's default order (undefined
 * while they load, [] without an engagement). Readers of the same list share one query; a list
 * someone holds with {@link useRetainRecords} is there at once when a screen asks for it.
 */
export function useRecords<N extends EngagementScopedEntityName>(
  db: WorkbenchDB,
  entity: N,
  engagementId: string | null | undefined,
): EntityRecord<N>[] | undefined {
  const feed = useMemo(
    () => (engagementId ? recordsFeed(db, entity, engagementId) : noFeed),
    [db, entity, engagementId],
  );
  useEffect(() => feed.retain(), [feed]);
  const state = useSyncExternalStore(feed.subscribe, feed.getSnapshot);
  if (state.error !== undefined) throw state.error;
  // A list from before the last change is not shown: the caller sees "loading" instead.
  return state.current ? state.value : undefined;
}

/** Keeps a record list live while the caller is mounted and `when` is true. */
export function useRetainRecords(
  db: WorkbenchDB,
  entity: EngagementScopedEntityName,
  engagementId: string,
  when = true,
): void {
  useEffect(
    () => (when ? recordsFeed(db, entity, engagementId).retain() : undefined),
    [db, entity, engagementId, when],
  );
}
