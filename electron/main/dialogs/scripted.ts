import type { ShowOpenDialog, ShowSaveDialog, SaveDialogRequest, OpenDialogRequest } from './types';

/**
 * Dialogs whose answers a test scripts in advance (browser harness, unit tests): each call takes
 * the next queued answer (a path, or null for "cancel"); with nothing queued the dialog cancels.
 * Every request is recorded, so a test can check the title and the proposed file name.
 */
export interface ScriptedDialogs {
  /** The save dialog dep. */
  showSaveDialog: ShowSaveDialog;
  /** The open dialog dep. */
  showOpenDialog: ShowOpenDialog;
  /** Queues the answer of the next save dialog (null = the user cancels). */
  answerNextSave(path: string | null): void;
  /** Queues the answer of the next open dialog (null = the user cancels). */
  answerNextOpen(path: string | null): void;
  /** Save dialogs shown so far, oldest first. */
  readonly saveRequests: SaveDialogRequest[];
  /** Open dialogs shown so far, oldest first. */
  readonly openRequests: OpenDialogRequest[];
}

/** Creates dialogs that answer from queues. */
export function createScriptedDialogs(): ScriptedDialogs {
  const saves: Array<string | null> = [];
  const opens: Array<string | null> = [];
  const saveRequests: SaveDialogRequest[] = [];
  const openRequests: OpenDialogRequest[] = [];
  return {
    showSaveDialog: async (request) => {
      saveRequests.push(request);
      return saves.shift() ?? null;
    },
    showOpenDialog: async (request) => {
      openRequests.push(request);
      return opens.shift() ?? null;
    },
    answerNextSave: (path) => void saves.push(path),
    answerNextOpen: (path) => void opens.push(path),
    saveRequests,
    openRequests,
  };
}
