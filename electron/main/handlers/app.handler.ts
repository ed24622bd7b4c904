import type { IpcHandlers } from '@shared/ipc/contract';

/** What app.info reports. */
export interface AppHandlerDeps {
  /** Product name. */
  appName: string;
  /** App version. */
  appVersion: string;
  /** Operating system (process.platform). */
  platform: string;
  /** Which runtime serves the renderer. */
  runtime: 'electron' | 'browser-harness';
}

/** Handlers of the app.* channels. */
export function createAppHandlers(deps: AppHandlerDeps): Pick<IpcHandlers, 'app.info'> {
  return {
    'app.info': async () => ({
      name: deps.appName,
      version: deps.appVersion,
      platform: deps.platform,
      runtime: deps.runtime,
    }),
  };
}
