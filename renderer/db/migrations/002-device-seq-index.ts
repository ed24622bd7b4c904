import type { Migration } from './types';

/**
 * Version 2: the change log gets a `[deviceId+seq]` index, so the sync can ask "every change of
 * device D after sequence number N" with one range query (and spot gaps). Index only: existing
 * change records are indexed by IndexedDB itself, no data is rewritten.
 */
export const migration002: Migration = {
  version: 2,
  description: 'Change log: index by device and sequence number',
  stores: {
    changes: 'id, hlc, [entity+recordId], engagementId, [engagementId+hlc], seq, [deviceId+seq]',
  },
};
