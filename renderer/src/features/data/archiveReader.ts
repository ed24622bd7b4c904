import {
  ArchiveError,
  ZIP_TAIL_BYTES,
  parseArchiveText,
  serializeArchive,
  type ArchiveContent,
  type ArchiveWriteOptions,
  type ParsedArchive,
  type SerializedArchive,
} from '@shared/archive';
import type { WorkbenchClient } from '@shared/ipc/client';
import {
  ArchiveImportError,
  checkArchiveZip,
  importArchive,
  writeCheckedZip,
  type ArchiveImportResult,
  type ImportArchiveOptions,
} from '../../../db/archive';
import type { WorkbenchStore } from '../../../db';
import type { ArchiveHeader, WorkerRequest, WorkerResponse } from './archiveWorkerProtocol';
import { readPieces, readWholeBytes } from '../../lib/fileIo';

/** A step of reading an archive, for the progress bar. */
export interface ReadProgress {
  /** reading (bytes from disk), parsing, validating, checksum. */
  stage: 'reading' | 'parsing' | 'validating' | 'checksum';
  /** 0..1 within the stage. */
  fraction: number;
}

/** An archive that passed every check, waiting to be written (or dropped). */
export interface CheckedArchive {
  /** Who wrote it, when, and what it holds (the records stay where they were checked). */
  header: ArchiveHeader;
  /**
   * Writes it into the store's database: all or nothing, in one transaction (see importArchive).
   * Rejects with ArchiveImportError when it cannot be written; nothing is written then. Once
   * written, the archive is released.
   */
  write(store: WorkbenchStore, options: ImportArchiveOptions): Promise<ArchiveImportResult>;
  /** Releases it without writing (the dialog was closed or another file chosen). */
  dispose(): void;
}

/** Marks for the benchmark's breakdown of an import (performance.getEntriesByName). */
export const IMPORT_MARKS = {
  start: 'archive-import:start',
  fileRead: 'archive-import:file-read',
  checked: 'archive-import:checked',
  writeStart: 'archive-import:write-start',
  written: 'archive-import:written',
} as const;

function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}

/** A checked archive held on this thread (where there are no workers). */
function checkedHere(parsed: ParsedArchive): CheckedArchive {
  const { content: _content, ...header } = parsed;
  return {
    header,
    write: async (store, options) => {
      mark(IMPORT_MARKS.writeStart);
      const result = await importArchive(store, parsed, options);
      mark(IMPORT_MARKS.written);
      return result;
    },
    dispose: () => undefined,
  };
}

/**
 * A zipped archive where there are no workers (tests under Node): read whole and checked on
 * this thread, then written with its files in one transaction.
 */
async function readZipHere(
  client: WorkbenchClient,
  file: { token: string; name: string },
  onProgress: (progress: ReadProgress) => void,
): Promise<CheckedArchive> {
  const bytes = await readWholeBytes(client, file.token, (done, total) =>
    onProgress({ stage: 'reading', fraction: total === 0 ? 1 : done / total }),
  );
  mark(IMPORT_MARKS.fileRead);
  onProgress({ stage: 'checksum', fraction: 0 });
  const checked = await checkArchiveZip(bytes, file.name);
  mark(IMPORT_MARKS.checked);
  const { content: _content, ...header } = checked.parsed;
  return {
    header,
    write: async (store, options) => {
      mark(IMPORT_MARKS.writeStart);
      const result = await writeCheckedZip(store, checked, options);
      mark(IMPORT_MARKS.written);
      return result;
    },
    dispose: () => undefined,
  };
}

/**
 * Sends a zipped archive to the worker: its directory (the file's last bytes) first, then its
 * bytes from the start, one piece in flight at a time (the worker acknowledges each), so
 * neither thread ever holds the zip whole and the window only moves base64 text along.
 */
export async function sendZip(
  client: WorkbenchClient,
  file: { token: string; name: string },
  post: (message: WorkerRequest) => void,
  next: () => Promise<WorkerResponse>,
  onProgress: (progress: ReadProgress) => void,
): Promise<WorkerResponse> {
  const send = async (message: WorkerRequest) => {
    const reply = next(); // waiting before the message goes: the answer cannot be missed
    post(message);
    const answer = await reply;
    if (answer.type === 'error') throw workerError(answer);
    if (answer.type !== 'ack') throw new Error('the archive reader gave no answer');
  };
  const { size } = await client.call('file.read', {
    token: file.token,
    encoding: 'base64',
    maxBytes: 1024,
    at: 0,
  });
  const tailAt = Math.max(0, size - ZIP_TAIL_BYTES);
  const tail = await client.call('file.read', {
    token: file.token,
    encoding: 'base64',
    maxBytes: ZIP_TAIL_BYTES,
    at: tailAt,
  });
  await send({ type: 'zip-start', fileName: file.name, size, tail: tail.text, tailAt });
  for (;;) {
    const piece = await client.call('file.read', {
      token: file.token,
      encoding: 'base64',
      maxBytes: ZIP_PIECE_BYTES,
    });
    await send({ type: 'zip-piece', data: piece.text });
    onProgress({ stage: 'reading', fraction: piece.size === 0 ? 1 : piece.bytesRead / piece.size });
    if (piece.done) break;
  }
  mark(IMPORT_MARKS.fileRead);
  const checked = next();
  post({ type: 'zip-end' });
  return checked;
}

