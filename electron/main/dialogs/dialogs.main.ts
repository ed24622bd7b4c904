// Electron's native file dialogs behind the plain ShowSaveDialog / ShowOpenDialog deps.
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { ShowOpenDialog, ShowSaveDialog } from './types';

/** The native save dialog, attached to the app's window when there is one. */
export function createShowSaveDialog(getWindow: () => BrowserWindow | null): ShowSaveDialog {
  return async ({ title, defaultName, filters }) => {
    const options = {
      title,
      defaultPath: join(app.getPath('documents'), defaultName),
      filters,
      properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
        'createDirectory' | 'showOverwriteConfirmation'
      >,
    };
    const win = getWindow();
    const result = win
      ? await dialog.showSaveDialog(win, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}

/** The native open dialog (one existing file), attached to the app's window when there is one. */
export function createShowOpenDialog(getWindow: () => BrowserWindow | null): ShowOpenDialog {
  return async ({ title, filters }) => {
    const options = { title, filters, properties: ['openFile'] as Array<'openFile'> };
    const win = getWindow();
    const result = win
      ? await dialog.showOpenDialog(win, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
