import { useCallback, useEffect, useMemo, useState } from 'react';
import { acknowledgementRequestText } from '@shared/memo/ackRequest';
import { composeMemo, htmlOf } from '@shared/memo/compose';
import { shortFingerprint } from '@shared/memo/fingerprint';
import type { PageSize } from '@shared/memo/printCss';
import { renderMemoHtml } from '@shared/memo/renderHtml';
import type { Memo } from '@shared/memo/types';
import type { VerifyResult } from '@shared/memo/verify';
import type { MemoRecord } from '@shared/model/memo';
import type { MemoDraftInput, MemoDraftRecord } from '@shared/model/memoDraft';
import { localIsoDay } from '@shared/rules/dates';
import { engagementDisplay } from '@shared/time/display';
import { useMemoDrafts } from '../../../db/hooks/memoDrafts';
import { issueMemoVersion, recordMemoExport } from '../../../db/repositories/memos';
import { useWorkbench } from '../../app/WorkbenchContext';
import { errorMessage } from '../../lib/errorMessage';
import { formatDateTime } from '../../lib/formatDate';
import { useUiStore } from '../../state/uiStore';
import type { EngagementScreenProps } from '../../app/screenProps';
import { DossierPanel } from './DossierPanel';
import {
  currentMemos,
  draftIdentity,
  draftLabel,
  draftOptions,
  draftRecord,
  fromDraftRecord,
  memoDate,
  newDraft,
  reissueDraft,
  type MemoDraft,
} from '@shared/memo/composerDraft';
import { MemoDrafts } from './MemoDrafts';
import { exportMarkdown, exportPdf, type ExportOutcome } from './exportMemo';
import { MemoComposer } from './MemoComposer';
import { MemoPreview } from './MemoPreview';
import { useComposedMemo } from './useComposedMemo';
import { useMemoDraftStore } from './draftStore';
import { useDraftAutosave, type DraftSaveState } from './useDraftAutosave';
import { useMemoSource } from './useMemoSource';
import './memos.css';
import { verifyInWorker } from '../../lib/parsers';

