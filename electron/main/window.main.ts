import { BrowserWindow, nativeTheme } from 'electron';
import { WINDOW_TITLE } from './config';
import { secureWebPreferences } from './security/webPreferences';

/** Options of createMainWindow. */
export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** What to load: app://workbench/index.html, or the dev server URL in development. */
  entryUrl: string;
  /** Development: DevTools allowed. */
  isDev: boolean;
}

/** Creates the main window with the secure webPreferences; it shows once the page has painted. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: WINDOW_TITLE,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#12171c' : '#f6f7f9',
    webPreferences: secureWebPreferences(options.preloadPath, { devTools: options.isDev }),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.entryUrl);
  return win;
}
