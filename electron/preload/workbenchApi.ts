// The body of window.workbench, kept free of Electron imports so it can be unit-tested with a fake
// ipcRenderer. It forwards only allow-listed channels and never exposes ipcRenderer itself.
import type { WorkbenchApi } from '@shared/ipc/api';
import type { RequestOf, ResponseOf } from '@shared/ipc/contract';
import { errorEnvelope, IPC_ERROR_CODES, isEnvelope, type Envelope } from '@shared/ipc/envelope';
import {
  isChannel,
  isMenuCommand,
  MENU_COMMAND_CHANNEL,
  type Channel,
  type MenuCommand,
} from '@shared/ipc/names';

/** The parts of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Builds window.workbench over an ipcRenderer. */
export function createWorkbenchApi(ipc: IpcRendererLike): WorkbenchApi {
  return {
    async invoke<C extends Channel>(
      channel: C,
      request: RequestOf<C>,
    ): Promise<Envelope<ResponseOf<C>>> {
      if (!isChannel(channel)) {
        return errorEnvelope(IPC_ERROR_CODES.unknownChannel, `Unknown channel: ${String(channel)}`);
      }
      try {
        const answer = await ipc.invoke(channel, request);
        // The main process validated the value against the contract before sending it.
        if (isEnvelope(answer)) return answer as Envelope<ResponseOf<C>>;
        return errorEnvelope(IPC_ERROR_CODES.ipcFailed, `${channel} returned a malformed answer`);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return errorEnvelope(IPC_ERROR_CODES.ipcFailed, `${channel} failed: ${detail}`);
      }
    },
    onMenuCommand(callback: (command: MenuCommand) => void) {
      if (typeof callback !== 'function') throw new TypeError('onMenuCommand needs a function');
      // The IPC event is never handed to the page: it carries the sender and ports.
      const listener = (_event: unknown, command: unknown): void => {
        if (isMenuCommand(command)) callback(command);
      };
      ipc.on(MENU_COMMAND_CHANNEL, listener);
      return () => {
        ipc.removeListener(MENU_COMMAND_CHANNEL, listener);
      };
    },
  };
}
