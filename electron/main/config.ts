// Fixed names of the app's own origin. The renderer is served from app://workbench/ in production.

/** The privileged custom scheme that serves the built renderer. */
export const APP_SCHEME = 'app';
/** The single host of that scheme. */
export const APP_HOST = 'workbench';
/** The app's own origin; the only origin trusted for IPC in production. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window loads in production. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The main window's title. */
export const WINDOW_TITLE = 'Engagement Workbench';
