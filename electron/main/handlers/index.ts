import type { IpcHandlers } from '@shared/ipc/contract';
import type { Logger } from '../log';
import type { OpenExternal } from '../security/externalUrl';
import { createSettingsStore } from '../settings/settingsStore';
import { createAppHandlers } from './app.handler';
import { createSettingsHandlers } from './settings.handler';
import { createShellHandlers } from './shell.handler';
import { createNotifyHandlers, type ShowNotification } from './notify.handler';
import { join } from 'node:path';
import { createBackupStore } from '../backups/backupStore';
import { createBackupBlobs } from '../backups/blobStore';
import { createFileTransfers } from '../backups/transfers';
import type { ShowOpenDialog, ShowSaveDialog } from '../dialogs/types';
import { createBackupHandlers } from './backup.handler';
import { createFileHandlers } from './file.handler';
import type { PrintToPdf } from '../pdf/types';
import { createMemoHandlers, type MemoFileSystem } from './memo.handler';
import { createSyncFolders, type SyncFolders } from '../sync/syncFolders';
import { createSyncHandlers, type ShowFolderDialog } from './sync.handler';
import { createDeviceKeyStore, type SecretProtector } from '../sync/deviceKey';
import { resolveTxt as dnsResolveTxt } from 'node:dns/promises';
import { tmpdir } from 'node:os';
import { createEmailHandlers } from './email.handler';
import type { ResolveTxt } from '../email/dkim';

/** Everything the handlers need, as plain values and functions (no Electron objects). */
export interface HandlerDeps {
  /** Folder of settings.json (Electron: app.getPath('userData'); harness: a temp folder). */
  settingsDir: string;
  /** Product name reported by app.info. */
  appName: string;
  /** Version reported by app.info. */
  appVersion: string;
  /** Operating system reported by app.info (process.platform). */
  platform: string;
  /** Runtime reported by app.info. */
  runtime: 'electron' | 'browser-harness';
  /** Opens a link outside the app (Electron: shell.openExternal; harness: a recorder). */
  openExternal: OpenExternal;
  /** Clock; defaults to the system clock. */
  now?: () => Date;
  /** Id generator for the device id; defaults to UUIDv7. */
  newId?: () => string;
  /** Logger for recoveries and failures. */
  log?: Logger;
  /** Native save dialog (Electron: dialog.showSaveDialog; harness: scripted). Absent: cancelled. */
  showSaveDialog?: ShowSaveDialog;
  /** Native open dialog (Electron: dialog.showOpenDialog; harness: scripted). Absent: cancelled. */
  showOpenDialog?: ShowOpenDialog;
  /** Folder of the automatic backups; defaults to <settingsDir>/backups. */
  backupsDir?: string;
  /** Prints memo HTML to PDF (Electron: hidden script-less window; harness: page.pdf). */
  printToPdf?: PrintToPdf;
  /** Readies the PDF printer's surface ahead of an export (the composer opened). */
  preparePdf?: () => Promise<void>;
  /** Puts text on the clipboard (Electron: clipboard.writeText; harness: a recorder). */
  writeClipboard?: (text: string) => Promise<void>;
  /** File access of the memo exports (tests inject failures); defaults to node:fs. */
  memoFiles?: MemoFileSystem;
  /** Native open-folder dialog for the sync folder (Electron: dialog; harness: scripted). */
  showFolderDialog?: ShowFolderDialog;
  /** Shows an OS notification (Electron: Notification; harness: a recorder). Absent: not shown. */
  showNotification?: ShowNotification;
  /** The remembered sync folders; defaults to <settingsDir>/sync-folders.json. */
  syncFolders?: SyncFolders;
  /** Electron's safeStorage (protects the device key); absent: a 0600 file (harness). */
  secretProtector?: SecretProtector;
  /** DNS TXT lookups for DKIM checks; defaults to node:dns/promises. */
  resolveTxt?: ResolveTxt;
  /** Opens a file with the system (Electron: shell.openPath). Absent: attachments never open. */
  openPath?: (path: string) => Promise<string>;
  /** Where opened attachment copies are written; defaults to the OS temp folder. */
  tempRoot?: string;
}

/** The handler map for createIpcDispatcher: one handler per channel. */
export function createHandlers(deps: HandlerDeps): IpcHandlers {
  const store = createSettingsStore({
    dir: deps.settingsDir,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.newId ? { newId: deps.newId } : {}),
    ...(deps.log ? { log: deps.log } : {}),
  });
  const transfers = createFileTransfers();
  // One key store for sync and memos: two would each make a key on first use.
  const keys = createDeviceKeyStore({
    dir: deps.settingsDir,
    ...(deps.secretProtector ? { protector: deps.secretProtector } : {}),
    ...(deps.log ? { log: (message: string) => deps.log?.warn(message) } : {}),
  });
  return {
    ...createAppHandlers(deps),
    ...createSettingsHandlers(store),
    ...createShellHandlers(deps.openExternal),
    ...createNotifyHandlers(deps.showNotification),
    ...createFileHandlers({ ...dialogsOf(deps), transfers }),
    ...createMemoHandlers({
      ...dialogsOf(deps),
      ...(deps.printToPdf ? { printToPdf: deps.printToPdf } : {}),
      ...(deps.preparePdf ? { preparePdf: deps.preparePdf } : {}),
      ...(deps.writeClipboard ? { writeClipboard: deps.writeClipboard } : {}),
      ...(deps.memoFiles ? { files: deps.memoFiles } : {}),
      signing: {
        keys,
        deviceId: async () => (await store.read()).deviceId,
        now: () => (deps.now ? deps.now() : new Date()),
      },
    }),
    ...createBackupHandlers({
      backups: createBackupStore({
        dir: deps.backupsDir ?? join(deps.settingsDir, 'backups'),
        ...(deps.now ? { now: deps.now } : {}),
      }),
      blobs: createBackupBlobs(deps.backupsDir ?? join(deps.settingsDir, 'backups')),
      transfers,
      appVersion: deps.appVersion,
    }),
    ...createSyncHandlers({
      folders: deps.syncFolders ?? createSyncFolders(deps.settingsDir),
      settings: store,
      keys,
      ...(deps.showFolderDialog ? { showFolderDialog: deps.showFolderDialog } : {}),
    }),
    ...createEmailHandlers({
      resolveTxt: deps.resolveTxt ?? dnsResolveTxt,
      now: deps.now ?? (() => new Date()),
      tempRoot: deps.tempRoot ?? tmpdir(),
      ...(deps.openPath ? { openPath: deps.openPath } : {}),
    }),
  };
}

/** The dialog deps that were given (optional ones left out). */
function dialogsOf(deps: HandlerDeps): Pick<HandlerDeps, 'showSaveDialog' | 'showOpenDialog'> {
  return {
    ...(deps.showSaveDialog ? { showSaveDialog: deps.showSaveDialog } : {}),
    ...(deps.showOpenDialog ? { showOpenDialog: deps.showOpenDialog } : {}),
  };
}
