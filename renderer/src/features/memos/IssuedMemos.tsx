import type { MemoRecord } from '@shared/model/memo';
import { currentMemos, reissueDraft, type MemoDraft } from '@shared/memo/composerDraft';
import { shortFingerprint } from '@shared/memo/fingerprint';
import { issuedExhibits } from '@shared/memo/issuedExhibits';
import { useMemo } from 'react';
import { softDisabled } from '../../lib/softDisabled';

/** "1 exhibit, zip:" / "3 exhibits, zip:": the count the memo's content records. */
function exhibitsLabel(count: number): string {
  return `${count} ${count === 1 ? 'exhibit' : 'exhibits'}, zip:`;
}

/** The engagement's issued memos, newest first per memo id, with their exports and re-issue. */
export function IssuedMemos({
  memos,
  busy,
  exportIssued,
  exportExhibits,
  copyRequest,
  openDraft,
}: {
  memos: readonly MemoRecord[];
  busy: string | null;
  exportIssued: (record: MemoRecord, format: 'md' | 'pdf') => void;
  exportExhibits: (record: MemoRecord, format: 'md' | 'pdf') => void;
  copyRequest: (record: MemoRecord) => void;
  openDraft: (draft: MemoDraft) => void;
}) {
  const issuedList = [...memos].sort((a, b) =>
    a.memoId === b.memoId ? b.version - a.version : a.memoId < b.memoId ? 1 : -1,
  );
  const currentIds = new Set(currentMemos(memos).map((m) => m.id));
  // The exhibits each issued memo's frozen content lists: the zip exports only where there are some.
  const exhibitCounts = useMemo(
    () => new Map(memos.map((m) => [m.id, issuedExhibits(m).length])),
    [memos],
  );

  return (
    <section className="card memo-issued" aria-labelledby="memo-issued-heading">
      <h2 id="memo-issued-heading">Issued memos</h2>
      {issuedList.length === 0 ? (
        <p className="muted">
          No memo issued yet. An issued memo is frozen: it can be superseded by a new version, never
          edited.
        </p>
      ) : (
        <table className="memo-table">
          <thead>
            <tr>
              <th scope="col">Memo</th>
              <th scope="col">Date</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Fingerprint</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {issuedList.map((m) => (
              <tr key={m.id} aria-label={`${m.memoId} version ${m.version}`}>
                <td>
                  {m.memoId} v{m.version}
                </td>
                <td>{m.composition.date}</td>
                <td dir="auto" className="memo-subject">
                  {m.subject}
                </td>
                <td>
                  {m.status === 'issued' ? 'Issued' : `Superseded by v${m.supersededBy ?? '?'}`}
                </td>
                <td>
                  <code title={m.fingerprint}>{shortFingerprint(m.fingerprint)}</code>
                </td>
                <td className="memo-actions-cell">
                  <div className="memo-row-actions">
                    <span className="memo-action-group">
                      <button
                        type="button"
                        className="button button-ghost"
                        {...softDisabled(busy !== null, () => exportIssued(m, 'md'))}
                        aria-label={`Export ${m.memoId} v${m.version} as Markdown`}
                      >
                        Markdown
                      </button>
                      <button
                        type="button"
                        className="button button-ghost"
                        {...softDisabled(busy !== null, () => exportIssued(m, 'pdf'))}
                        aria-label={`Export ${m.memoId} v${m.version} as PDF`}
                      >
                        PDF
                      </button>
                      {currentIds.has(m.id) ? (
                        <button
                          type="button"
                          className="button button-ghost"
                          onClick={() => openDraft(reissueDraft(m))}
                          aria-label={`Re-issue ${m.memoId}`}
                        >
                          Re-issue…
                        </button>
                      ) : null}
                    </span>
                    {(exhibitCounts.get(m.id) ?? 0) > 0 ? (
                      <span
                        className="memo-action-group"
                        role="group"
                        aria-label={`${m.memoId} v${m.version} with its exhibits`}
                      >
                        <span className="memo-action-label">
                          {exhibitsLabel(exhibitCounts.get(m.id) ?? 0)}
                        </span>
                        <button
                          type="button"
                          className="button button-ghost"
                          {...softDisabled(busy !== null, () => exportExhibits(m, 'md'))}
                          aria-label={`Export ${m.memoId} v${m.version} with its exhibits, as one zip (Markdown and files)`}
                        >
                          Markdown
                        </button>
                        <button
                          type="button"
                          className="button button-ghost"
                          {...softDisabled(busy !== null, () => exportExhibits(m, 'pdf'))}
                          aria-label={`Export ${m.memoId} v${m.version} with its exhibits, as one zip (PDF and files)`}
                        >
                          PDF
                        </button>
                      </span>
                    ) : null}
                    <span className="memo-action-group">
                      <button
                        type="button"
                        className="button button-ghost"
                        {...softDisabled(busy !== null, () => copyRequest(m))}
                        aria-label={`Copy acknowledgement request for ${m.memoId} v${m.version}`}
                      >
                        Copy acknowledgement request
                      </button>
                    </span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
