// Electron main process: lifecycle and wiring only. Every rule lives in a plain, unit-tested module.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  net,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { CHANNELS, MENU_COMMAND_CHANNEL, type MenuCommand } from '@shared/ipc/names';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME } from './config';
import { createHandlers } from './handlers';
import { createIpcDispatcher } from './ipc/dispatcher';
import { consoleLogger } from './log';
import { installApplicationMenu } from './menu.main';
import { createAppProtocolHandler } from './security/appProtocol';
import { hardenWebContents } from './security/hardenWebContents';
import { originOf } from './security/origin';
import { createPermissionHandlers } from './security/permissions';
import { isTrustedSender, senderUrlOfFrame } from './security/trustedSender';
import { createMainWindow } from './window.main';
import { createShowOpenDialog, createShowSaveDialog } from './dialogs/dialogs.main';
import { createElectronPrinter } from './pdf/printToPdf.main';
import { createFolderWatcher } from './sync/folderWatcher';
import { createSyncFolders, notifyingSyncFolders } from './sync/syncFolders';
import { watchFolder } from './sync/watchFolder';

const isDev = !app.isPackaged;
const isMac = process.platform === 'darwin';

/** electron-vite's dev server (development only), if it is a plain http(s) URL. */
const devServerUrl = ((): string | undefined => {
  const url = isDev ? process.env.ELECTRON_RENDERER_URL : undefined;
  if (!url) return undefined;
  const origin = originOf(url);
  return origin !== null && /^https?:\/\//.test(origin) ? url : undefined;
})();
const appOrigin = devServerUrl ? (originOf(devServerUrl) ?? APP_ORIGIN) : APP_ORIGIN;
const trustedOrigins = devServerUrl ? [APP_ORIGIN, appOrigin] : [APP_ORIGIN];

const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const rendererRoot = join(import.meta.dirname, '../renderer');

/** The ONE call site of shell.openExternal; only ever reached through openExternalGuarded. */
const openExternal = (url: string): Promise<void> => shell.openExternal(url);

// Tests run the unpackaged app on a throw-away profile. Must happen before the instance lock.
if (isDev && process.env.WORKBENCH_USER_DATA_DIR) {
  app.setPath('userData', process.env.WORKBENCH_USER_DATA_DIR);
}

// Before 'ready': app:// behaves like https (standard URL, secure context, fetch allowed).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

/** The memo PDF printer: one warm hidden print window, made on the first export. */
const printer = createElectronPrinter();

function openMainWindow(): void {
  mainWindow = createMainWindow({ preloadPath, entryUrl: devServerUrl ?? APP_ENTRY_URL, isDev });
  mainWindow.on('closed', () => {
    mainWindow = null;
    // the hidden print window must not outlive the app's window (it would keep the app running)
    void printer.release();
  });
}

/** Sends a command to the main window's page (menu.command channel), when there is one. */
function sendToRenderer(command: MenuCommand): void {
  if (mainWindow && !mainWindow.isDestroyed())
    mainWindow.webContents.send(MENU_COMMAND_CHANNEL, command);
}

/** A peer's file arrived in a sync folder: hint the renderer to sync now (the timer is the rule). */
const folderWatcher = createFolderWatcher({
  watch: watchFolder,
  onHint: () => sendToRenderer('sync-now'),
  log: consoleLogger,
});

function registerIpc(): void {
  const syncFolders = notifyingSyncFolders(createSyncFolders(app.getPath('userData')), (paths) =>
    folderWatcher.setFolders(paths),
  );
  syncFolders.list().then(
    (paths) => folderWatcher.setFolders(paths),
    () => {},
  );
  const handlers = createHandlers({
    syncFolders,
    settingsDir: app.getPath('userData'),
    appName: app.getName(),
    appVersion: app.getVersion(),
    platform: process.platform,
    runtime: 'electron',
    openExternal,
    log: consoleLogger,
    showSaveDialog: createShowSaveDialog(() => mainWindow),
    showOpenDialog: createShowOpenDialog(() => mainWindow),
    printToPdf: printer.printToPdf,
    preparePdf: () => printer.prepare(),
    writeClipboard: async (text) => clipboard.writeText(text),
    // the device key of signed sync folders: Keychain, DPAPI or libsecret/kwallet where offered
    secretProtector: safeStorage,
    openPath: (path) => shell.openPath(path),
    showNotification: async ({ title, body }) => {
      if (!Notification.isSupported()) return false;
      new Notification({ title, body }).show();
      return true;
    },
    showFolderDialog: async ({ title }) => {
      const options = { title, properties: ['openDirectory', 'createDirectory'] as const };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, {
            ...options,
            properties: [...options.properties],
          })
        : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });
  const dispatcher = createIpcDispatcher({
    handlers,
    isTrustedSender: (url) => isTrustedSender(url, trustedOrigins),
    log: consoleLogger,
  });
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatcher.dispatch(senderUrlOfFrame(event.senderFrame), channel, payload),
    );
  }
}

async function onReady(): Promise<void> {
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: rendererRoot,
      fetchFile: (filePath) => net.fetch(pathToFileURL(filePath).toString()),
    }),
  );
  const permissions = createPermissionHandlers(trustedOrigins);
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(permissions.permissionRequestHandler);
  ses.setPermissionCheckHandler(permissions.permissionCheckHandler);
  ses.setDevicePermissionHandler(permissions.devicePermissionHandler);

  registerIpc();
  installApplicationMenu({ isMac, isDev, appName: app.getName(), getWindow: () => mainWindow });
  openMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId('app.engagementworkbench.desktop');

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { appOrigin, openExternal });
  });

  app.on('will-quit', () => {
    folderWatcher.close();
    void printer.close();
  });

  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app.whenReady().then(onReady, (error: unknown) => {
    consoleLogger.error('App failed to start', { error: String(error) });
    app.quit();
  });
}