/** The issued memo's model, parsed back from its frozen canonical content. */
function issuedModel(record: MemoRecord): Memo {
  return JSON.parse(record.content) as Memo;
}

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
  const { client, db, store, settings } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  // A PDF export may follow: main readies its hidden print window now, so the first export
  // does not wait for a new one. Only a head start: a failure here changes nothing.
  useEffect(() => {
    client.call('memo.preparePdf', {}).catch(() => undefined);
  }, [client]);
  const loaded = useMemoSource(engagement);
  const memos = useMemo(() => loaded?.memos ?? [], [loaded]);
  const storedDrafts = useMemoDrafts(db, engagement.id);
  // The open draft: undefined = none chosen yet (reopen the latest stored), null = a fresh memo.
  const draft = useMemoDraftStore((s) => s.drafts[engagement.id]);
  const storeDraft = useMemoDraftStore((s) => s.setDraft);
  const engagementId = engagement.id;
  const setDraft = (next: MemoDraft | null | undefined) => storeDraft(engagementId, next);
  const saveDraft = useCallback((input: MemoDraftInput) => store.memoDrafts.save(input), [store]);
  const autosave = useDraftAutosave(saveDraft, engagementId);
  const [pageSize, setPageSize] = useState<PageSize>('A4');
  const [busy, setBusy] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<VerifyResult | null>(null);
  const today = localIsoDay(new Date());
  const latestStored = storedDrafts?.[0];
  const defaultDraft = useMemo(() => {
    if (!loaded || !storedDrafts) return null;
    if (draft === undefined && latestStored) return fromDraftRecord(latestStored, memos);
    return newDraft(memos, engagement);
  }, [loaded, storedDrafts, draft, latestStored, memos, engagement]);
  const active = draft ?? defaultDraft;
  const from = { name: settings.consultantName, firm: settings.consultantFirm };
  const options = useMemo(
    () => (active && loaded ? draftOptions(active, engagement, memos, from, today) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [active, engagement, memos, settings.consultantName, settings.consultantFirm, today],
  );
  const display = useMemo(() => engagementDisplay(engagement), [engagement]);
  const { composed, error } = useComposedMemo(loaded?.source, options, display);

  if (!loaded || !storedDrafts || !active) return <p className="muted">Loading…</p>;
  const identity = draftIdentity(active, engagement, memos, today);
  const ready = composed !== null && composed.memo.header.memoId === identity.memoId;
  const empty = ready && composed.memo.items.length === 0;
  const noRecipients = active.recipientIds.length === 0;
  const activeStored = storedDrafts.find((d) => d.id === active.id);
  const hasDraft = activeStored !== undefined || autosave.state.kind !== 'idle';

  /** Runs an action with a busy flag and an error toast; the draft is always kept. */
  const run = async (label: string, action: () => Promise<void>) => {
    setBusy(label);
    try {
      await action();
    } catch (err) {
      pushToast({ tone: 'error', message: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  /** Applies a change to the open draft and autosaves it (debounced). */
  const change = (patch: Partial<MemoDraft>) => {
    const next = { ...active, ...patch };
    setDraft(next);
    autosave.schedule(draftRecord(next, engagementId));
  };

  /** Opens another draft (or a fresh memo, null) after writing what is pending. */
  const openDraft = (next: MemoDraft | null) => {
    void autosave.flush();
    setDraft(next);
  };

  /** Removes a draft, with Undo; the composer moves to the next draft or a fresh memo. */
  const discardDraft = (id: string) =>
    run('discard', async () => {
      const isOpen = id === active.id;
      const unsaved = isOpen ? draftRecord(active, engagementId) : null;
      if (isOpen) autosave.cancel();
      const removed = await store.memoDrafts.discard(id);
      if (isOpen) {
        const next = storedDrafts.find((d) => d.id !== id);
        setDraft(next ? fromDraftRecord(next, memos) : null);
      }
      const label = removed
        ? draftLabel(removed, memos)
        : unsaved && unsaved.subject.trim() !== ''
          ? unsaved.subject
          : 'Untitled memo';
      pushToast({
        tone: 'info',
        message: `Draft “${label}” discarded.`,
        action: {
          label: 'Undo',
          run: async () => {
            const back = removed
              ? await store.memoDrafts.restore(removed)
              : unsaved
                ? await store.memoDrafts.save(unsaved)
                : null;
            if (back) storeDraft(engagementId, fromDraftRecord(back, memos));
          },
        },
      });
    });

  const saved = (outcome: ExportOutcome | null) => {
    if (outcome) pushToast({ tone: 'success', message: `Saved ${outcome.fileName}.` });
  };

  const exportDraftMarkdown = () =>
    run('md', async () => {
      if (!composed) return;
      saved(await exportMarkdown(client, composed.markdown, identity.memoId, identity.version));
    });
  const exportDraftPdf = () =>
    run('pdf', async () => {
      if (!composed) return;
      saved(
        await exportPdf(client, htmlOf(composed, 'draft'), pageSize, {
          memoId: identity.memoId,
          version: identity.version,
          fingerprint: composed.fingerprint,
          headerText: `${engagement.client}: DRAFT`,
        }),
      );
    });

  const issue = () =>
    run('issue', async () => {
      if (!options) return;
      // Store what was typed last first: if issuing fails, the draft is kept as it stands.
      await autosave.flush();
      const final = await composeMemo(loaded.source, options, 'issued', display);
      if (final.memo.items.length === 0)
        throw new Error('This memo has no items: there is nothing to issue.');
      const previous = active.reissueOf
        ? (memos.find((m) => m.memoId === active.reissueOf?.memoId && m.status === 'issued') ??
          null)
        : null;
      const record = await issueMemoVersion(
        store,
        {
          engagementId: engagement.id,
          memoId: options.memoId,
          version: options.version,
          status: 'issued',
          supersededBy: null,
          issuedAt: new Date().toISOString(),
          subject: final.memo.header.subject,
          recipientIds: active.recipientIds,
          ccIds: active.ccIds,
          composition: {
            date: memoDate(active, today),
            scopeKind: active.scopeKind,
            selectedIssueIds: active.scopeKind === 'selected' ? active.selectedIssueIds : [],
            excludeInternal: active.excludeInternal,
            purpose: active.purpose,
            limits: active.limits,
            responsibility: active.responsibility,
            distribution: active.distribution,
          },
          display: final.display,
          ...(final.logo ? { logo: final.logo } : {}),
          content: final.canonical,
          fingerprint: final.fingerprint,
          markdown: final.markdown,
          cited: final.cited,
          itemIssueIds: final.memo.items.map((i) => i.id),
          exports: [],
        },
        previous,
        active.id,
      );
      // nothing typed while issuing may bring the issued draft back
      autosave.cancel();
      setDraft(null);
      pushToast({
        tone: 'success',
        message: `Issued ${record.memoId} version ${record.version}${previous ? `; version ${previous.version} is superseded` : ''}.`,
      });
    });

  const exportIssued = (record: MemoRecord, format: 'md' | 'pdf') =>
    run(`${format}:${record.id}`, async () => {
      const outcome =
        format === 'md'
          ? await exportMarkdown(client, record.markdown, record.memoId, record.version)
          : await exportPdf(
              client,
              renderMemoHtml(issuedModel(record), {
                fingerprint: record.fingerprint,
                state: 'issued',
                ...(record.display ? { display: record.display } : {}),
                logo: record.logo,
              }),
              pageSize,
              {
                memoId: record.memoId,
                version: record.version,
                fingerprint: record.fingerprint,
                headerText: engagement.client,
              },
            );
      if (!outcome) return;
      await recordMemoExport(store, record.id, {
        format: format === 'md' ? 'markdown' : 'pdf',
        sha256: outcome.sha256,
        pageSize: format === 'pdf' ? pageSize : null,
        at: new Date().toISOString(),
      });
      saved(outcome);
    });

  const copyRequest = (record: MemoRecord) =>
    run(`copy:${record.id}`, async () => {
      const text = acknowledgementRequestText(issuedModel(record), {
        fingerprint: record.fingerprint,
        display: record.display,
      });
      const result = await client.call('clipboard.writeText', { text });
      if (!result.written) throw new Error('The clipboard is not available.');
      pushToast({
        tone: 'success',
        message: `Acknowledgement request for ${record.memoId} v${record.version} copied.`,
      });
    });

  const verify = () =>
    run('verify', async () => {
      const picked = await client.call('memo.verifyFile', {});
      if (!picked.picked || !picked.file) return;
      setVerdict(await verifyInWorker(picked.file, memos));
    });

  const issuedList = [...memos].sort((a, b) =>
    a.memoId === b.memoId ? b.version - a.version : a.memoId < b.memoId ? 1 : -1,
  );
  const currentIds = new Set(currentMemos(memos).map((m) => m.id));

  return (
    <div className="memos-screen">
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
          disabled={!ready || empty || busy !== null}
          onClick={exportDraftMarkdown}
        >
          Export Markdown
        </button>
        <button
          type="button"
          className="button"
          disabled={!ready || empty || busy !== null}
          onClick={exportDraftPdf}
        >
          Export PDF
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!ready || empty || noRecipients || busy !== null}
          title={noRecipients ? 'Choose at least one recipient' : undefined}
          onClick={issue}
        >
          {active.reissueOf ? `Issue version ${identity.version}` : 'Issue'}
        </button>
        {hasDraft ? (
          <>
            <button
              type="button"
              className="button button-ghost"
              disabled={busy !== null}
              onClick={() => discardDraft(active.id)}
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
      {verdict ? (
        <div
          className={`memo-verdict memo-verdict-${verdict.outcome} card`}
          role="status"
          aria-label="Verification result"
        >
          <strong>
            {verdict.outcome === 'match'
              ? 'Matches an issued memo'
              : verdict.outcome === 'altered'
                ? 'Does not match'
                : verdict.outcome === 'unknown'
                  ? 'Not an issued memo'
                  : 'Not a memo'}
          </strong>
          <p>{verdict.message}</p>
          <button type="button" className="button button-ghost" onClick={() => setVerdict(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
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
          {ready ? (
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
      <section className="card memo-issued" aria-labelledby="memo-issued-heading">
        <h2 id="memo-issued-heading">Issued memos</h2>
        {issuedList.length === 0 ? (
          <p className="muted">
            No memo issued yet. An issued memo is frozen: it can be superseded by a new version,
            never edited.
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
                      <button
                        type="button"
                        className="button button-ghost"
                        disabled={busy !== null}
                        onClick={() => exportIssued(m, 'md')}
                        aria-label={`Export ${m.memoId} v${m.version} as Markdown`}
                      >
                        Markdown
                      </button>
                      <button
                        type="button"
                        className="button button-ghost"
                        disabled={busy !== null}
                        onClick={() => exportIssued(m, 'pdf')}
                        aria-label={`Export ${m.memoId} v${m.version} as PDF`}
                      >
                        PDF
                      </button>
                      <button
                        type="button"
                        className="button button-ghost"
                        disabled={busy !== null}
                        onClick={() => copyRequest(m)}
                        aria-label={`Copy acknowledgement request for ${m.memoId} v${m.version}`}
                      >
                        Copy acknowledgement request
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
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <DossierPanel source={loaded.source} pageSize={pageSize} />
    </div>
  );
}
