import { create } from 'zustand';
import type { MemoDraft } from './draft';

/**
 * The composer's drafts, per engagement, kept in memory while the app runs: switching tabs or
 * engagements keeps a draft; it is not stored (an issued memo is what counts).
 */
interface MemoDraftState {
  /** Draft per engagement id (absent: a fresh draft is shown). */
  drafts: Record<string, MemoDraft | undefined>;
  /** Sets or clears (null) an engagement's draft. */
  setDraft: (engagementId: string, draft: MemoDraft | null) => void;
}

export const useMemoDraftStore = create<MemoDraftState>((set) => ({
  drafts: {},
  setDraft: (engagementId, draft) =>
    set((state) => ({ drafts: { ...state.drafts, [engagementId]: draft ?? undefined } })),
}));
