// Parses and checks an archive off the window's thread: the text arrives in pieces as it is read,
// then JSON parse, schema checks and the checksum run here, reporting progress.
import { ArchiveError, parseArchiveText, serializeArchive } from '@shared/archive';
import type { WorkerRequest, WorkerResponse } from './archiveWorkerProtocol';

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let pieces: string[] = [];

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'piece') {
    pieces.push(message.text);
    return;
  }
  if (message.type === 'serialize') {
    serializeArchive(message.content, message.options).then(
      (archive) => scope.postMessage({ type: 'serialized', archive }),
      (error: unknown) =>
        scope.postMessage({
          type: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return;
  }
  const text = pieces.join('');
  pieces = [];
  parseArchiveText(text, message.fileName, (stage, fraction) =>
    scope.postMessage({ type: 'progress', stage, fraction }),
  ).then(
    (parsed) => scope.postMessage({ type: 'done', parsed }),
    (error: unknown) =>
      scope.postMessage(
        error instanceof ArchiveError
          ? {
              type: 'error',
              fileName: error.fileName,
              kind: error.kind,
              problems: error.problems,
              message: error.message,
            }
          : { type: 'error', message: error instanceof Error ? error.message : String(error) },
      ),
  );
};
