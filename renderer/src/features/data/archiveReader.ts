import {
  ArchiveError,
  parseArchiveText,
  serializeArchive,
  type ArchiveContent,
  type ArchiveWriteOptions,
  type ParsedArchive,
  type SerializedArchive,
} from '@shared/archive';
import type { WorkbenchClient } from '@shared/ipc/client';
import type { WorkerRequest, WorkerResponse } from './archiveWorkerProtocol';
import { readPieces } from './fileIo';

/** A step of reading an archive, for the progress bar. */
export interface ReadProgress {
  /** reading (bytes from disk), parsing, validating, checksum. */
  stage: 'reading' | 'parsing' | 'validating' | 'checksum';
  /** 0..1 within the stage. */
  fraction: number;
}

/**
 * Reads an opened archive (by token) and checks it completely in a Web Worker, so even a
 * 200 MB file never freezes the window: pieces go to the worker as they arrive from the main
 * process. Rejects with ArchiveError (naming the file, the record or line and the field).
 */
export async function readArchive(
  client: WorkbenchClient,
  file: { token: string; name: string },
  onProgress: (progress: ReadProgress) => void,
): Promise<ParsedArchive> {
  if (typeof Worker === 'undefined') {
    const parts: string[] = [];
    await readPieces(
      client,
      file.token,
      (t) => parts.push(t),
      (done, total) => onProgress({ stage: 'reading', fraction: total === 0 ? 1 : done / total }),
    );
    return parseArchiveText(parts.join(''), file.name, (stage, fraction) =>
      onProgress({ stage, fraction }),
    );
  }
  const worker = new Worker(new URL('./archive.worker.ts', import.meta.url), { type: 'module' });
  const post = (message: WorkerRequest) => worker.postMessage(message);
  try {
    const result = new Promise<ParsedArchive>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        const message = event.data;
        if (message.type === 'progress') onProgress(message);
        else if (message.type === 'done') resolve(message.parsed);
        else if (message.type !== 'error') return;
        else if (message.kind && message.fileName && message.problems) {
          reject(new ArchiveError(message.fileName, message.kind, message.problems));
        } else reject(new Error(message.message));
      };
      worker.onerror = (event) => reject(new Error(event.message || 'the archive reader failed'));
    });
    await readPieces(
      client,
      file.token,
      (text) => post({ type: 'piece', text }),
      (done, total) => onProgress({ stage: 'reading', fraction: total === 0 ? 1 : done / total }),
    );
    post({ type: 'end', fileName: file.name });
    return await result;
  } finally {
    worker.terminate();
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
