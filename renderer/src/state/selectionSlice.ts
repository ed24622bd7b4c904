import type { StateCreator } from 'zustand';
import type { UiState } from './uiStore';

/** Which engagement is open and how the sidebar lists them. */
export interface SelectionSlice {
  selectedEngagementId: string | null;
  showArchived: boolean;
  selectEngagement: (id: string | null) => void;
  setShowArchived: (show: boolean) => void;
}

export const createSelectionSlice: StateCreator<UiState, [], [], SelectionSlice> = (set) => ({
  selectedEngagementId: null,
  showArchived: false,
  selectEngagement: (id) => set({ selectedEngagementId: id }),
  setShowArchived: (show) => set({ showArchived: show }),
});
