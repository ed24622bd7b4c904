/** A file-type filter of a native file dialog. */
export interface FileFilter {
  /** What the user sees, for example "Markdown". */
  name: string;
  /** Extensions without the dot, for example ["md"]. */
  extensions: string[];
}

/** Options of a save dialog. */
export interface SaveDialogRequest {
  /** The dialog's title, for example "Export memo as PDF". */
  title: string;
  /** The proposed file name (no folder), for example "NWL-M-2026-004-v1.pdf". */
  defaultName: string;
  /** File types offered. */
  filters: FileFilter[];
}

/** Options of an open dialog (one file). */
export interface OpenDialogRequest {
  /** The dialog's title, for example "Verify an exported memo". */
  title: string;
  /** File types offered. */
  filters: FileFilter[];
}

/**
 * Asks the user where to save a file. Resolves to the absolute path they chose, or null when
 * they cancelled. Electron: dialog.showSaveDialog; browser tests: a scripted answer.
 */
export type ShowSaveDialog = (request: SaveDialogRequest) => Promise<string | null>;

/**
 * Asks the user for one existing file. Resolves to its absolute path, or null when they
 * cancelled. Electron: dialog.showOpenDialog; browser tests: a scripted answer.
 */
export type ShowOpenDialog = (request: OpenDialogRequest) => Promise<string | null>;
