import type { StateCreator } from 'zustand';
import type { EngagementScopedEntityName } from '@shared/model/registry';
import type { UiState } from './uiStore';

/** A record chosen in the open engagement (the row a list shows in its detail pane). */
export interface SelectedRecord {
  /** The record's entity, for example 'stakeholder' or 'raisedIssue'. */
  entity: EngagementScopedEntityName;
  /** The record's id. */
  id: string;
}

/** Which engagement is open and how the sidebar lists them. */
export interface SelectionSlice {
  selectedEngagementId: string | null;
  showArchived: boolean;
  /** The open engagement's screen (tab) id; see app/screens.ts. */
  screen: string;
  /**
   * The record chosen on the current screen (a screen shows it in its detail pane when the
   * entity is its own), or null. Overview links set the screen and this together.
   */
  selectedRecord: SelectedRecord | null;
  selectEngagement: (id: string | null) => void;
  setShowArchived: (show: boolean) => void;
  setScreen: (screen: string) => void;
  /** Chooses a record (or none). */
  selectRecord: (record: SelectedRecord | null) => void;
}

export const createSelectionSlice: StateCreator<UiState, [], [], SelectionSlice> = (set) => ({
  selectedEngagementId: null,
  showArchived: false,
  screen: 'overview',
  selectedRecord: null,
  selectEngagement: (id) =>
    set((state) =>
      state.selectedEngagementId === id
        ? { selectedEngagementId: id }
        : { selectedEngagementId: id, selectedRecord: null },
    ),
  setShowArchived: (show) => set({ showArchived: show }),
  setScreen: (screen) => set({ screen }),
  selectRecord: (record) => set({ selectedRecord: record }),
});
