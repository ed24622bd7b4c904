import type { IpcHandlers } from '@shared/ipc/contract';
import type { Logger } from '../log';
import type { OpenExternal } from '../security/externalUrl';
import { createSettingsStore } from '../settings/settingsStore';
import { createAppHandlers } from './app.handler';
import { createSettingsHandlers } from './settings.handler';
import { createShellHandlers } from './shell.handler';

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
}

/** The handler map for createIpcDispatcher: one handler per channel. */
export function createHandlers(deps: HandlerDeps): IpcHandlers {
  const store = createSettingsStore({
    dir: deps.settingsDir,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.newId ? { newId: deps.newId } : {}),
    ...(deps.log ? { log: deps.log } : {}),
  });
  return {
    ...createAppHandlers(deps),
    ...createSettingsHandlers(store),
    ...createShellHandlers(deps.openExternal),
  };
}
