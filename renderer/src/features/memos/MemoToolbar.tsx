import type { PageSize } from '@shared/memo/printCss';
import { softDisabled } from '../../lib/softDisabled';

/** The Memos tab's toolbar: page size, draft exports, issue, discard / new, verify a file. */
export function MemoToolbar({
  pageSize,
  setPageSize,
  ready,
  empty,
  noRecipients,
  busy,
  issueLabel,
  hasDraft,
  exportDraftMarkdown,
  exportDraftPdf,
  issue,
  discardDraft,
  openDraft,
  verify,
}: {
  pageSize: PageSize;
  setPageSize: (size: PageSize) => void;
  /** The preview shows the memo being composed (its identity matches). */
  ready: boolean;
  /** The memo has no items. */
  empty: boolean;
  noRecipients: boolean;
  busy: string | null;
  issueLabel: string;
  hasDraft: boolean;
  exportDraftMarkdown: () => void;
  exportDraftPdf: () => void;
  issue: () => void;
  discardDraft: () => void;
  openDraft: (draft: null) => void;
  verify: () => void;
}) {
  return (
    <div className="page-actions memo-actions" role="toolbar" aria-label="Memo actions">
      <label className="memo-page-size">
        Page size{' '}
        <select
          aria-label="Page size"
          value={pageSize}
          onChange={(e) => setPageSize(e.target.value === 'Letter' ? 'Letter' : 'A4')}
        >
          <option value="A4">A4</option>
          <option value="Letter">US Letter</option>
        </select>
      </label>
      <button
        type="button"
        className="button"
        {...softDisabled(!ready || empty || busy !== null, exportDraftMarkdown)}
      >
        Export Markdown
      </button>
      <button
        type="button"
        className="button"
        {...softDisabled(!ready || empty || busy !== null, exportDraftPdf)}
      >
        Export PDF
      </button>
      <button
        type="button"
        className="button button-primary"
        {...softDisabled(!ready || empty || noRecipients || busy !== null, issue)}
        title={noRecipients ? 'Choose at least one recipient' : undefined}
      >
        {issueLabel}
      </button>
      {hasDraft ? (
        <>
          <button
            type="button"
            className="button button-ghost"
            disabled={busy !== null}
            onClick={discardDraft}
          >
            Discard draft
          </button>
          <button type="button" className="button button-ghost" onClick={() => openDraft(null)}>
            New memo
          </button>
        </>
      ) : null}
      <button
        type="button"
        className="button button-ghost"
        disabled={busy !== null}
        onClick={verify}
      >
        Verify a file…
      </button>
    </div>
  );
}
