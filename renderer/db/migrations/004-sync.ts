import type { Migration } from './types';

/**
 * Version 4: the tables of the folder sync (issue 5).
 *
 * - `syncConflicts`: losing values of concurrent long-text edits, kept for the user to review
 *   (never dropped). Key `id` = `<losing change id>:<field>`, so applying the same change twice
 *   cannot file the same conflict twice.
 * - `syncParked`: remote changes this version cannot apply yet (an entity or operation from a
 *   newer format): kept verbatim and retried after an upgrade, never discarded.
 * - `syncState`: small key/value state of the sync (cursor per peer and folder, device list,
 *   last sync, flags), apart from `meta` so the sync never touches the change counters.
 *
 * New tables only: no existing data is rewritten.
 */
export const migration004: Migration = {
  version: 4,
  description: 'Sync: conflicts to review, parked changes, sync state',
  stores: {
    syncConflicts: 'id, engagementId, [entity+recordId], status, detectedAt',
    syncParked: 'id, reason, [deviceId+seq]',
    syncState: 'key',
  },
};
