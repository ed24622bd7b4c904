import type { MemoDraftRecord } from '@shared/model/memoDraft';
import { fromDraftRecord } from '@shared/memo/composerDraft';
import { shortFingerprint } from '@shared/memo/fingerprint';
import { formatDateTime } from '../../lib/formatDate';
import type { EngagementScreenProps } from '../../app/screenProps';
import { DossierPanel } from './DossierPanel';
import { IssuedMemos } from './IssuedMemos';
import { memoActions } from './memoActions';
import { MemoComposer } from './MemoComposer';
import { MemoDrafts } from './MemoDrafts';
import { MemoPreview } from './MemoPreview';
import { MemoToolbar } from './MemoToolbar';
import { MemoVerdict } from './MemoVerdict';
import type { DraftSaveState } from './useDraftAutosave';
import { useMemoScreen } from './useMemoScreen';
import './memos.css';

/** The autosave line under the memo's identity. */
function saveStatusText(state: DraftSaveState, stored: MemoDraftRecord | undefined): string {
  if (state.kind === 'pending' || state.kind === 'saving') return 'Saving draft…';
  if (state.kind === 'failed') return `Draft not saved: ${state.message}`;
  return stored
    ? `Draft saved ${formatDateTime(stored.updatedAt)}, on this device only.`
    : 'Not saved yet: the memo is kept as a draft as soon as you change something.';
}

/** The Memos tab: composer with live preview, exports, issue, issued memos, verify, dossiers. */
export function MemosScreen({ engagement }: EngagementScreenProps) {
  const state = useMemoScreen(engagement);
  if (!state) return <p className="muted">Loading…</p>;
  const {
    loaded,
    memos,
    storedDrafts,
    active,
    autosave,
    composed,
    identity,
    options,
    today,
    pageSize,
    setPageSize,
    busy,
    verdict,
    setVerdict,
    error,
    ready,
    empty,
    noRecipients,
    activeStored,
    hasDraft,
  } = state;
  const {
    change,
    openDraft,
    discardDraft,
    exportDraftMarkdown,
    exportDraftPdf,
    issue,
    exportIssued,
    exportExhibits,
    copyRequest,
    verify,
  } = memoActions(state);

  return (
    <div className="memos-screen">
      <MemoToolbar
        pageSize={pageSize}
        setPageSize={setPageSize}
        ready={ready}
        empty={empty}
        noRecipients={noRecipients}
        busy={busy}
        issueLabel={active.reissueOf ? `Issue version ${identity.version}` : 'Issue'}
        hasDraft={hasDraft}
        exportDraftMarkdown={exportDraftMarkdown}
        exportDraftPdf={exportDraftPdf}
        issue={issue}
        discardDraft={() => discardDraft(active.id)}
        openDraft={openDraft}
        verify={verify}
      />
      {verdict ? <MemoVerdict verdict={verdict} setVerdict={setVerdict} /> : null}
      {error ? <p className="form-error">The memo could not be built: {error}</p> : null}
      <MemoDrafts
        drafts={storedDrafts}
        memos={memos}
        openId={active.id}
        busy={busy !== null}
        onOpen={(record) => openDraft(fromDraftRecord(record, memos))}
        onDiscard={(record) => discardDraft(record.id)}
      />
      <div className="memo-layout">
        <MemoComposer
          draft={active}
          today={today}
          saveStatus={{
            text: saveStatusText(autosave.state, activeStored),
            failed: autosave.state.kind === 'failed',
          }}
          onChange={change}
          stakeholders={loaded.source.stakeholders}
          issues={loaded.source.raisedIssues}
          wording={{
            client: engagement.client,
            engagementTitle: engagement.title,
            engagementScope: engagement.scope,
            memoResponsibility: engagement.memoResponsibility,
          }}
          identity={identity}
          from={[options?.fromName ?? '', options?.fromFirm ?? '']
            .filter((x) => x.trim() !== '')
            .join(', ')}
        />
        <div className="memo-preview-column">
          {ready && composed ? (
            <>
              <p className="memo-fingerprint" aria-label="Draft fingerprint">
                Draft, not issued: fingerprint SHA-256{' '}
                <code>{shortFingerprint(composed.fingerprint)}</code>… ({composed.memo.items.length}{' '}
                {composed.memo.items.length === 1 ? 'item' : 'items'}; it changes with every edit
                until the memo is issued)
              </p>
              {empty ? (
                <p className="memo-empty card" role="note">
                  This memo has no items: nothing in its scope was raised. Choose another scope or
                  select issues; an empty memo is not exported.
                </p>
              ) : null}
              <MemoPreview markdown={composed.markdown} label="Memo preview" logo={composed.logo} />
            </>
          ) : (
            <p className="muted">Preparing the preview…</p>
          )}
        </div>
      </div>
      <IssuedMemos
        memos={memos}
        busy={busy}
        exportIssued={exportIssued}
        exportExhibits={exportExhibits}
        copyRequest={copyRequest}
        openDraft={openDraft}
      />
      <DossierPanel source={loaded.source} pageSize={pageSize} />
    </div>
  );
}
