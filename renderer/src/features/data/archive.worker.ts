// Parses and checks an archive off the window's thread: the text arrives in pieces as it is read,
// then JSON parse, schema checks and the checksum run here, reporting progress. The checked
// archive stays here and is written from here into IndexedDB (one transaction) when the user
// confirms: its records never cross to the window, which stays responsive even for 200 MB.
import {
  ArchiveError,
  parseArchiveText,
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
let pieces: string[] = [];
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
      pieces.push(message.text);
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
      const text = pieces.join('');
      pieces = [];
      parseArchiveText(text, message.fileName, (stage, fraction) =>
        scope.postMessage({ type: 'progress', stage, fraction }),
      ).then(
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
