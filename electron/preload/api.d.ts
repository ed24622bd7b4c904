// Types of the bridge the preload exposes, for renderer code: `import type` from here or from
// @shared/ipc/api. (renderer/src/main.tsx declares window.workbench on Window.)
export type { WorkbenchApi } from '../../shared/ipc/api';
export type { MenuCommand, Channel } from '../../shared/ipc/names';
export type { Envelope, IpcErrorInfo } from '../../shared/ipc/envelope';
export type { RequestOf, ResponseOf } from '../../shared/ipc/contract';
