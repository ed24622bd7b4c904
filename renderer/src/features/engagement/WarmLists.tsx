import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { overviewFeed, useRetainRecords } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { useToday } from '../../lib/useToday';

/**
 * Keeps the engagement's longest lists (its notes, decisions and stakeholders) live once the overview has
 * loaded, so the first visit to the Notes screen shows them at once instead of reading
 * thousands of notes on the click. Waits for the overview first: opening the engagement is
 * not slowed by reads nobody asked for yet. Renders nothing.
 */
export function WarmLists({ engagementId }: { engagementId: string }) {
  const { db } = useWorkbench();
  const today = useToday();
  const feed = useMemo(() => overviewFeed(db, engagementId, today), [db, engagementId, today]);
  const overviewReady = useSyncExternalStore(feed.subscribe, () => feed.getSnapshot().current);
  const [warm, setWarm] = useState(false);
  useEffect(() => {
    if (overviewReady) setWarm(true);
  }, [overviewReady]);
  useRetainRecords(db, 'note', engagementId, warm);
  useRetainRecords(db, 'decision', engagementId, warm);
  useRetainRecords(db, 'stakeholder', engagementId, warm);
  return null;
}
