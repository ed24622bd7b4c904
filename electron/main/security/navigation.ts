import { isSafeExternalUrl, openExternalGuarded, type OpenExternal } from './externalUrl';
import { originOf } from './origin';

/**
 * Whether the app's window may navigate to a URL: only within the app's own origin (for example
 * a reload of app://workbench/index.html). Everything else is denied.
 */
export function shouldAllowNavigation(targetUrl: string, appOrigin: string): boolean {
  const target = originOf(targetUrl);
  const app = originOf(appOrigin);
  return target !== null && app !== null && target === app;
}

/** The answer Electron's setWindowOpenHandler expects when it must not open a window. */
export interface DenyWindowOpen {
  action: 'deny';
}

/**
 * A handler for webContents.setWindowOpenHandler: never opens an Electron window. http(s) links
 * (target="_blank", window.open) are handed to the user's browser through openExternalGuarded.
 */
export function createWindowOpenHandler(
  openExternal: OpenExternal,
): (details: { url: string }) => DenyWindowOpen {
  return ({ url }) => {
    if (isSafeExternalUrl(url)) void openExternalGuarded(url, openExternal);
    return { action: 'deny' };
  };
}
