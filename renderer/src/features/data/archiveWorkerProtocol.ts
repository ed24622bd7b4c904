import type {
  ArchiveContent,
  ArchiveErrorKind,
  ArchiveParseStage,
  ArchiveProblem,
  ArchiveWriteOptions,
  ParsedArchive,
  SerializedArchive,
} from '@shared/archive';

/**
 * Window → worker: a piece of the file's text, then the end (with the file's name); or an
 * archive's content to write as text.
 */
export type WorkerRequest =
  | { type: 'piece'; text: string }
  | { type: 'end'; fileName: string }
  | { type: 'serialize'; content: ArchiveContent; options: ArchiveWriteOptions };

/** Worker → window: progress, the checked archive, or why it was refused. */
export type WorkerResponse =
  | { type: 'progress'; stage: ArchiveParseStage; fraction: number }
  | { type: 'done'; parsed: ParsedArchive }
  | { type: 'serialized'; archive: SerializedArchive }
  | {
      type: 'error';
      message: string;
      fileName?: string;
      kind?: ArchiveErrorKind;
      problems?: ArchiveProblem[];
    };
