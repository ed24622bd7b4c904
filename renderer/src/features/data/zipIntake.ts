// A zipped archive arriving in a worker piece by piece (base64, as main reads it): the stream of
// shared/archive/zipStream.ts, each checked file kept as a Blob (Chromium may keep a large one
// on disk rather than in this worker's memory), then the records checked at the end.
import {
  ZIP_LIMITS,
  openZipArchive,
  type ArchiveParseStage,
  type ZipLimits,
} from '@shared/archive';
import { base64ToBytes } from '@shared/encoding/base64';
import { checkZipContent, type CheckedZip } from '../../../db/archive';

/** One zip being read. */
export interface ZipIntake {
  /** The next piece of the file (base64). */
  push(data: string): Promise<void>;
  /** After the last piece: the zip and its records checked. */
  end(): Promise<CheckedZip>;
}

/** Opens the zip from its directory (the file's last bytes); throws ArchiveError. */
export function createZipIntake(
  start: { fileName: string; size: number; tail: string; tailAt: number },
  onProgress: (stage: ArchiveParseStage, fraction: number) => void,
  limits: ZipLimits = ZIP_LIMITS,
): ZipIntake {
  const files = new Map<string, Blob>();
  const stream = openZipArchive(
    {
      fileName: start.fileName,
      size: start.size,
      tail: base64ToBytes(start.tail),
      tailAt: start.tailAt,
    },
    limits,
    (sha256, data) => void files.set(sha256, new Blob([data as Uint8Array<ArrayBuffer>])),
  );
  return {
    push: (data) => stream.push(base64ToBytes(data)),
    async end() {
      const text = await stream.end();
      return checkZipContent(text, files, start.fileName, onProgress);
    },
  };
}
