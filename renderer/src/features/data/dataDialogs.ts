import { create } from 'zustand';
import type { CsvEntity } from '@shared/csv/columns';

/** The dialogs of the Data feature (kept apart from the app's dialog slice). */
export type DataDialog =
  | { kind: 'import-archive'; intoEngagementId?: string }
  | { kind: 'restore-backup'; engagementId?: string }
  | { kind: 'csv-import'; entity: CsvEntity; engagementId: string; fileName: string; text: string };

interface DataDialogState {
  /** The open Data dialog, if any. */
  dialog: DataDialog | null;
  /** Opens a dialog (replacing any other Data dialog). */
  open: (dialog: DataDialog) => void;
  /** Closes it. */
  close: () => void;
}

/** Which Data dialog is open. */
export const useDataDialogs = create<DataDialogState>()((set) => ({
  dialog: null,
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
}));
