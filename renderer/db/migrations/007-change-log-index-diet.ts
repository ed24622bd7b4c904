import type { Migration } from './types';

/**
 * Version 7: the change log drops two indexes nothing needs any more, because every index
 * entry is written with every change (in Chromium each costs about as much as a small row):
 *
 * - `engagementId`: an engagement's changes are the range `[engagementId+hlc]` between
 *   `[id, minKey]` and `[id, maxKey]` (the archive export reads that range, in HLC order).
 *   Dexie still answers `where('engagementId')` from that compound index (a virtual index on
 *   its first part), so older queries keep working.
 * - `seq`: a sequence number means something only per device; `[deviceId+seq]` answers every
 *   question about it. Only tests sorted on `seq` alone.
 *
 * Kept: `hlc` (the search index's cursor), `[entity+recordId]` (a record's history, the sync's
 * last-writer-wins), `[engagementId+hlc]` (an engagement's history, the export) and
 * `[deviceId+seq]` (the sync's outbox). Indexes only: no change record is rewritten, IndexedDB
 * deletes the two indexes in the upgrade.
 */
export const migration007: Migration = {
  version: 7,
  description: 'Change log: drop the engagementId and seq indexes',
  stores: {
    changes: 'id, hlc, [entity+recordId], [engagementId+hlc], [deviceId+seq]',
  },
};
