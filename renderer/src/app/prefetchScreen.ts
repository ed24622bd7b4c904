import type { EngagementScopedEntityName } from '@shared/model/registry';
import { recordsFeed, type WorkbenchDB } from '../../db';

/** The long lists a screen reads, worth starting before the click. */
const LISTS_OF_SCREEN: Record<string, readonly EngagementScopedEntityName[]> = {
  notes: ['note', 'decision', 'stakeholder'],
};

/** How long a prefetched list stays live if its screen is not opened. */
const HOLD_MS = 30_000;

/**
 * Starts reading the long lists of a screen when the pointer or focus reaches its tab (the click
 * usually follows within a few hundred ms): the Notes screen of a 10,000-note engagement then
 * opens on a list already read. Done on intent rather than in the background after the
 * engagement opens: reading 10,000 notes takes the window about half a second, which would
 * land on whatever the user is doing then (scrolling, typing).
 */
export function prefetchScreen(db: WorkbenchDB, screenId: string, engagementId: string): void {
  for (const entity of LISTS_OF_SCREEN[screenId] ?? []) {
    const release = recordsFeed(db, entity, engagementId).retain();
    setTimeout(release, HOLD_MS);
  }
}
