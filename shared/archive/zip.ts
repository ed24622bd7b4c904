/**
 * A whole engagement as one zip (issue 16): `engagement.json` (the `.engagement.json` archive,
 * byte for byte, its checksum included) and `attachments/<sha256>`, the bytes of every
 * attachment its records name, each distinct file once. Readable without the app: any unzip
 * tool, then `sha256sum attachments/*` against the names and the records.
 *
 * Reading is bounded before a byte is inflated beyond what is allowed: at most
 * {@link ZIP_LIMITS}.entries entries, names of the two kinds only, each entry inflated in
 * small steps and stopped at its own limit (an attachment at 100 MB, the records at 512 MiB)
 * and at the archive's total, whatever the zip's headers claim; every attachment's SHA-256
 * must equal its name. Nothing is returned half: any failure throws an ArchiveError.
 */
import {
  Inflate,
  Unzip,
  zipSync,
  type AsyncFlateStreamHandler,
  type UnzipDecoder,
  type UnzipFile,
  type Zippable,
} from 'fflate';
import { MAX_ATTACHMENT_BYTES } from '../attachments/limits';
import { sha256Hex } from '../canonical/sha256';
import { ArchiveError } from './errors';

/** The file name ending of a zipped archive. */
export const ZIP_ARCHIVE_EXTENSION = '.engagement.zip';
/** The records' entry. */
export const ZIP_RECORDS_ENTRY = 'engagement.json';
/** The attachments' folder inside the zip. */
export const ZIP_ATTACHMENTS_DIR = 'attachments/';

/** What a zip may hold. */
export const ZIP_LIMITS = {
  /** Entries (the records and up to 20,000 distinct files). */
  entries: 20_001,
  /** The records' JSON, inflated. */
  recordsBytes: 512 * 1024 * 1024,
  /** One attachment, inflated. */
  attachmentBytes: MAX_ATTACHMENT_BYTES,
  /** Everything, inflated. */
  totalBytes: 2 * 1024 * 1024 * 1024,
};

/** Compressed bytes given to the inflater at a time: its output per step stays a few MB. */
const STEP = 16 * 1024;

/** True when the bytes start like a zip (a local file header). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
  );
}

/**
 * Writes the zip: the archive's text (deflated) and each attachment once (stored: most are
 * already compressed, and a stored file can be checked with any tool). `mtime` is the export
 * time, so the same data exported at the same time gives the same bytes.
 */
export function writeArchiveZip(
  archiveText: string,
  attachments: ReadonlyMap<string, Uint8Array>,
  exportedAt: string,
): Uint8Array {
  const mtime = new Date(exportedAt);
  const files: Zippable = {
    [ZIP_RECORDS_ENTRY]: [new TextEncoder().encode(archiveText), { level: 6, mtime }],
  };
  for (const sha256 of [...attachments.keys()].sort()) {
    files[`${ZIP_ATTACHMENTS_DIR}${sha256}`] = [
      attachments.get(sha256) as Uint8Array,
      { level: 0, mtime },
    ];
  }
  return zipSync(files);
}

/** A zip as read: the archive's text and the attachments by SHA-256 (each checked). */
export interface ReadZip {
  text: string;
  attachments: Map<string, Uint8Array>;
}

/** Reads and checks a zipped archive; throws ArchiveError (nothing is returned half). */
export async function readArchiveZip(
  bytes: Uint8Array,
  fileName: string,
  limits: typeof ZIP_LIMITS = ZIP_LIMITS,
): Promise<ReadZip> {
  const fail = (kind: ArchiveError['kind'], message: string): never => {
    throw new ArchiveError(fileName, kind, [{ where: '', message }]);
  };
  const entries = unzipBounded(bytes, limits, fail);
  const records = entries.get(ZIP_RECORDS_ENTRY);
  if (!records) fail('not-an-archive', `the zip holds no ${ZIP_RECORDS_ENTRY}`);
  const attachments = new Map<string, Uint8Array>();
  for (const [name, data] of entries) {
    if (name === ZIP_RECORDS_ENTRY) continue;
    const sha256 = name.slice(ZIP_ATTACHMENTS_DIR.length);
    const actual = await sha256Hex(data);
    if (actual !== sha256) {
      fail(
        'checksum',
        `${shown(name)} does not hash to its name (its SHA-256 begins ${actual.slice(0, 16)}): the file was changed after it was exported`,
      );
    }
    attachments.set(sha256, data);
  }
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(records);
  } catch {
    fail('invalid-json', `${ZIP_RECORDS_ENTRY} is not UTF-8 text`);
  }
  return { text, attachments };
}

