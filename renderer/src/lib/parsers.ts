// The window's side of the parser worker (parsers.worker.ts): imported CSV files and memo files
// to verify are read there, never on the window's thread. Where workers do not exist (unit
// tests under Node) the same tasks run inline.
import type { CsvImportContext, CsvImportPlan } from '@shared/csv/importPlan';
import type { FileForVerify, IssuedMemoForVerify, VerifyResult } from '@shared/memo/verify';
import { createParserTasks } from './parserTasks';
import type { CsvSummary, ParserRequest, ParserResponse } from './parserWorkerProtocol';

type Request = ParserRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

/** A connection to one parser worker. */
export interface Parser {
  /** Sends a request; resolves with the answer of the same type, rejects with the worker's error. */
  ask<T extends Request['type']>(
    request: Extract<Request, { type: T }>,
  ): Promise<Extract<ParserResponse, { type: T }>>;
  /** Ends the worker (pending requests are rejected). */
  close(): void;
}

/** Starts a parser worker (or the inline stand-in where there are no workers). */
export function openParser(): Parser {
  let next = 1;
  const pending = new Map<
    number,
    { resolve: (r: ParserResponse) => void; reject: (e: Error) => void }
  >();
  const settle = (response: ParserResponse) => {
    const waiting = pending.get(response.id);
    pending.delete(response.id);
    if (response.type === 'error') waiting?.reject(new Error(response.message));
    else waiting?.resolve(response);
  };
  let send: (request: ParserRequest) => void;
  let stop = () => undefined as void;
  if (typeof Worker === 'undefined') {
    const tasks = createParserTasks();
    send = (request) => setTimeout(() => settle(tasks.answer(request)), 0);
  } else {
    const worker = new Worker(new URL('./parsers.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ParserResponse>) => settle(event.data);
    worker.onerror = (event) => {
      const error = new Error(event.message || 'the file reader failed');
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    send = (request) => worker.postMessage(request);
    stop = () => worker.terminate();
  }
  return {
    ask: (request) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve: resolve as (r: ParserResponse) => void, reject });
        send({ ...request, id } as ParserRequest);
      }),
    close: () => {
      stop();
      for (const waiting of pending.values())
        waiting.reject(new Error('the file reader was closed'));
      pending.clear();
    },
  };
}

/** A CSV file read in a worker: its headers and counts here, its rows there. */
export interface CsvFile {
  summary: CsvSummary;
  /** The import plan for a column mapping (computed in the worker). */
  plan(mapping: ReadonlyArray<string | null>, context: CsvImportContext): Promise<CsvImportPlan>;
  /** Ends the worker. */
  close(): void;
}

/** Reads a CSV file's text in a parser worker. */
export async function readCsvFile(text: string): Promise<CsvFile> {
  const parser = openParser();
  try {
    const { summary } = await parser.ask({ type: 'csv-read', text });
    return {
      summary,
      plan: async (mapping, context) =>
        (await parser.ask({ type: 'csv-plan', mapping, context })).plan,
      close: parser.close,
    };
  } catch (error) {
    parser.close();
    throw error;
  }
}

/** Verifies a picked memo file in a parser worker. */
export async function verifyInWorker(
  file: FileForVerify,
  issued: readonly IssuedMemoForVerify[],
): Promise<VerifyResult> {
  const parser = openParser();
  try {
    return (await parser.ask({ type: 'verify', file, issued })).result;
  } finally {
    parser.close();
  }
}
