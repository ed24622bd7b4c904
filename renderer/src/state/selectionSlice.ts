import type { StateCreator } from 'zustand';
import type { UiState } from './uiStore';

/** Which engagement is open and how the sidebar lists them. */
export interface SelectionSlice {
  selectedEngagementId: string | null;
  showArchived: boolean;
  /** The open engagement's screen (tab) id; see features/engagement/screens.ts. */
  screen: string;
  selectEngagement: (id: string | null) => void;
  setShowArchived: (show: boolean) => void;
  setScreen: (screen: string) => void;
}

export const createSelectionSlice: StateCreator<UiState, [], [], SelectionSlice> = (set) => ({
  selectedEngagementId: null,
  showArchived: false,
  screen: 'overview',
  selectEngagement: (id) => set({ selectedEngagementId: id }),
  setShowArchived: (show) => set({ showArchived: show }),
  setScreen: (screen) => set({ screen }),
});
