// Parses and checks an archive off the window's thread: the text arrives in pieces as it is read
// and its records are parsed and checked as they arrive (while the window reads the next
// pieces); the remaining checks and the checksum run at the end, reporting progress. The checked
// archive stays here and is written from here into IndexedDB (one transaction) when the user
// confirms: its records never cross to the window, which stays responsive even for 200 MB.
import {
  ArchiveError,
  IncrementalArchiveReader,
  serializeArchive,
  type ParsedArchive,
} from '@shared/archive';
import { ArchiveImportError, importArchive } from '../../../db/archive';
import { openWorkbenchDb } from '../../../db/open';
import { createStore } from '../../../db/repositories/store';
import type { WorkerRequest, WorkerResponse, WriteTarget } from './archiveWorkerProtocol';
import type { ImportArchiveOptions } from '../../../db/archive';

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
// The file's pieces are parsed and checked record by record as they arrive (see
// IncrementalArchiveReader), while the window is still reading the rest of the file.
let reader = new IncrementalArchiveReader();
let checked: ParsedArchive | null = null;

function errorResponse(error: unknown): WorkerResponse {
  if (error instanceof ArchiveError) {
    return {
      type: 'error',
      fileName: error.fileName,
      kind: error.kind,
      problems: error.problems,
      message: error.message,
    };
  }
  if (error instanceof ArchiveImportError) {
    return { type: 'error', importKind: error.kind, message: error.message };
  }
  return { type: 'error', message: error instanceof Error ? error.message : String(error) };
}

/** Writes the checked archive through a store on this worker's own connection. */
async function write(target: WriteTarget, options: ImportArchiveOptions) {
  const archive = checked;
  if (!archive) throw new Error('no checked archive to write');
  const opened = await openWorkbenchDb({ name: target.dbName });
  if (!opened.ok) {
    throw new Error(
      opened.reason === 'error' ? opened.message : 'the database was written by a newer version',
    );
  }
  try {
    const store = createStore({ db: opened.db, deviceId: target.deviceId });
    return await importArchive(store, archive, options);
  } finally {
    opened.db.close();
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'piece':
      reader.push(message.text);
      return;
    case 'serialize':
      serializeArchive(message.content, message.options).then(
        (archive) => scope.postMessage({ type: 'serialized', archive }),
        (error: unknown) => scope.postMessage(errorResponse(error)),
      );
      return;
    case 'write':
      write(message.target, message.options).then(
        (result) => {
          checked = null;
          scope.postMessage({ type: 'written', result });
        },
        (error: unknown) => scope.postMessage(errorResponse(error)),
      );
      return;
    case 'end': {
      const finished = reader;
      reader = new IncrementalArchiveReader();
      finished
        .finish(message.fileName, (stage, fraction) =>
          scope.postMessage({ type: 'progress', stage, fraction }),
        )
        .then(
          (parsed) => {
            checked = parsed;
            const { content: _content, ...header } = parsed;
            scope.postMessage({ type: 'checked', header });
          },
          (error: unknown) => scope.postMessage(errorResponse(error)),
        );
    }
  }
};
