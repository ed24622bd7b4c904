/**
 * Reads a zipped archive as its bytes arrive, piece by piece, never holding the zip whole:
 * entries must come in the order, with the names, methods and sizes its central directory
 * (`zipDirectory.ts`, read first from the file's tail) declares; each is inflated 16 KiB of input
 * at a time and stopped as soon as it passes its declared size; an attachment is handed on once
 * it is whole and hashes to its name. At most one entry (100 MB, or the records' 512 MiB) plus
 * one pushed piece is held here at a time.
 */
import {
  Inflate,
  Unzip,
  type AsyncFlateStreamHandler,
  type UnzipDecoder,
  type UnzipFile,
} from 'fflate';
import { sha256Hex } from '../canonical/sha256';
import { ArchiveError, type ArchiveErrorKind } from './errors';
import {
  ZIP_ATTACHMENTS_DIR,
  ZIP_RECORDS_ENTRY,
  readZipDirectory,
  shownEntry,
  type ZipDirectoryEntry,
  type ZipFail,
  type ZipLimits,
} from './zipDirectory';

/** Compressed bytes given to the inflater at a time: its output per step stays a few MB. */
const STEP = 16 * 1024;

/** Where the zip comes from: its name, size and last bytes (which hold its directory). */
export interface ZipSource {
  fileName: string;
  size: number;
  tail: Uint8Array;
  /** Where `tail` starts in the file. */
  tailAt: number;
}

/** The reader: push the file's bytes from the start, in order, then end. */
export interface ZipArchiveStream {
  /** The entries the directory declares (checked against the limits). */
  readonly directory: readonly ZipDirectoryEntry[];
  /** Reads the next bytes of the file; rejects with ArchiveError. */
  push(chunk: Uint8Array): Promise<void>;
  /** After the last byte: the records' text. Rejects with ArchiveError. */
  end(): Promise<string>;
}

/**
 * Opens a zipped archive for reading. `onFile` receives each attachment, whole and checked
 * against its name, as soon as it is read (awaited before the next piece is taken).
 */
export function openZipArchive(
  source: ZipSource,
  limits: ZipLimits,
  onFile: (sha256: string, data: Uint8Array) => void | Promise<void>,
): ZipArchiveStream {
  const fail: ZipFail = (kind, message) => {
    throw new ArchiveError(source.fileName, kind, [{ where: '', message }]);
  };
  let directory: ZipDirectoryEntry[];
  try {
    directory = readZipDirectory(source.tail, source.tailAt, source.size, limits, fail);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    return fail('truncated', 'the zip is damaged (its directory cannot be read)');
  }
  const state = new EntryState(directory);
  const unzip = new Unzip((file) => state.start(file));
  unzip.register(RawDeflate);
  let records: Uint8Array | null = null;

  async function drain(): Promise<void> {
    if (state.problem) fail(state.problem.kind, state.problem.message);
    for (const { name, data } of state.ready.splice(0)) {
      if (name === ZIP_RECORDS_ENTRY) {
        records = data;
        continue;
      }
      const sha256 = name.slice(ZIP_ATTACHMENTS_DIR.length);
      const actual = await sha256Hex(data);
      if (actual !== sha256) {
        fail(
          'checksum',
          `${shownEntry(name)} does not hash to its name (its SHA-256 begins ${actual.slice(0, 16)}): the file was changed after it was exported`,
        );
      }
      await onFile(sha256, data);
    }
  }

  function feed(chunk: Uint8Array, final: boolean): void {
    try {
      unzip.push(chunk, final);
    } catch (error) {
      state.problem ??= {
        kind: 'truncated',
        message: `the zip is damaged (${error instanceof Error ? error.message : String(error)})`,
      };
    }
  }

  return {
    directory,
    async push(chunk) {
      for (let at = 0; at < chunk.length; at += STEP) {
        feed(chunk.subarray(at, Math.min(at + STEP, chunk.length)), false);
        await drain();
      }
    },
    async end() {
      feed(new Uint8Array(0), true);
      await drain();
      if (state.next < directory.length || state.open) {
        fail('truncated', 'the zip ends before all the files its directory lists');
      }
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(records ?? new Uint8Array(0));
      } catch {
        return fail('invalid-json', `${ZIP_RECORDS_ENTRY} is not UTF-8 text`);
      }
    },
  };
}

/** The entries as the stream meets them, against the directory. */
class EntryState {
  next = 0;
  open = false;
  problem: { kind: ArchiveErrorKind; message: string } | null = null;
  readonly ready: Array<{ name: string; data: Uint8Array }> = [];

  constructor(private readonly directory: readonly ZipDirectoryEntry[]) {}

  start(file: UnzipFile): void {
    if (this.problem) return;
    const want = this.directory[this.next];
    this.next += 1;
    if (
      !want ||
      want.name !== file.name ||
      want.method !== file.compression ||
      (file.originalSize !== undefined && file.originalSize !== want.size) ||
      (file.size !== undefined && file.size !== want.compressedSize)
    ) {
      this.problem = {
        kind: 'not-an-archive',
        message: `its files disagree with its directory at ${JSON.stringify(shownEntry(file.name.slice(0, 200)))}`,
      };
      return;
    }
    this.open = true;
    collect(
      file,
      want,
      (data) => {
        this.open = false;
        this.ready.push({ name: want.name, data });
      },
      (kind, message) => {
        this.problem ??= { kind, message: `${shownEntry(want.name)} ${message}` };
      },
    );
  }
}

/**
 * Reads one entry: stored bytes pass through; deflated ones go through fflate's streaming
 * inflater STEP bytes at a time, stopped as soon as the output passes the declared size.
 */
function collect(
  file: UnzipFile,
  want: ZipDirectoryEntry,
  done: (data: Uint8Array) => void,
  refuse: (kind: ArchiveErrorKind, message: string) => void,
): void {
  const data = new Uint8Array(want.size);
  let size = 0;
  let stopped = false;
  const take = (chunk: Uint8Array): void => {
    if (stopped) return;
    if (size + chunk.length > want.size) {
      stopped = true;
      refuse(
        'too-large',
        `inflates past the ${want.size.toLocaleString('en')} bytes the zip's directory declares`,
      );
      throw new RangeError('over the declared size');
    }
    data.set(chunk, size);
    size += chunk.length;
  };
  const finish = (): void => {
    if (stopped) return;
    if (size !== want.size) {
      stopped = true;
      refuse('truncated', `holds ${size} bytes where the zip's directory declares ${want.size}`);
      return;
    }
    done(data);
  };
  if (file.compression === 0) {
    file.ondata = (error, chunk, final) => {
      if (error) throw error;
      take(chunk);
      if (final) finish();
    };
  } else {
    const inflater = new Inflate((chunk, final) => {
      take(chunk);
      if (final) finish();
    });
    file.ondata = (error, chunk, final) => {
      if (error) throw error;
      for (let at = 0; at < chunk.length || (final && at === 0); at += STEP) {
        const last = final && at + STEP >= chunk.length;
        inflater.push(chunk.subarray(at, Math.min(at + STEP, chunk.length)), last);
        if (stopped) return;
      }
    };
  }
  file.start();
}

/**
 * Hands a deflated entry's compressed bytes on as they are: {@link collect} inflates them in
 * bounded steps (fflate's own decoder would inflate a whole pushed piece at once).
 */
class RawDeflate implements UnzipDecoder {
  static readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => {};
  push(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, chunk as Uint8Array<ArrayBuffer>, final);
  }
}
