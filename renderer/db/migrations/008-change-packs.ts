import type { Migration } from './types';

/**
 * Version 8: `changePacks`, the change log of other devices stored in packs.
 *
 * Every change this device receives (from a sync folder or an archive) used to be one row of
 * `changes`. In Chromium each row costs an IndexedDB request of 70–200 µs whatever its size, so a
 * new device's first sync of 18,801 changes spent 6–7 s writing the log alone, more than the
 * records. A pack holds up to 500 changes (PACK_SIZE in renderer/db/changeLog/packs.ts) of one engagement in one row; its
 * multi-entry indexes still find a record's changes (`recordKeys`, `entity \0 recordId`) and a
 * change by id (`changeIds`), and `maxHlc` / `[engagementId+maxHlc]` find the packs written
 * after an HLC (the search index's cursor, the last-writer-wins "recent" read, the activity
 * feed newest first). Index entries are cheap next to rows: 18,801 changes in 38 packs with
 * both multi-entry indexes are written in about a quarter of the time of 18,801 rows.
 *
 * This device's own changes stay rows of `changes` (the outbox reads `[deviceId+seq]`; local
 * edits are written one at a time anyway). Readers of the log read both: see
 * renderer/db/changeLog/reads.ts. New table only: existing rows stay where they are, and the
 * readers read them as before.
 */
export const migration008: Migration = {
  version: 8,
  description: 'Change log: packs of changes received from other devices',
  stores: {
    changePacks: 'id, *recordKeys, *changeIds, maxHlc, [engagementId+maxHlc]',
  },
};
