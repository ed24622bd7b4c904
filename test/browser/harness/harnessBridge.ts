import { join } from 'node:path';
import { build } from 'vite';
import { createHandlers } from '../../../electron/main/handlers';
import { createIpcDispatcher, type IpcDispatcher } from '../../../electron/main/ipc/dispatcher';
import { isTrustedSender } from '../../../electron/main/security/trustedSender';
import { repoRoot } from './paths';

export interface HarnessBridge extends IpcDispatcher {
  /** URLs the app asked to open outside (shell.openExternal), in order. */
  readonly openedExternally: string[];
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
  const handlers = createHandlers({
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