/** Bytes of a zip read per piece (a multiple of 3, so each piece's base64 stands alone). */
const ZIP_PIECE_BYTES = 6 * 1024 * 1024;

/** The window's side of a worker's answer to a write, as the error the caller expects. */
function workerError(message: Extract<WorkerResponse, { type: 'error' }>): Error {
  if (message.kind && message.fileName && message.problems) {
    return new ArchiveError(message.fileName, message.kind, message.problems);
  }
  if (message.importKind) return new ArchiveImportError(message.importKind, message.message);
  return new Error(message.message);
}

/**
 * Reads an opened archive (by token) and checks it completely in a Web Worker, so even a
 * 200 MB file never freezes the window: pieces go to the worker as they arrive from the main
 * process. The checked records stay in the worker, which also writes them when asked (one
 * transaction on its own connection; the window's live queries hear of it through Dexie), so
 * they are never copied to the window. Rejects with ArchiveError (naming the file, the record
 * or line and the field).
 */
export async function readArchive(
  client: WorkbenchClient,
  file: { token: string; name: string },
  onProgress: (progress: ReadProgress) => void,
): Promise<CheckedArchive> {
  mark(IMPORT_MARKS.start);
  const zipped = file.name.toLowerCase().endsWith('.zip');
  if (zipped && typeof Worker === 'undefined') return readZipHere(client, file, onProgress);
  if (typeof Worker === 'undefined') {
    const parts: string[] = [];
    await readPieces(
      client,
      file.token,
      (t) => parts.push(t),
      (done, total) => onProgress({ stage: 'reading', fraction: total === 0 ? 1 : done / total }),
    );
    mark(IMPORT_MARKS.fileRead);
    const parsed = await parseArchiveText(parts.join(''), file.name, (stage, fraction) =>
      onProgress({ stage, fraction }),
    );
    mark(IMPORT_MARKS.checked);
    return checkedHere(parsed);
  }
  const worker = new Worker(new URL('./archive.worker.ts', import.meta.url), { type: 'module' });
  const post = (message: WorkerRequest) => worker.postMessage(message);
  let pending: { resolve: (m: WorkerResponse) => void; reject: (e: Error) => void } | null = null;
  let failed: Error | null = null;
  const next = () =>
    new Promise<WorkerResponse>((resolve, reject) => {
      if (failed) reject(failed);
      else pending = { resolve, reject };
    });
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    if (message.type === 'progress') onProgress(message);
    else pending?.resolve(message);
  };
  worker.onerror = (event) => {
    failed = new Error(event.message || 'the archive reader failed');
    pending?.reject(failed);
  };
  let handedOver = false;
  try {
    const answer = next();
    // Awaited below; a worker failure during the read must not count as unhandled meanwhile.
    answer.catch(() => undefined);
    let message: WorkerResponse;
    if (zipped) {
      message = await sendZip(client, file, post, next, onProgress).catch(async (error) => {
        await client.call('file.close', { token: file.token }).catch(() => undefined);
        throw error;
      });
    } else {
      await readPieces(
        client,
        file.token,
        (text) => post({ type: 'piece', text }),
        (done, total) => onProgress({ stage: 'reading', fraction: total === 0 ? 1 : done / total }),
      );
      mark(IMPORT_MARKS.fileRead);
      post({ type: 'end', fileName: file.name });
      message = await answer;
    }
    if (message.type === 'error') throw workerError(message);
    if (message.type !== 'checked') throw new Error('the archive reader gave no answer');
    mark(IMPORT_MARKS.checked);
    handedOver = true;
    let released = false;
    const release = () => {
      released = true;
      worker.terminate();
    };
    return {
      header: message.header,
      write: async (store, options) => {
        if (released) throw new Error('this archive was already written or dropped');
        mark(IMPORT_MARKS.writeStart);
        try {
          const written = next();
          post({
            type: 'write',
            target: { dbName: store.db.name, deviceId: store.deviceId },
            options,
          });
          const reply = await written;
          if (reply.type === 'error') throw workerError(reply);
          if (reply.type !== 'written') throw new Error('the archive writer gave no answer');
          mark(IMPORT_MARKS.written);
          return reply.result;
        } finally {
          release();
        }
      },
      dispose: release,
    };
  } finally {
    if (!handedOver) worker.terminate();
  }
}

/**
 * Writes an archive's text in a Web Worker (serialising and hashing a large engagement takes
 * seconds of CPU, which must not freeze the window); inline where workers do not exist.
 */
export async function serializeInWorker(
  content: ArchiveContent,
  options: ArchiveWriteOptions,
): Promise<SerializedArchive> {
  if (typeof Worker === 'undefined') return serializeArchive(content, options);
  const worker = new Worker(new URL('./archive.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<SerializedArchive>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        const message = event.data;
        if (message.type === 'serialized') resolve(message.archive);
        else if (message.type === 'error') reject(new Error(message.message));
      };
      worker.onerror = (event) => reject(new Error(event.message || 'the archive writer failed'));
      const request: WorkerRequest = { type: 'serialize', content, options };
      worker.postMessage(request);
    });
  } finally {
    worker.terminate();
  }
}
