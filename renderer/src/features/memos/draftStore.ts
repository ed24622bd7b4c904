import { create } from 'zustand';
import type { MemoDraft } from '@shared/memo/composerDraft';

/**
 * The draft open in each engagement's composer, while the app runs (switching tabs or
 * engagements keeps it). The stored copy is the memo draft row (`store.memoDrafts`), autosaved
 * by the Memos tab; after a reload this state is empty and the tab reopens the latest row.
 */
interface MemoDraftState {
  /**
   * Per engagement id: the draft being edited; null = a fresh memo was asked for (New memo,
   * after an issue); absent = nothing chosen yet, so the latest stored draft is reopened.
   */
  drafts: Record<string, MemoDraft | null | undefined>;
  /** Sets the engagement's open draft (null: a fresh memo; undefined: reopen the latest). */
  setDraft: (engagementId: string, draft: MemoDraft | null | undefined) => void;
}

export const useMemoDraftStore = create<MemoDraftState>((set) => ({
  drafts: {},
  setDraft: (engagementId, draft) =>
    set((state) => ({ drafts: { ...state.drafts, [engagementId]: draft } })),
}));
