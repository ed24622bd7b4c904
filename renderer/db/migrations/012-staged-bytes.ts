import type { Migration } from './types';

/**
 * Version 12: an attached file's bytes are stored while they are hashed, not after (issue 16's
 * speed goal). `attachmentData` holds bytes under an opaque id, written before their SHA-256 is
 * known; `attachmentBlobs` rows may then name that id (`dataId`, indexed so a row whose bytes are
 * referenced is found, and unreferenced staged bytes can be swept) instead of holding the Blob
 * themselves. Existing rows keep their Blob: no data is moved. See shared/attachments/DESIGN.md.
 */
export const migration012: Migration = {
  version: 12,
  description: 'Attachment bytes staged while hashing, referenced by id',
  stores: {
    attachmentBlobs: 'sha256, dataId',
    attachmentData: 'id',
  },
};
