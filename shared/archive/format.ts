import { z } from 'zod';
import { isoDateTimeSchema } from '../model/base';

/** The `format` value every archive carries at its top, so other JSON files are told apart. */
export const ARCHIVE_FORMAT = 'engagement-workbench-archive';

/** The archive format this build writes. Bump it when the layout changes. */
export const ARCHIVE_FORMAT_VERSION = 1;

/**
 * The newest `minReaderVersion` this build can read. An archive whose writer says older readers
 * cannot read it (a higher minReaderVersion) is refused with the version it needs.
 */
export const ARCHIVE_READER_VERSION = 1;

/** The file name ending of an archive. */
export const ARCHIVE_EXTENSION = '.engagement.json';

/** The checksum algorithm of the archive's content. */
export const ARCHIVE_CHECKSUM_ALGORITHM = 'SHA-256';

/** What an archive holds, in numbers, for previews and the backups list (derived, not trusted). */
export const archiveSummarySchema = z.object({
  /** The archived engagement's id. */
  engagementId: z.string(),
  /** The client of the engagement. */
  client: z.string(),
  /** The engagement's title. */
  title: z.string(),
  /** Whether the engagement was archived (closed and put away) when exported. */
  archived: z.boolean(),
  /** Records per entity name, tombstones included (the engagement itself counts 1). */
  counts: z.record(z.string(), z.number().int().min(0)),
  /** Of those, how many are tombstones (deleted records), per entity name. */
  deleted: z.record(z.string(), z.number().int().min(0)),
  /** Entries of the change log. */
  changes: z.number().int().min(0),
});
export type ArchiveSummary = z.infer<typeof archiveSummarySchema>;

/** The checksum entry of an archive. */
export const archiveChecksumSchema = z.object({
  /** Always SHA-256. */
  algorithm: z.literal(ARCHIVE_CHECKSUM_ALGORITHM, { error: 'must be SHA-256' }),
  /** Lower-case hex digest of the canonical JSON of `content` (sorted keys, no spaces). */
  value: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits'),
});

/**
 * The envelope of an archive file, everything but the records' own validation (done one by one
 * with the registry's schemas, so messages name the record).
 */
export const archiveEnvelopeSchema = z.object({
  /** Always "engagement-workbench-archive". */
  format: z.literal(ARCHIVE_FORMAT),
  /** The format version the file was written in. */
  formatVersion: z.number().int().min(1),
  /** The oldest reader version able to read this file. */
  minReaderVersion: z.number().int().min(1),
  /** The version of the app that wrote the file, for example "0.1.0". */
  appVersion: z.string().min(1),
  /** When the file was written (UTC). */
  exportedAt: isoDateTimeSchema,
  /** What the file holds (informative; recomputed on import). */
  summary: archiveSummarySchema.optional(),
  /** Checksum of the content. */
  checksum: archiveChecksumSchema,
  /** The engagement, its records and its change log. */
  content: z.object({
    /** The engagement record itself. */
    engagement: z.record(z.string(), z.unknown(), { error: 'must be an object' }),
    /** Every other record of the engagement, by entity name, tombstones included. */
    records: z.record(z.string(), z.array(z.unknown(), { error: 'must be a list of records' }), {
      error: 'must be an object of record lists',
    }),
    /** The engagement's change log (per-field values with HLC timestamps), oldest first. */
    changes: z.array(z.unknown(), { error: 'must be a list of changes' }),
  }),
});
export type ArchiveEnvelope = z.infer<typeof archiveEnvelopeSchema>;
