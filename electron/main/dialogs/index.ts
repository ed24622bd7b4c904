export type {
  FileFilter,
  OpenDialogRequest,
  SaveDialogRequest,
  ShowOpenDialog,
  ShowSaveDialog,
} from './types';
export { createScriptedDialogs } from './scripted';
export type { ScriptedDialogs } from './scripted';
