export { isQuotaError } from '../errors';

/** Why writing an archive into the database was refused. Nothing was written in every case. */
export type ArchiveImportErrorKind =
  'quota' | 'exists' | 'id-clash' | 'missing-engagement' | 'frozen-memo';

/** An archive passed its checks but could not be written; the database is as it was. */
export class ArchiveImportError extends Error {
  override readonly name = 'ArchiveImportError';
  constructor(
    /** Why. */
    readonly kind: ArchiveImportErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** The message shown when the disk (or the browser's storage quota) is full. */
export const QUOTA_MESSAGE =
  'There is not enough disk space to import this archive. Nothing was written: free some space ' +
  'and try again.';
