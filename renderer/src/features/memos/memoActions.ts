import { acknowledgementRequestText } from '@shared/memo/ackRequest';
import {
  draftLabel,
  draftRecord,
  fromDraftRecord,
  type MemoDraft,
} from '@shared/memo/composerDraft';
import type { Memo } from '@shared/memo/types';
import { verifySignature } from '@shared/memo/verifySigned';
import type { MemoRecord } from '@shared/model/memo';
import { verifyInWorker } from '../../lib/parsers';
import { memoExportActions } from './memoExportActions';
import { issueMemo } from './memoIssue';
import { runMemoAction, type MemoScreenState } from './memoScreenState';
import { knownDevices } from './signMemo';

/** Removes a draft, with Undo; the composer moves to the next draft or a fresh memo. */
async function discardDraft(state: MemoScreenState, id: string): Promise<void> {
  const { active, engagementId, autosave, memos } = state;
  const isOpen = id === active.id;
  const unsaved = isOpen ? draftRecord(active, engagementId) : null;
  if (isOpen) autosave.cancel();
  const removed = await state.store.memoDrafts.discard(id);
  if (isOpen) {
    const next = state.storedDrafts.find((d) => d.id !== id);
    state.setDraft(next ? fromDraftRecord(next, memos) : null);
  }
  const label = removed
    ? draftLabel(removed, memos)
    : unsaved && unsaved.subject.trim() !== ''
      ? unsaved.subject
      : 'Untitled memo';
  state.pushToast({
    tone: 'info',
    message: `Draft “${label}” discarded.`,
    action: {
      label: 'Undo',
      run: async () => {
        const back = removed
          ? await state.store.memoDrafts.restore(removed)
          : unsaved
            ? await state.store.memoDrafts.save(unsaved)
            : null;
        if (back) state.storeDraft(engagementId, fromDraftRecord(back, memos));
      },
    },
  });
}

/** The composer's draft actions: edit (autosaved), open another, discard (with Undo). */
function draftActions(state: MemoScreenState) {
  const run = runMemoAction(state);
  return {
    /** Applies a change to the open draft and autosaves it (debounced). */
    change: (patch: Partial<MemoDraft>) => {
      const next = { ...state.active, ...patch };
      state.setDraft(next);
      state.autosave.schedule(draftRecord(next, state.engagementId));
    },
    /** Opens another draft (or a fresh memo, null) after writing what is pending. */
    openDraft: (next: MemoDraft | null) => {
      void state.autosave.flush();
      state.setDraft(next);
    },
    discardDraft: (id: string) => run('discard', () => discardDraft(state, id)),
  };
}

/** Copies the acknowledgement request of an issued memo. */
async function copyRequest(state: MemoScreenState, record: MemoRecord): Promise<void> {
  const text = acknowledgementRequestText(JSON.parse(record.content) as Memo, {
    fingerprint: record.fingerprint,
    display: record.display,
  });
  const result = await state.client.call('clipboard.writeText', { text });
  if (!result.written) throw new Error('The clipboard is not available.');
  state.pushToast({
    tone: 'success',
    message: `Acknowledgement request for ${record.memoId} v${record.version} copied.`,
  });
}

/** Verifies a picked file: the record check, then its signature, naming the devices known here. */
async function verifyFile(state: MemoScreenState): Promise<void> {
  const picked = await state.client.call('memo.verifyFile', {});
  if (!picked.picked || !picked.file) return;
  const base = await verifyInWorker(picked.file, state.memos);
  const known = await knownDevices(state.client, state.engagementId, state.memos);
  state.setVerdict(await verifySignature(picked.file, base, state.memos, known));
}

/**
 * The Memos tab's actions: edit, open and discard drafts, export the draft, issue it, export
 * and copy the request of an issued memo, verify a file. Each runs with a busy flag and an error
 * toast; the draft is always kept.
 */
export function memoActions(state: MemoScreenState) {
  const run = runMemoAction(state);
  return {
    ...draftActions(state),
    ...memoExportActions(state),
    issue: () => run('issue', () => issueMemo(state)),
    copyRequest: (record: MemoRecord) => run(`copy:${record.id}`, () => copyRequest(state, record)),
    verify: () => run('verify', () => verifyFile(state)),
  };
}

export type { MemoScreenState } from './memoScreenState';