const ENTRY_NAME = /^attachments\/[0-9a-f]{64}$/;

/** An entry's name as messages show it: a SHA-256 cut to 16 digits (it would not wrap). */
const shown = (name: string): string =>
  name.startsWith(ZIP_ATTACHMENTS_DIR) && name.length > 40 ? `${name.slice(0, 28)}…` : name;

/** Each entry's bytes by name, within the limits; `fail` throws. */
function unzipBounded(
  bytes: Uint8Array,
  limits: typeof ZIP_LIMITS,
  fail: (kind: ArchiveError['kind'], message: string) => never,
): Map<string, Uint8Array> {
  if (!isZip(bytes)) fail('not-an-archive', 'it is not a zip file');
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let problem: { kind: ArchiveError['kind']; message: string } | null = null;
  const unzip = new Unzip((file) => {
    if (problem) return;
    if (out.size + 1 > limits.entries) {
      problem = { kind: 'too-large', message: `it holds more than ${limits.entries} files` };
      return;
    }
    const name = file.name;
    if (name !== ZIP_RECORDS_ENTRY && !ENTRY_NAME.test(name)) {
      problem = {
        kind: 'not-an-archive',
        message: `it holds a file this app did not write: ${JSON.stringify(name.slice(0, 200))}`,
      };
      return;
    }
    if (out.has(name)) {
      problem = { kind: 'not-an-archive', message: `${shown(name)} appears twice` };
      return;
    }
    if (file.compression !== 0 && file.compression !== 8) {
      problem = { kind: 'not-an-archive', message: `${name} uses an unknown compression` };
      return;
    }
    const cap = name === ZIP_RECORDS_ENTRY ? limits.recordsBytes : limits.attachmentBytes;
    out.set(name, new Uint8Array(0));
    collect(
      file,
      cap,
      (data) => {
        total += data.length;
        if (total > limits.totalBytes) {
          problem = {
            kind: 'too-large',
            message: `its files inflate to more than ${limits.totalBytes.toLocaleString('en')} bytes`,
          };
          return false;
        }
        out.set(name, data);
        return true;
      },
      (message) => {
        problem = { kind: 'too-large', message: `${shown(name)} ${message}` };
      },
    );
  });
  unzip.register(RawDeflate);
  try {
    for (let at = 0; at < bytes.length && !problem; at += STEP) {
      unzip.push(bytes.subarray(at, Math.min(at + STEP, bytes.length)), at + STEP >= bytes.length);
    }
  } catch (error) {
    problem ??= {
      kind: 'truncated',
      message: `the zip is damaged (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  if (problem)
    fail(
      (problem as { kind: ArchiveError['kind'] }).kind,
      (problem as { message: string }).message,
    );
  return out;
}

/**
 * Reads one entry: stored bytes pass through; deflated ones go through fflate's streaming
 * inflater STEP bytes at a time, stopped as soon as the output passes `cap`.
 */
function collect(
  file: UnzipFile,
  cap: number,
  done: (data: Uint8Array) => boolean,
  tooLarge: (message: string) => void,
): void {
  const parts: Uint8Array[] = [];
  let size = 0;
  let stopped = false;
  const take = (chunk: Uint8Array): void => {
    if (stopped) return;
    size += chunk.length;
    if (size > cap) {
      stopped = true;
      tooLarge(`inflates to more than ${cap.toLocaleString('en')} bytes`);
      throw new RangeError('over the limit');
    }
    parts.push(chunk);
  };
  const finish = (): void => {
    if (stopped) return;
    const data = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      data.set(p, at);
      at += p.length;
    }
    if (!done(data)) stopped = true;
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
