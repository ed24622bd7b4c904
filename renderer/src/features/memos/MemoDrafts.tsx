import type { MemoRecord } from '@shared/model/memo';
import type { MemoDraftRecord } from '@shared/model/memoDraft';
import { formatDate, formatDateTime } from '../../lib/formatDate';
import { draftLabel } from '@shared/memo/composerDraft';

/**
 * The engagement's memo drafts on this device (not issued memos: those are listed under
 * "Issued memos"). One is open in the composer; the others can be opened or discarded.
 */
export function MemoDrafts({
  drafts,
  memos,
  openId,
  busy,
  onOpen,
  onDiscard,
}: {
  drafts: readonly MemoDraftRecord[];
  memos: readonly MemoRecord[];
  openId: string;
  busy: boolean;
  onOpen: (draft: MemoDraftRecord) => void;
  onDiscard: (draft: MemoDraftRecord) => void;
}) {
  if (drafts.length === 0) return null;
  return (
    <section className="card memo-drafts" aria-labelledby="memo-drafts-heading">
      <h2 id="memo-drafts-heading">
        Drafts <span className="muted memo-drafts-note">not issued, kept on this device only</span>
      </h2>
      <ul className="memo-draft-list">
        {drafts.map((d) => {
          const label = draftLabel(d, memos);
          const reissued = memos.find((m) => m.id === d.reissueOfId);
          const isOpen = d.id === openId;
          return (
            <li
              key={d.id}
              className={isOpen ? 'memo-draft is-open' : 'memo-draft'}
              aria-label={`Draft: ${label}`}
            >
              <span className="memo-draft-name" dir="auto">
                {label}
              </span>
              <span className="muted memo-draft-meta">
                {reissued ? `new version of ${reissued.memoId}` : 'new memo'}
                {d.date ? `, dated ${formatDate(d.date)}` : ''} · saved{' '}
                {formatDateTime(d.updatedAt)}
              </span>
              <span className="memo-draft-actions">
                {isOpen ? (
                  <span className="memo-draft-badge">In the composer</span>
                ) : (
                  <button
                    type="button"
                    className="button button-ghost"
                    onClick={() => onOpen(d)}
                    aria-label={`Open draft ${label}`}
                  >
                    Open
                  </button>
                )}
                <button
                  type="button"
                  className="button button-ghost"
                  disabled={busy}
                  onClick={() => onDiscard(d)}
                  aria-label={`Discard draft ${label}`}
                >
                  Discard
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
