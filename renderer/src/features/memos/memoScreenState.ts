import type { MemoOptions, MemoSource } from '@shared/memo/buildMemo';
import type { ComposedMemo } from '@shared/memo/compose';
import type { MemoDraft } from '@shared/memo/composerDraft';
import type { PageSize } from '@shared/memo/printCss';
import type { VerifyResult } from '@shared/memo/verify';
import type { Engagement } from '@shared/model/engagement';
import type { MemoRecord } from '@shared/model/memo';
import type { MemoDraftRecord } from '@shared/model/memoDraft';
import type { WorkbenchClient } from '@shared/ipc/client';
import type { TimeDisplay } from '@shared/time/display';
import type { WorkbenchStore } from '../../../db';
import { failureAnnounced } from '../../lib/announceOperation';
import { errorMessage } from '../../lib/errorMessage';
import type { Toast } from '../../state/toastSlice';
import type { useDraftAutosave } from './useDraftAutosave';

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

/** Runs an action with a busy flag and an error toast; the draft is always kept. */
export function runMemoAction(state: MemoScreenState) {
  return async (label: string, action: () => Promise<void>): Promise<void> => {
    state.setBusy(label);
    try {
      await action();
    } catch (err) {
      state.pushToast({
        tone: 'error',
        message: errorMessage(err),
        announced: failureAnnounced(err),
      });
    } finally {
      state.setBusy(null);
    }
  };
}
