import type { StateCreator } from 'zustand';
import type { UiState } from './uiStore';

/** The one modal dialog that may be open at a time. */
export type DialogState =
  | { kind: 'new-engagement' }
  | { kind: 'edit-engagement'; engagementId: string }
  | { kind: 'settings' }
  | { kind: 'shortcuts' }
  | { kind: 'about' };

export interface DialogSlice {
  dialog: DialogState | null;
  openDialog: (dialog: DialogState) => void;
  closeDialog: () => void;
}

export const createDialogSlice: StateCreator<UiState, [], [], DialogSlice> = (set) => ({
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
});
