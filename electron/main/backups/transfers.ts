// Files the renderer reads or writes in pieces, by token: the renderer never sees or sends a
// path. Reading decodes UTF-8 across piece boundaries; writing goes to a temporary file that is
// flushed and renamed into place on the last piece (or removed if the transfer is abandoned).
import { randomBytes } from 'node:crypto';
import { open, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { WorkbenchIpcError } from '@shared/ipc/errors';
import { MAX_ZIP_FILE_BYTES } from '@shared/archive/zipDirectory';
import { realFileOps, syncDirectory, tempPathFor, type AtomicFileOps } from './atomicFile';

/** Files bigger than this are refused (archives of 200 MB are supported)... */
export const MAX_READ_BYTES = 512 * 1024 * 1024;
/**
 * ...except a zipped archive, which the renderer reads piece by piece into a worker that never
 * holds it whole (its directory first, with `at`), up to its inflated limit plus headers.
 */
export const DEFAULT_READ_LIMITS = { file: MAX_READ_BYTES, zip: MAX_ZIP_FILE_BYTES };
/** Default piece size of a read. */
export const DEFAULT_PIECE_BYTES = 4 * 1024 * 1024;
/** Error code of a transfer that is unknown, finished or failed. */
export const FILE_ERROR = 'FILE_ERROR';

interface ReadTransfer {
  kind: 'read';
  handle: FileHandle;
  decoder: StringDecoder;
  position: number;
  size: number;
}

interface WriteTransfer {
  kind: 'write';
  handle: FileHandle;
  path: string;
  tempPath: string;
  written: number;
}

/** The open transfers of the main process. */
export interface FileTransfers {
  /** Opens a file for reading; resolves to its token, name and size. */
  openRead(path: string): Promise<{ token: string; name: string; size: number }>;
  /**
   * The next piece of text; closes the transfer after the last one. With `at` (base64 only),
   * the piece from there instead, leaving the next piece where it was (a zip's directory).
   */
  read(
    token: string,
    maxBytes?: number,
    encoding?: 'utf8' | 'base64',
    at?: number,
  ): Promise<{ text: string; bytesRead: number; size: number; done: boolean }>;
  /** Starts writing a file (into a temporary file next to it). */
  openWrite(path: string): Promise<{ token: string; name: string }>;
  /** Appends a piece; `final` flushes and renames the file into place. */
  write(
    token: string,
    text: string,
    final: boolean,
    encoding?: 'utf8' | 'base64',
  ): Promise<{ bytesWritten: number; done: boolean }>;
  /** Abandons a transfer; a half-written file is removed. */
  close(token: string): Promise<boolean>;
  /** How many transfers are open (tests). */
  readonly openCount: number;
}

/** Creates the transfer registry. */
export function createFileTransfers(
  ops: AtomicFileOps = realFileOps,
  limits: typeof DEFAULT_READ_LIMITS = DEFAULT_READ_LIMITS,
): FileTransfers {
  const maxReadBytes = (path: string): number =>
    path.toLowerCase().endsWith('.zip') ? limits.zip : limits.file;
  const open_ = new Map<string, ReadTransfer | WriteTransfer>();
  const newToken = (): string => randomBytes(16).toString('hex');
  const unknown = (): WorkbenchIpcError =>
    new WorkbenchIpcError(FILE_ERROR, 'The file is no longer open: start again.');

  async function drop(token: string): Promise<void> {
    const transfer = open_.get(token);
    if (!transfer) return;
    open_.delete(token);
    await transfer.handle.close().catch(() => {});
    if (transfer.kind === 'write') await unlink(transfer.tempPath).catch(() => {});
  }

  /** A piece from `at`, base64, without moving the transfer on (a zip's directory). */
  async function readAt(
    transfer: ReadTransfer,
    maxBytes: number,
    encoding: 'utf8' | 'base64',
    at: number,
  ): Promise<{ text: string; bytesRead: number; size: number; done: boolean }> {
    if (encoding !== 'base64' || at > transfer.size) {
      throw new WorkbenchIpcError(FILE_ERROR, 'A piece from a position is read as base64 only.');
    }
    const length = Math.min(maxBytes, transfer.size - at);
    const buffer = Buffer.alloc(length);
    const { bytesRead } =
      length > 0 ? await transfer.handle.read(buffer, 0, length, at) : { bytesRead: 0 };
    return {
      text: buffer.subarray(0, bytesRead).toString('base64'),
      bytesRead: transfer.position,
      size: transfer.size,
      done: false,
    };
  }

  return {
    get openCount() {
      return open_.size;
    },

    async openRead(path) {
      let size: number;
      try {
        size = (await stat(path)).size;
      } catch {
        throw new WorkbenchIpcError(FILE_ERROR, `“${basename(path)}” cannot be read.`);
      }
      const max = maxReadBytes(path);
      if (size > max) {
        throw new WorkbenchIpcError(
          FILE_ERROR,
          `“${basename(path)}” is ${Math.round(size / 1048576)} MB: files up to ` +
            `${Math.round(max / 1048576)} MB can be imported.`,
        );
      }
      const handle = await open(path, 'r');
      const token = newToken();
      open_.set(token, {
        kind: 'read',
        handle,
        decoder: new StringDecoder('utf8'),
        position: 0,
        size,
      });
      return { token, name: basename(path), size };
    },

    async read(token, maxBytes = DEFAULT_PIECE_BYTES, encoding = 'utf8', at) {
      const transfer = open_.get(token);
      if (!transfer || transfer.kind !== 'read') throw unknown();
      if (at !== undefined) return readAt(transfer, maxBytes, encoding, at);
      try {
        const length = Math.max(0, Math.min(maxBytes, transfer.size - transfer.position));
        const buffer = Buffer.alloc(length);
        const { bytesRead } =
          length > 0
            ? await transfer.handle.read(buffer, 0, length, transfer.position)
            : { bytesRead: 0 };
        transfer.position += bytesRead;
        const done = bytesRead === 0 || transfer.position >= transfer.size;
        // base64: each piece is encoded on its own (the reader decodes piece by piece).
        let text =
          encoding === 'base64'
            ? buffer.subarray(0, bytesRead).toString('base64')
            : transfer.decoder.write(buffer.subarray(0, bytesRead));
        if (done) {
          if (encoding !== 'base64') text += transfer.decoder.end();
          await drop(token);
        }
        return { text, bytesRead: transfer.position, size: transfer.size, done };
      } catch (error) {
        await drop(token);
        throw error;
      }
    },

    async openWrite(path) {
      const tempPath = tempPathFor(path);
      const handle = await open(tempPath, 'wx', 0o600);
      const token = newToken();
      open_.set(token, { kind: 'write', handle, path, tempPath, written: 0 });
      return { token, name: basename(path) };
    },

    async write(token, text, final, encoding = 'utf8') {
      const transfer = open_.get(token);
      if (!transfer || transfer.kind !== 'write') throw unknown();
      try {
        const buffer = Buffer.from(text, encoding);
        if (buffer.byteLength > 0) await transfer.handle.write(buffer);
        transfer.written += buffer.byteLength;
        if (!final) return { bytesWritten: transfer.written, done: false };
        await transfer.handle.sync();
        await transfer.handle.close();
        await ops.rename(transfer.tempPath, transfer.path);
        open_.delete(token);
        await syncDirectory(dirname(transfer.path));
        return { bytesWritten: transfer.written, done: true };
      } catch (error) {
        await drop(token);
        throw new WorkbenchIpcError(
          FILE_ERROR,
          `“${basename(transfer.path)}” could not be written: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      }
    },

    async close(token) {
      const had = open_.has(token);
      await drop(token);
      return had;
    },
  };
}
