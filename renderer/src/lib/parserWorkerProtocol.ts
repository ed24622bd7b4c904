import type { CsvImportContext, CsvImportPlan } from '@shared/csv/importPlan';
import type { FileForVerify, IssuedMemoForVerify, VerifyResult } from '@shared/memo/verify';

/**
 * Window → parser worker: read a CSV file's text (the table stays in the worker), plan its import
 * for a column mapping, or verify a picked memo file. Each request carries an id; the answer
 * carries it back.
 */
export type ParserRequest =
  | { id: number; type: 'csv-read'; text: string }
  | {
      id: number;
      type: 'csv-plan';
      mapping: ReadonlyArray<string | null>;
      context: CsvImportContext;
    }
  | {
      id: number;
      type: 'verify';
      file: FileForVerify;
      issued: readonly IssuedMemoForVerify[];
    };

/** What the window needs of a read CSV table (its rows stay in the worker). */
export interface CsvSummary {
  /** The header row's cells. */
  headers: string[];
  /** Data rows read, and rows that could not be read. */
  rowCount: number;
  problemCount: number;
}

/** Parser worker → window. */
export type ParserResponse =
  | { id: number; type: 'csv-read'; summary: CsvSummary }
  | { id: number; type: 'csv-plan'; plan: CsvImportPlan }
  | { id: number; type: 'verify'; result: VerifyResult }
  | { id: number; type: 'error'; message: string };
