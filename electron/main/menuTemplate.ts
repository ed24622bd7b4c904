// The application menu as plain data, so it can be tested without Electron. menu.main.ts turns it
// into a real menu.
import type { MenuCommand } from '@shared/ipc/names';

/** Electron menu roles the app uses. */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'windowMenu';

/** One menu entry; structurally a subset of Electron's MenuItemConstructorOptions. */
export interface MenuItemTemplate {
  /** Text shown; omitted for role items, which Electron labels itself. */
  label?: string;
  /** A built-in Electron behaviour. */
  role?: MenuRole;
  /** 'separator' for a divider line. */
  type?: 'separator';
  /** Keyboard shortcut, for example CmdOrCtrl+N. */
  accelerator?: string;
  /** Child entries. */
  submenu?: MenuItemTemplate[];
  /** Action of a custom item. */
  click?: () => void;
}

/** Inputs of buildMenuTemplate. */
export interface MenuTemplateOptions {
  /** macOS gets the app menu and a Window menu. */
  isMac: boolean;
  /** Development adds Reload and DevTools to the View menu. */
  isDev: boolean;
  /** Sends a command to the renderer (on the menu.command channel). */
  send: (command: MenuCommand) => void;
  /** Product name for the macOS app menu and the About item. */
  appName?: string;
}

const separator: MenuItemTemplate = { type: 'separator' };

/** The menu: File, Edit, View, (Window on macOS), Help; plus the app menu on macOS. */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemTemplate[] {
  const { isMac, isDev, send } = options;
  const appName = options.appName ?? 'Engagement Workbench';
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemTemplate => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(name),
  });
  const about = command(`About ${appName}`, 'show-about');
  const settings = command(isMac ? 'Settings…' : 'Settings', 'open-settings', 'CmdOrCtrl+,');

  const appMenu: MenuItemTemplate = {
    label: appName,
    submenu: [
      about,
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemTemplate = {
    label: 'File',
    submenu: [
      command('New engagement', 'new-engagement', 'CmdOrCtrl+N'),
      command('Load sample engagement', 'load-sample'),
      separator,
      command('Import engagement…', 'import-engagement'),
      command('Restore from backup…', 'restore-backup'),
      separator,
      // F9 as in Outlook's Send/Receive, which consultants already know.
      command('Sync now', 'sync-now', 'F9'),
      separator,
      ...(isMac ? [{ role: 'close' } as const] : [settings, separator, { role: 'quit' } as const]),
    ],
  };

  const editMenu: MenuItemTemplate = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
      separator,
      command('Search…', 'open-search', 'CmdOrCtrl+K'),
    ],
  };

  const viewMenu: MenuItemTemplate = {
    label: 'View',
    submenu: [
      ...(isDev
        ? [
            { role: 'reload' } as const,
            { role: 'forceReload' } as const,
            { role: 'toggleDevTools' } as const,
            separator,
          ]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const helpMenu: MenuItemTemplate = {
    label: 'Help',
    submenu: [
      command('Keyboard shortcuts', 'show-shortcuts', 'CmdOrCtrl+/'),
      ...(isMac ? [] : [separator, about]),
    ],
  };

  return [
    ...(isMac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    ...(isMac ? [{ label: 'Window', role: 'windowMenu' } as const] : []),
    helpMenu,
  ];
}
