import type { WorkbenchClient } from '@shared/ipc/client';
import type { PageSize } from '@shared/memo/printCss';
import { exportFileName } from '@shared/memo/memoId';
import type { SignedManifest } from '@shared/memo/signedManifest';

/** What an export produced: null when the user cancelled the save dialog. */
export interface ExportOutcome {
  /** The saved file's name. */
  fileName: string;
  /** SHA-256 of its bytes. */
  sha256: string;
}

/** Saves Markdown through the native save dialog. Throws (with a clear message) when saving fails. */
export async function exportMarkdown(
  client: WorkbenchClient,
  markdown: string,
  memoId: string,
  version: number,
): Promise<ExportOutcome | null> {
  const result = await client.call('memo.exportMarkdown', {
    markdown,
    suggestedName: exportFileName(memoId, version, 'md'),
  });
  return result.saved && result.fileName && result.sha256
    ? { fileName: result.fileName, sha256: result.sha256 }
    : null;
}

/**
 * Prints the HTML to PDF in main and saves it through the native save dialog. With the issued
 * memo's signed manifest, main signs the export and puts both in the PDF's metadata.
 */
export async function exportPdf(
  client: WorkbenchClient,
  html: string,
  pageSize: PageSize,
  fields: { memoId: string; version: number; fingerprint: string; headerText: string },
  signed?: SignedManifest,
): Promise<ExportOutcome | null> {
  const suffix = pageSize === 'A4' ? '' : '-letter';
  const result = await client.call('memo.exportPdf', {
    html,
    pageSize,
    suggestedName: exportFileName(fields.memoId, fields.version, 'pdf').replace(
      /\.pdf$/,
      `${suffix}.pdf`,
    ),
    footer: fields,
    ...(signed ? { signed } : {}),
  });
  return result.saved && result.fileName && result.sha256
    ? { fileName: result.fileName, sha256: result.sha256 }
    : null;
}
