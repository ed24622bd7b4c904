import type { StateCreator } from 'zustand';
import type { UiState } from './uiStore';

/** A short message at the bottom of the window, optionally with one action (for example Undo). */
export interface Toast {
  id: number;
  tone: 'info' | 'success' | 'error';
  message: string;
  /**
   * Its news was already said through the live region (state/announcer.ts, for example an
   * import's or export's result): shown as ever, but not read a second time.
   */
  announced?: boolean;
  action?: { label: string; run: () => void | Promise<void> };
}

export interface ToastSlice {
  toasts: Toast[];
  pushToast: (toast: Omit<Toast, 'id'>) => number;
  dismissToast: (id: number) => void;
}

let nextToastId = 1;

export const createToastSlice: StateCreator<UiState, [], [], ToastSlice> = (set) => ({
  toasts: [],
  pushToast: (toast) => {
    const id = nextToastId++;
    set((state) => ({ toasts: [...state.toasts.slice(-3), { ...toast, id }] }));
    return id;
  },
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
});
