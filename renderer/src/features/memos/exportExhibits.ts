import type { WorkbenchClient } from '@shared/ipc/client';
import { bytesToBase64 } from '@shared/encoding/base64';
import { issuedExhibits } from '@shared/memo/issuedExhibits';
import { exportFileName } from '@shared/memo/memoId';
import type { PageSize } from '@shared/memo/printCss';
import { renderMemoHtml } from '@shared/memo/renderHtml';
import type { Memo } from '@shared/memo/types';
import type { MemoRecord } from '@shared/model/memo';
import type { WorkbenchDB } from '../../../db/database';
import { readAttachmentBytes } from '../../../db/attachmentBlobs';
import type { ExportOutcome } from './exportMemo';

/** The print HTML and page fields of an issued memo's PDF. */
export function issuedPdfRequest(record: MemoRecord, pageSize: PageSize, headerText: string) {
  const memo = JSON.parse(record.content) as Memo;
  return {
    html: renderMemoHtml(memo, {
      fingerprint: record.fingerprint,
      state: 'issued',
      ...(record.display ? { display: record.display } : {}),
      logo: record.logo,
    }),
    pageSize,
    footer: {
      memoId: record.memoId,
      version: record.version,
      fingerprint: record.fingerprint,
      headerText,
    },
    ...(record.signed ? { signed: record.signed } : {}),
  };
}

/**
 * "Export with exhibits": one zip with the issued memo (Markdown or signed PDF) and the original
 * bytes of the files it cites, written by main through the save dialog. Refused, with the
 * exhibits named, when some files have not arrived on this device yet.
 */
export async function exportWithExhibits(
  client: WorkbenchClient,
  db: WorkbenchDB,
  record: MemoRecord,
  format: 'md' | 'pdf',
  pageSize: PageSize,
  headerText: string,
): Promise<ExportOutcome | null> {
  const exhibits = issuedExhibits(record);
  const files = [];
  const missing: string[] = [];
  for (const e of exhibits) {
    const blob = await readAttachmentBytes(db, e.sha256);
    if (!blob) missing.push(`${e.ref} ${e.name}`);
    else files.push({ ref: e.ref, name: e.name, sha256: e.sha256, bytes: blob });
  }
  if (missing.length > 0) {
    throw new Error(
      `These exhibits are not on this device yet, so the zip would be incomplete: ${missing.join(', ')}. Sync, then try again.`,
    );
  }
  const base = exportFileName(record.memoId, record.version, format);
  const memo =
    format === 'md'
      ? { format: 'markdown' as const, markdown: record.markdown, fileName: base }
      : {
          format: 'pdf' as const,
          ...issuedPdfRequest(record, pageSize, headerText),
          fileName: base,
        };
  const result = await client.call('memo.exportExhibits', {
    suggestedName: base.replace(/\.(md|pdf)$/, '-exhibits.zip'),
    memo,
    exhibits: await Promise.all(
      files.map(async (f) => ({
        ref: f.ref,
        name: f.name,
        sha256: f.sha256,
        data: bytesToBase64(new Uint8Array(await f.bytes.arrayBuffer())),
      })),
    ),
  });
  return result.saved && result.fileName && result.sha256
    ? { fileName: result.fileName, sha256: result.sha256 }
    : null;
}
