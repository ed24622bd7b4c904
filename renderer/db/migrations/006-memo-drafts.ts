import type { Migration } from './types';

/**
 * Version 6: the `memoDrafts` table (memos being composed, autosaved per engagement). Drafts
 * are this device's work in progress: no change log, not synced, not archived. Indexed by
 * engagement (the Memos tab lists its drafts) and by `[engagementId+updatedAt]` (the latest
 * draft is the one restored). New table only: no existing data is rewritten.
 *
 * (Version 5 belongs to another migration; Dexie versions need only increase, so a database at
 * version 4 upgrades to 6 directly and a later 005 file still slots in before this one.)
 */
export const migration006: Migration = {
  version: 6,
  description: 'Memo drafts (per device, autosaved)',
  stores: {
    memoDrafts: 'id, engagementId, [engagementId+updatedAt]',
  },
};
