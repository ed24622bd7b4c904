// Reads imported files off the window's thread: a CSV file's text is parsed (Papa Parse) and
// kept here, and each import plan for a column mapping is computed here; a memo file picked for
// verification is checked here. However large or hostile the file, the window stays responsive.
import { createParserTasks } from './parserTasks';
import type { ParserRequest, ParserResponse } from './parserWorkerProtocol';

interface WorkerScope {
  postMessage(message: ParserResponse): void;
  onmessage: ((event: MessageEvent<ParserRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const tasks = createParserTasks();

scope.onmessage = (event) => {
  try {
    scope.postMessage(tasks.answer(event.data));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ id: event.data.id, type: 'error', message });
  }
};
