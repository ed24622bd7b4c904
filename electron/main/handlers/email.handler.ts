import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { displayFileName, fileExtension } from '@shared/attachments/fileName';
import type { IpcHandlers } from '@shared/ipc/contract';
import { WorkbenchIpcError } from '@shared/ipc/errors';
import { checkDkim, type ResolveTxt } from '../email/dkim';

/** Error codes of the evidence channels. */
export const EVIDENCE_ERROR_CODES = {
  /** The file is a program or script: the app does not hand those to the system. */
  refusedType: 'REFUSED_TYPE',
  /** The system could not open the file. */
  openFailed: 'OPEN_FAILED',
} as const;

/** Extensions the system would run rather than show: never opened from an attachment. */
const RUNNABLE = new Set(
  'exe com bat cmd scr pif msi msp ps1 psm1 vbs vbe js jse wsf wsh hta cpl jar lnk url app command sh bash csh py pl rb reg inf scf desktop appimage deb rpm dmg pkg'.split(
    ' ',
  ),
);

/** Deps of the evidence handlers (plain functions: tests pass stubs). */
export interface EmailHandlerDeps {
  /** DNS TXT lookups (node:dns/promises resolveTxt in the app). */
  resolveTxt: ResolveTxt;
  /** The clock. */
  now: () => Date;
  /** Opens a file with the system (Electron: shell.openPath, '' on success or an error text). */
  openPath?: (path: string) => Promise<string>;
  /** Folder under which a fresh private folder is made for each opened copy (os.tmpdir()). */
  tempRoot: string;
}

/** Handlers of email.checkDkim and attachment.openWithSystem. */
export function createEmailHandlers(
  deps: EmailHandlerDeps,
): Pick<IpcHandlers, 'email.checkDkim' | 'attachment.openWithSystem'> {
  return {
    'email.checkDkim': async ({ message, keyRecords, at }) => {
      const bytes = new Uint8Array(Buffer.from(message, 'base64'));
      const when = at ? new Date(at) : deps.now();
      return keyRecords
        ? checkDkim(bytes, { keyRecords, at: when })
        : checkDkim(bytes, { resolveTxt: deps.resolveTxt, at: when });
    },
    'attachment.openWithSystem': async ({ fileName, bytes }) => {
      const name = displayFileName(fileName);
      if (RUNNABLE.has(fileExtension(name))) {
        throw new WorkbenchIpcError(
          EVIDENCE_ERROR_CODES.refusedType,
          `"${name}" is a program or script: the app does not open those. Save it and inspect it with care.`,
        );
      }
      if (!deps.openPath) return { opened: false };
      const folder = await mkdtemp(join(deps.tempRoot, 'ew-attachment-'));
      const path = join(folder, name);
      await writeFile(path, Buffer.from(bytes, 'base64'), { mode: 0o400, flag: 'wx' });
      const problem = await deps.openPath(path);
      if (problem !== '') {
        throw new WorkbenchIpcError(
          EVIDENCE_ERROR_CODES.openFailed,
          `The system could not open "${name}": ${problem}`,
        );
      }
      return { opened: true };
    },
  };
}
