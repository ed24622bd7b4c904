import type {
  ArchiveContent,
  ArchiveErrorKind,
  ArchiveParseStage,
  ArchiveProblem,
  ArchiveWriteOptions,
  ParsedArchive,
  SerializedArchive,
} from '@shared/archive';
import type {
  ArchiveImportErrorKind,
  ArchiveImportResult,
  ImportArchiveOptions,
} from '../../../db/archive';

/** A checked archive without its content (which stays in the worker until it is written). */
export type ArchiveHeader = Omit<ParsedArchive, 'content'>;

/** Where and as whom the worker writes a checked archive. */
export interface WriteTarget {
  /** The IndexedDB database's name (the window's open WorkbenchDB). */
  dbName: string;
  /** This device's id (the store's). */
  deviceId: string;
}

/**
 * Window → worker: a piece of the file's text, then the end (with the file's name); then, once
 * the user confirms, the write of the checked archive into the database. Or an archive's
 * content to write as text.
 */
export type WorkerRequest =
  | { type: 'piece'; text: string }
  | { type: 'end'; fileName: string }
  /**
   * A zipped archive: its size and last bytes (its directory, base64) first; then its bytes
   * from the start, a piece (base64) at a time, each answered by `ack` before the next is sent,
   * so the worker never holds more than one; then the end.
   */
  | { type: 'zip-start'; fileName: string; size: number; tail: string; tailAt: number }
  | { type: 'zip-piece'; data: string }
  | { type: 'zip-end' }
  | { type: 'write'; target: WriteTarget; options: ImportArchiveOptions }
  | { type: 'serialize'; content: ArchiveContent; options: ArchiveWriteOptions };

/** Worker → window: progress, the checked archive's header, what a write did, or why it failed. */
export type WorkerResponse =
  | { type: 'progress'; stage: ArchiveParseStage; fraction: number }
  | { type: 'ack' }
  | { type: 'checked'; header: ArchiveHeader }
  | { type: 'written'; result: ArchiveImportResult }
  | { type: 'serialized'; archive: SerializedArchive }
  | {
      type: 'error';
      message: string;
      /** An ArchiveError's file, kind and problems (a file refused by the checks). */
      fileName?: string;
      kind?: ArchiveErrorKind;
      problems?: ArchiveProblem[];
      /** An ArchiveImportError's kind (a checked archive that could not be written). */
      importKind?: ArchiveImportErrorKind;
    };
