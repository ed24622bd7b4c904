import type { Migration } from './types';

/**
 * Indexes every entity table shares. Note: IndexedDB does not index null, so `deletedAt` and
 * `[engagementId+deletedAt]` only hold DELETED records (the trash); live records are found by
 * `engagementId` and filtered on `deletedAt === null`.
 */
const scoped = 'id, engagementId, updatedAt, deletedAt, [engagementId+deletedAt]';

/** Version 1: every entity table, the change log and the device's key/value meta. */
export const migration001: Migration = {
  version: 1,
  description: 'Entity tables, change log and meta',
  stores: {
    engagements: 'id, updatedAt, deletedAt, archivedAt, status',
    stakeholders: `${scoped}, reportsToId`,
    ownershipAreas: scoped,
    risks: `${scoped}, [engagementId+status], ownerId`,
    raisedIssues: `${scoped}, [engagementId+status], raisedAt, escalatesId`,
    acknowledgements: `${scoped}, raisedIssueId, at`,
    notes: `${scoped}, [engagementId+date], date`,
    decisions: `${scoped}, [engagementId+status]`,
    changes: 'id, hlc, [entity+recordId], engagementId, [engagementId+hlc], seq',
    meta: 'key',
  },
};
