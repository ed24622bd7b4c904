import { createWindowOpenHandler, shouldAllowNavigation, type DenyWindowOpen } from './navigation';
import type { OpenExternal } from './externalUrl';
import { openExternalGuarded, isSafeExternalUrl } from './externalUrl';

/** An event a listener may cancel. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of Electron's WebContents that hardening touches. */
export interface HardenableWebContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent & { url: string }) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => DenyWindowOpen): void;
}

/** Options of hardenWebContents. */
export interface HardenOptions {
  /** The only origin the page may navigate within (app://workbench, or the dev server). */
  appOrigin: string;
  /** Opens http(s) links in the user's browser. */
  openExternal: OpenExternal;
}

/**
 * Locks down every web contents the app creates (app.on('web-contents-created')): no navigation
 * or redirect away from the app origin (a clicked http(s) link opens in the browser instead),
 * no new Electron windows, no <webview>.
 */
export function hardenWebContents(contents: HardenableWebContents, options: HardenOptions): void {
  const guardNavigation = (event: PreventableEvent & { url: string }): void => {
    if (shouldAllowNavigation(event.url, options.appOrigin)) return;
    event.preventDefault();
    if (isSafeExternalUrl(event.url)) void openExternalGuarded(event.url, options.openExternal);
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', (event) => {
    if (!shouldAllowNavigation(event.url, options.appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(createWindowOpenHandler(options.openExternal));
}
