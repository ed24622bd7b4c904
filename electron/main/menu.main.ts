import { Menu, type BrowserWindow } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '@shared/ipc/names';
import { buildMenuTemplate } from './menuTemplate';

/** Installs the application menu; its commands go to the focused (or main) window's renderer. */
export function installApplicationMenu(options: {
  isMac: boolean;
  isDev: boolean;
  appName: string;
  getWindow: () => BrowserWindow | null;
}): void {
  const send = (command: MenuCommand): void => {
    const win = options.getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(MENU_COMMAND_CHANNEL, command);
  };
  const template = buildMenuTemplate({
    isMac: options.isMac,
    isDev: options.isDev,
    appName: options.appName,
    send,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
