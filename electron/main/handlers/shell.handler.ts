import type { IpcHandlers } from '@shared/ipc/contract';
import { IPC_ERROR_CODES } from '@shared/ipc/envelope';
import { WorkbenchIpcError } from '@shared/ipc/errors';
import { isSafeExternalUrl, openExternalGuarded, type OpenExternal } from '../security/externalUrl';

/** Handlers of the shell.* channels. */
export function createShellHandlers(
  openExternal: OpenExternal,
): Pick<IpcHandlers, 'shell.openExternal'> {
  return {
    'shell.openExternal': async ({ url }) => {
      if (!isSafeExternalUrl(url)) {
        throw new WorkbenchIpcError(
          IPC_ERROR_CODES.unsafeUrl,
          'url must be a web link (http or https) without a user name or password',
          'url',
        );
      }
      return { opened: await openExternalGuarded(url, openExternal) };
    },
  };
}
