import { parseCsv, type CsvTable } from '@shared/csv/csvText';
import { planCsvImport } from '@shared/csv/importPlan';
import { verifyMemoFile } from '@shared/memo/verify';
import type { ParserRequest, ParserResponse } from './parserWorkerProtocol';

/** The parser worker's work: a read CSV table is kept for the plans that follow. */
export function createParserTasks() {
  let table: CsvTable | null = null;
  return {
    /** The answer to one request. */
    answer(request: ParserRequest): ParserResponse {
      const { id } = request;
      switch (request.type) {
        case 'csv-read': {
          table = parseCsv(request.text);
          const summary = {
            headers: table.headers,
            rowCount: table.rows.length,
            problemCount: table.problems.length,
          };
          return { id, type: 'csv-read', summary };
        }
        case 'csv-plan':
          if (!table) return { id, type: 'error', message: 'no CSV file was read' };
          return {
            id,
            type: 'csv-plan',
            plan: planCsvImport(table, request.mapping, request.context),
          };
        case 'verify':
          return { id, type: 'verify', result: verifyMemoFile(request.file, request.issued) };
      }
    },
  };
}
