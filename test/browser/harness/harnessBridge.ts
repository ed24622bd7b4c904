import { join } from 'node:path';
import { build } from 'vite';
import { createHandlers } from '../../../electron/main/handlers';
import { createIpcDispatcher, type IpcDispatcher } from '../../../electron/main/ipc/dispatcher';
import { isTrustedSender } from '../../../electron/main/security/trustedSender';
import { createScriptedDialogs, type ScriptedDialogs } from '../../../electron/main/dialogs';
import {
  createFailableFileSystem,
  createPlaywrightPrinter,
  type FailableFileSystem,
} from './memoHarness';
import { repoRoot } from './paths';

export interface HarnessBridge extends IpcDispatcher {
  /** URLs the app asked to open outside (shell.openExternal), in order. */
  readonly openedExternally: string[];
  /** The native file dialogs, scripted: queue the path the next save/open dialog answers. */
  readonly dialogs: ScriptedDialogs;
  /** Texts the app put on the clipboard (clipboard.writeText), in order. */
  readonly clipboard: string[];
  /** The memo exports' file system: `failNextWrite('ENOSPC')` simulates a failed save. */
  readonly memoFiles: FailableFileSystem;
  /** OS notifications the app asked main to show (notify.show), in order. */
  readonly notifications: Array<{ title: string; body: string }>;
  /** The sync folder dialog, scripted: queue the folder the next "choose folder" answers. */
  readonly syncFolderDialog: { answerNext(path: string | null): void; readonly asked: number };
  /** DNS TXT records the DKIM check sees (name -> value); any other name is "offline". */
  readonly dnsTxt: Map<string, string>;
  /** Files the app handed to the system to open (attachment.openWithSystem), in order. */
  readonly openedPaths: string[];
  /** Closes the PDF printer's browser (if a test printed). */
  dispose(): Promise<void>;
}

/**
 * The main-process side of `window.workbench` for the browser tests: the app's own IPC
 * dispatcher and handler functions, with a temporary settings folder, trusting only the test
 * server's origin, exactly as the Electron main process trusts only app://workbench.
 */
export function createHarnessBridge(options: {
  userDataDir: string;
  origin: string;
}): HarnessBridge {
  const openedExternally: string[] = [];
  const dialogs = createScriptedDialogs();
  const clipboard: string[] = [];
  const notifications: Array<{ title: string; body: string }> = [];
  const memoFiles = createFailableFileSystem();
  const printer = createPlaywrightPrinter();
  const folderAnswers: Array<string | null> = [];
  const syncFolderDialog = {
    asked: 0,
    answerNext: (path: string | null) => void folderAnswers.push(path),
  };
  const dnsTxt = new Map<string, string>();
  const openedPaths: string[] = [];
  const handlers = createHandlers({
    resolveTxt: async (name) => {
      const value = dnsTxt.get(name.toLowerCase());
      if (value === undefined) throw Object.assign(new Error('offline'), { code: 'ECONNREFUSED' });
      return [[value]];
    },
    openPath: async (path) => {
      openedPaths.push(path);
      return '';
    },
    showFolderDialog: async () => {
      syncFolderDialog.asked += 1;
      return folderAnswers.shift() ?? null;
    },
    showSaveDialog: dialogs.showSaveDialog,
    showOpenDialog: dialogs.showOpenDialog,
    printToPdf: printer.printToPdf,
    preparePdf: () => printer.prepare(),
    writeClipboard: async (text) => void clipboard.push(text),
    showNotification: async (n) => {
      notifications.push(n);
      return true;
    },
    memoFiles,
    settingsDir: options.userDataDir,
    appName: 'Engagement Workbench',
    appVersion: process.env.npm_package_version ?? '0.0.0',
    platform: process.platform,
    runtime: 'browser-harness',
    openExternal: async (url) => {
      openedExternally.push(url);
    },
  });
  const dispatcher = createIpcDispatcher({
    handlers,
    isTrustedSender: (url) => isTrustedSender(url, [options.origin]),
  });
  return {
    dispatch: (url, channel, payload) => dispatcher.dispatch(url, channel, payload),
    openedExternally,
    dialogs,
    clipboard,
    notifications,
    memoFiles,
    syncFolderDialog,
    dnsTxt,
    openedPaths,
    dispose: () => printer.close(),
  };
}

let initScript: Promise<string> | null = null;

/**
 * The page side: the preload's own `createWorkbenchApi` (electron/preload/workbenchApi.ts), bundled
 * for the page, over a stand-in for ipcRenderer whose invoke goes to the Playwright binding
 * `__workbenchInvoke`. Tests can raise main-to-renderer events with `window.__workbenchEmit`.
 */
export function workbenchInitScript(): Promise<string> {
  initScript ??= (async () => {
    const entry = join(repoRoot, 'test/browser/harness/pageBridge.ts');
    const output = await build({
      configFile: false,
      logLevel: 'silent',
      resolve: { alias: { '@shared': join(repoRoot, 'shared') } },
      build: {
        write: false,
        minify: false,
        lib: { entry, formats: ['iife'], name: 'WorkbenchHarness', fileName: () => 'bridge.js' },
      },
    });
    const results = Array.isArray(output) ? output : [output];
    for (const result of results) {
      if (!('output' in result)) continue;
      const chunk = result.output.find((o) => o.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
    throw new Error('could not bundle the harness bridge');
  })();
  return initScript;
}
