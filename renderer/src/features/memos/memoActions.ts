import { acknowledgementRequestText } from '@shared/memo/ackRequest';
import type { MemoOptions, MemoSource } from '@shared/memo/buildMemo';
import { composeMemo, htmlOf, type ComposedMemo } from '@shared/memo/compose';
import {
  draftLabel,
  draftRecord,
  fromDraftRecord,
  memoDate,
  type MemoDraft,
} from '@shared/memo/composerDraft';
import type { PageSize } from '@shared/memo/printCss';
import type { Memo } from '@shared/memo/types';
import type { VerifyResult } from '@shared/memo/verify';
import { verifySignature } from '@shared/memo/verifySigned';
import type { Engagement } from '@shared/model/engagement';
import type { MemoRecord } from '@shared/model/memo';
import type { MemoDraftRecord } from '@shared/model/memoDraft';
import type { WorkbenchClient } from '@shared/ipc/client';
import type { TimeDisplay } from '@shared/time/display';
import type { WorkbenchStore } from '../../../db';
import { issueMemoVersion, recordMemoExport } from '../../../db/repositories/memos';
import { announceOperation } from '../../lib/announceOperation';
import { errorMessage } from '../../lib/errorMessage';
import { verifyInWorker } from '../../lib/parsers';
import type { Toast } from '../../state/toastSlice';
import { exportMarkdown, exportPdf, type ExportOutcome } from './exportMemo';
import { exportWithExhibits, issuedPdfRequest } from './exportExhibits';
import { knownDevices, signIssuedMemo } from './signMemo';
import type { useDraftAutosave } from './useDraftAutosave';

/** The issued memo's model, parsed back from its frozen canonical content. */
function issuedModel(record: MemoRecord): Memo {
  return JSON.parse(record.content) as Memo;
}

/** What the Memos tab's actions read and set (its state, built by MemosScreen). */
export interface MemoScreenState {
  client: WorkbenchClient;
  store: WorkbenchStore;
  pushToast: (toast: Omit<Toast, 'id'>) => number;
  setBusy: (label: string | null) => void;
  setVerdict: (verdict: VerifyResult | null) => void;
  engagement: Engagement;
  engagementId: string;
  loaded: { source: MemoSource; memos: MemoRecord[] };
  memos: MemoRecord[];
  storedDrafts: MemoDraftRecord[];
  /** The draft in the composer. */
  active: MemoDraft;
  setDraft: (next: MemoDraft | null | undefined) => void;
  storeDraft: (engagementId: string, next: MemoDraft | null | undefined) => void;
  autosave: ReturnType<typeof useDraftAutosave>;
  composed: ComposedMemo | null;
  identity: { memoId: string; version: number };
  options: MemoOptions | null;
  display: TimeDisplay;
  today: string;
  pageSize: PageSize;
}

/**
 * The Memos tab's actions: edit, open and discard drafts, export the draft, issue it, export
 * and copy the request of an issued memo, verify a file. Each runs with a busy flag and an error
 * toast; the draft is always kept.
 */
export function memoActions(state: MemoScreenState) {
  const {
    client,
    store,
    pushToast,
    setBusy,
    setVerdict,
    engagement,
    engagementId,
    loaded,
    memos,
    storedDrafts,
    active,
    setDraft,
    storeDraft,
    autosave,
    composed,
    identity,
    options,
    display,
    today,
    pageSize,
  } = state;

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

  /** The live region says it starts and how it ended (the toast says it too, seen). */
  const announced = (subject: string, task: () => Promise<ExportOutcome | null>) =>
    announceOperation({ verb: 'export', subject }, async () => {
      const outcome = await task();
      return outcome ? { ...outcome, file: outcome.fileName } : null;
    });

  const exportDraftMarkdown = () =>
    run('md', async () => {
      if (!composed) return;
      saved(
        await announced(`the draft memo ${identity.memoId} (Markdown)`, () =>
          exportMarkdown(client, composed.markdown, identity.memoId, identity.version),
        ),
      );
    });
  const exportDraftPdf = () =>
    run('pdf', async () => {
      if (!composed) return;
      saved(
        await announced(`the draft memo ${identity.memoId} (PDF)`, () =>
          exportPdf(client, htmlOf(composed, 'draft'), pageSize, {
            memoId: identity.memoId,
            version: identity.version,
            fingerprint: composed.fingerprint,
            headerText: `${engagement.client}: DRAFT`,
          }),
        ),
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
      const issuedAt = new Date().toISOString();
      // Signed before it is stored: a memo that cannot be signed is not issued (the draft stays).
      const { markdown, signed } = await signIssuedMemo(client, final, issuedAt, previous);
      const record = await issueMemoVersion(
        store,
        {
          engagementId: engagement.id,
          memoId: options.memoId,
          version: options.version,
          status: 'issued',
          supersededBy: null,
          issuedAt,
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
          markdown,
          signed,
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
      const subject = `memo ${record.memoId} version ${record.version} (${format === 'md' ? 'Markdown' : 'PDF'})`;
      const pdf = issuedPdfRequest(record, pageSize, engagement.client);
      const outcome = await announced(subject, () =>
        format === 'md'
          ? exportMarkdown(client, record.markdown, record.memoId, record.version)
          : exportPdf(client, pdf.html, pageSize, pdf.footer, pdf.signed),
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

  const exportExhibits = (record: MemoRecord, format: 'md' | 'pdf') =>
    run(`zip:${record.id}`, async () => {
      saved(
        await announced(
          `memo ${record.memoId} version ${record.version} with its exhibits (zip, ${format === 'md' ? 'Markdown' : 'PDF'})`,
          () => exportWithExhibits(client, store.db, record, format, pageSize, engagement.client),
        ),
      );
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
      const base = await verifyInWorker(picked.file, memos);
      const known = await knownDevices(client, engagementId, memos);
      setVerdict(await verifySignature(picked.file, base, memos, known));
    });

  return {
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
  };
}
