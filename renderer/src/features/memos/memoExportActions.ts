import { htmlOf } from '@shared/memo/compose';
import type { MemoRecord } from '@shared/model/memo';
import { recordMemoExport } from '../../../db/repositories/memos';
import { announceOperation } from '../../lib/announceOperation';
import { exportMarkdown, exportPdf, type ExportOutcome } from './exportMemo';
import { exportWithExhibits, issuedPdfRequest } from './exportExhibits';
import { runMemoAction, type MemoScreenState } from './memoScreenState';

/** The name of a format in what the live region says. */
const formatName = (format: 'md' | 'pdf'): string => (format === 'md' ? 'Markdown' : 'PDF');

/** Runs an export: the live region says it starts and how it ended (the toast shows it too). */
function announced(subject: string, task: () => Promise<ExportOutcome | null>) {
  return announceOperation({ verb: 'export', subject }, async () => {
    const outcome = await task();
    return outcome ? { ...outcome, file: outcome.fileName } : null;
  });
}

/** The toast naming the file saved (none when the save was cancelled); the live region said it. */
function saved(state: MemoScreenState, outcome: ExportOutcome | null): void {
  if (outcome)
    state.pushToast({ tone: 'success', message: `Saved ${outcome.fileName}.`, announced: true });
}

/** Exports the draft being composed (Markdown or PDF, marked as a draft). */
function exportDraft(state: MemoScreenState, format: 'md' | 'pdf') {
  const { composed, identity, client } = state;
  if (!composed) return Promise.resolve();
  const subject = `the draft memo ${identity.memoId} (${formatName(format)})`;
  return announced(subject, () =>
    format === 'md'
      ? exportMarkdown(client, composed.markdown, identity.memoId, identity.version)
      : exportPdf(client, htmlOf(composed, 'draft'), state.pageSize, {
          memoId: identity.memoId,
          version: identity.version,
          fingerprint: composed.fingerprint,
          headerText: `${state.engagement.client}: DRAFT`,
        }),
  ).then((outcome) => saved(state, outcome));
}

/** Exports an issued memo as it was issued, and records the export on it. */
async function exportIssued(
  state: MemoScreenState,
  record: MemoRecord,
  format: 'md' | 'pdf',
): Promise<void> {
  const { client, pageSize } = state;
  const subject = `memo ${record.memoId} version ${record.version} (${formatName(format)})`;
  const pdf = issuedPdfRequest(record, pageSize, state.engagement.client);
  const outcome = await announced(subject, () =>
    format === 'md'
      ? exportMarkdown(client, record.markdown, record.memoId, record.version)
      : exportPdf(client, pdf.html, pageSize, pdf.footer, pdf.signed),
  );
  if (!outcome) return;
  await recordMemoExport(state.store, record.id, {
    format: format === 'md' ? 'markdown' : 'pdf',
    sha256: outcome.sha256,
    pageSize: format === 'pdf' ? pageSize : null,
    at: new Date().toISOString(),
  });
  saved(state, outcome);
}

/** The export actions of the Memos tab: the draft, an issued memo, a memo with its exhibits. */
export function memoExportActions(state: MemoScreenState) {
  const run = runMemoAction(state);
  return {
    exportDraftMarkdown: () => run('md', () => exportDraft(state, 'md')),
    exportDraftPdf: () => run('pdf', () => exportDraft(state, 'pdf')),
    exportIssued: (record: MemoRecord, format: 'md' | 'pdf') =>
      run(`${format}:${record.id}`, () => exportIssued(state, record, format)),
    exportExhibits: (record: MemoRecord, format: 'md' | 'pdf') =>
      run(`zip:${record.id}`, async () => {
        const subject = `memo ${record.memoId} version ${record.version} with its exhibits (zip, ${formatName(format)})`;
        const outcome = await announced(subject, () =>
          exportWithExhibits(
            state.client,
            state.store.db,
            record,
            format,
            state.pageSize,
            state.engagement.client,
          ),
        );
        saved(state, outcome);
      }),
  };
}
