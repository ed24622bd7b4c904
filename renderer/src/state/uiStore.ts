import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createDialogSlice, type DialogSlice } from './dialogSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createToastSlice, type ToastSlice } from './toastSlice';

/**
 * The one bound store for UI and session state (Zustand slices pattern). Stored records stay in
 * Dexie and are read through live queries; nothing here copies them.
 */
export type UiState = SelectionSlice & DialogSlice & ToastSlice;

export const useUiStore = create<UiState>()(
  persist(
    (...a) => ({
      ...createSelectionSlice(...a),
      ...createDialogSlice(...a),
      ...createToastSlice(...a),
    }),
    {
      name: 'workbench-ui',
      storage: createJSONStorage(() => localStorage),
      // The chosen engagement is not kept: every start opens on Today (issue 13).
      partialize: (state) => ({
        showArchived: state.showArchived,
        screen: state.screen,
      }),
    },
  ),
);
