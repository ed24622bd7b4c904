import type { Migration } from './types';

/**
 * Version 3: the `memos` table of issued memos (issue 4). One record per issued version
 * (memoId + version); indexes find an engagement's memos and every version of one memo id.
 * New table only: no existing data is rewritten.
 */
export const migration003: Migration = {
  version: 3,
  description: 'Issued memos',
  stores: {
    memos:
      'id, engagementId, updatedAt, deletedAt, [engagementId+deletedAt], memoId, [engagementId+memoId], issuedAt',
  },
};
