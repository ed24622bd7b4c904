import type { IpcHandlers } from '@shared/ipc/contract';
import type { FilePurpose } from '@shared/archive/ipcSchemas';
import type { FileTransfers } from '../backups/transfers';
import type { FileFilter, ShowOpenDialog, ShowSaveDialog } from '../dialogs/types';

/** The file types each purpose offers in the dialogs. */
export const FILE_FILTERS: Record<FilePurpose, FileFilter[]> = {
  archive: [{ name: 'Engagement archive', extensions: ['json', 'zip'] }],
  csv: [{ name: 'CSV spreadsheet', extensions: ['csv', 'txt'] }],
  calendar: [{ name: 'Calendar (iCalendar)', extensions: ['ics'] }],
};

/** What the file.* handlers need. */
export interface FileHandlerDeps {
  /** The native save dialog (absent: every save is cancelled). */
  showSaveDialog?: ShowSaveDialog;
  /** The native open dialog (absent: every open is cancelled). */
  showOpenDialog?: ShowOpenDialog;
  /** The open transfers. */
  transfers: FileTransfers;
}

/** Handlers of the file.* channels: dialogs, then reading or writing by token in pieces. */
export function createFileHandlers(
  deps: FileHandlerDeps,
): Pick<
  IpcHandlers,
  'file.openDialog' | 'file.read' | 'file.saveDialog' | 'file.write' | 'file.close'
> {
  const { transfers } = deps;
  return {
    'file.openDialog': async ({ purpose, title }) => {
      const path = deps.showOpenDialog
        ? await deps.showOpenDialog({ title, filters: FILE_FILTERS[purpose] })
        : null;
      if (path === null) return { canceled: true as const };
      return { canceled: false as const, ...(await transfers.openRead(path)) };
    },
    'file.read': ({ token, maxBytes, encoding, at }) =>
      transfers.read(token, maxBytes, encoding, at),
    'file.saveDialog': async ({ purpose, title, defaultName }) => {
      const path = deps.showSaveDialog
        ? await deps.showSaveDialog({ title, defaultName, filters: FILE_FILTERS[purpose] })
        : null;
      if (path === null) return { canceled: true as const };
      return { canceled: false as const, ...(await transfers.openWrite(path)) };
    },
    'file.write': ({ token, text, final, encoding }) =>
      transfers.write(token, text, final, encoding),
    'file.close': async ({ token }) => ({ closed: await transfers.close(token) }),
  };
}
