// The IPC contract between the renderer and the main process (see api.ts for window.workbench).
export type { WorkbenchApi } from './api';
export { createWorkbenchClient, type WorkbenchClient } from './client';
export {
  appInfoSchema,
  ipcContract,
  openExternalRequestSchema,
  openExternalResponseSchema,
  settingsUpdateRequestSchema,
  type AppInfo,
  type IpcHandlers,
  type ParsedRequestOf,
  type RequestOf,
  type ResponseOf,
} from './contract';
export {
  errorEnvelope,
  IPC_ERROR_CODES,
  isEnvelope,
  okEnvelope,
  type Envelope,
  type IpcErrorCode,
  type IpcErrorInfo,
} from './envelope';
export { WorkbenchIpcError } from './errors';
export {
  CHANNELS,
  isChannel,
  isMenuCommand,
  MENU_COMMAND_CHANNEL,
  MENU_COMMANDS,
  type Channel,
  type MenuCommand,
} from './names';
export { describeZodError, type ValidationProblem } from './validation';
