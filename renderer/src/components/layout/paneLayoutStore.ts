import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { clampSplit, SPLIT_DEFAULT } from './paneSplit';

/** Per screen (keyed by the split's name): where the divider sits and whether the detail fills the width. */
interface PaneLayoutState {
  splits: Record<string, number>;
  fullWidth: Record<string, boolean>;
  setSplit: (key: string, share: number) => void;
  setFullWidth: (key: string, full: boolean) => void;
}

/** Remembered on this device (localStorage), like the window's other layout choices. */
export const usePaneLayout = create<PaneLayoutState>()(
  persist(
    (set) => ({
      splits: {},
      fullWidth: {},
      setSplit: (key, share) => set((s) => ({ splits: { ...s.splits, [key]: clampSplit(share) } })),
      setFullWidth: (key, full) => set((s) => ({ fullWidth: { ...s.fullWidth, [key]: full } })),
    }),
    {
      name: 'workbench-panes',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ splits: s.splits, fullWidth: s.fullWidth }),
    },
  ),
);

/** The remembered share of the list pane for one split (the default when none is stored). */
export function splitFor(splits: Record<string, number>, key: string): number {
  const stored = splits[key];
  return stored === undefined ? SPLIT_DEFAULT : clampSplit(stored);
}
