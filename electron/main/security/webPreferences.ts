import { isAbsolute } from 'node:path';

/** The subset of Electron's WebPreferences the app sets; every value is the secure one. */
export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly experimentalFeatures: false;
  readonly navigateOnDragDrop: false;
  readonly safeDialogs: true;
  readonly enableWebSQL: false;
  readonly spellcheck: true;
  readonly autoplayPolicy: 'user-gesture-required';
  readonly disableBlinkFeatures: 'Auxclick';
  readonly devTools: boolean;
}

/** Options of secureWebPreferences. */
export interface SecureWebPreferencesOptions {
  /** Whether DevTools can be opened; only in development. Defaults to false. */
  devTools?: boolean;
}

/**
 * webPreferences for every BrowserWindow: context isolation, OS sandbox, no Node.js in any renderer,
 * same-origin policy on, no insecure content, no <webview>, no experimental Blink features, no
 * auxclick (middle-click) events.
 * The preload path must be absolute (Electron ignores relative preload paths).
 */
export function secureWebPreferences(
  preloadPath: string,
  options: SecureWebPreferencesOptions = {},
): SecureWebPreferences {
  if (!isAbsolute(preloadPath)) {
    throw new Error(`preload path must be absolute, got "${preloadPath}"`);
  }
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    enableWebSQL: false,
    spellcheck: true,
    autoplayPolicy: 'user-gesture-required',
    // Middle-click must not reach the page as an event that opens links (Electronegativity AUXCLICK).
    disableBlinkFeatures: 'Auxclick',
    devTools: options.devTools ?? false,
  };
}
