import type { Migration } from './types';

/** Indexes every entity table shares (as in 001). */
const scoped = 'id, engagementId, updatedAt, deletedAt, [engagementId+deletedAt]';

/**
 * Version 11: attachments (issue 16). `attachments` holds the records about files (name, type,
 * size, SHA-256, the record they are attached to); `attachmentBlobs` holds the bytes, one row per
 * distinct SHA-256 (content-addressed: the same file attached twice is stored once). See
 * shared/attachments/DESIGN.md. New tables only.
 */
export const migration011: Migration = {
  version: 11,
  description: 'Attachments: records and content-addressed bytes',
  stores: {
    attachments: `${scoped}, [target.entity+target.id], sha256`,
    attachmentBlobs: 'sha256',
  },
};
