// Parses and checks an archive off the window's thread: the text arrives in pieces as it is read,
// then JSON parse, schema checks and the checksum run here, reporting progress. The checked
// archive stays here and is written from here into IndexedDB (one transaction) when the user
// confirms: its records never cross to the window, which stays responsive even for 200 MB.
// A zipped archive comes the same way, as bytes: its directory first, then its entries as they
// arrive (zipWorker.ts); its files are kept as Blobs until written.
import {
  ArchiveError,
  parseArchiveText,
  serializeArchive,
  type ParsedArchive,
} from '@shared/archive';
import {
  ArchiveImportError,
  importArchive,
  writeCheckedZip,
  type CheckedZip,
} from '../../../db/archive';
import { openWorkbenchDb } from '../../../db/open';
import { createStore } from '../../../db/repositories/store';
import type { WorkerRequest, WorkerResponse, WriteTarget } from './archiveWorkerProtocol';
import type { ImportArchiveOptions } from '../../../db/archive';
import { createZipIntake, type ZipIntake } from './zipIntake';

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let pieces: string[] = [];
let checked: ParsedArchive | null = null;
let checkedZip: CheckedZip | null = null;
let zip: ZipIntake | null = null;

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
  const zipped = checkedZip;
  if (!archive && !zipped) throw new Error('no checked archive to write');
  const opened = await openWorkbenchDb({ name: target.dbName });
  if (!opened.ok) {
    throw new Error(
      opened.reason === 'error' ? opened.message : 'the database was written by a newer version',
    );
  }
  try {
    const store = createStore({ db: opened.db, deviceId: target.deviceId });
    return zipped
      ? await writeCheckedZip(store, zipped, options)
      : await importArchive(store, archive as ParsedArchive, options);
  } finally {
    opened.db.close();
  }
}

/** Answers a zip message: `ack`, the checked header at the end, or the error (then drops it). */
function answerZip(step: Promise<CheckedZip | null>): void {
  step.then(
    (done) => {
      if (!done) return scope.postMessage({ type: 'ack' });
      checkedZip = done;
      zip = null;
      const { content: _content, ...header } = done.parsed;
      scope.postMessage({ type: 'checked', header });
    },
    (error: unknown) => {
      zip = null;
      scope.postMessage(errorResponse(error));
    },
  );
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'zip-start':
      answerZip(
        (async () => {
          zip = createZipIntake(message, (stage, fraction) =>
            scope.postMessage({ type: 'progress', stage, fraction }),
          );
          return null;
        })(),
      );
      return;
    case 'zip-piece':
      answerZip(
        zip ? zip.push(message.data).then(() => null) : Promise.reject(new Error('no zip')),
      );
      return;
    case 'zip-end':
      answerZip(zip ? zip.end() : Promise.reject(new Error('no zip')));
      return;
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
          checkedZip = null;
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
