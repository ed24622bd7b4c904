// Channel and menu-command names only, with no runtime dependencies (no zod), so the sandboxed
// preload bundle stays small. The schemas for each channel live in ./contract.ts.

/** Every IPC channel the renderer may invoke; the preload and the dispatcher allow nothing else. */
export const CHANNELS = [
  'app.info',
  'settings.get',
  'settings.update',
  'shell.openExternal',
  // Archives, backups and spreadsheets (issue 6): files are read and written by token, in pieces.
  'file.openDialog',
  'file.read',
  'file.saveDialog',
  'file.write',
  'file.close',
  'backup.write',
  'backup.list',
  'backup.open',
  'backup.blob',
  // Escalation memos (issue 4): exports through a save dialog, verification, clipboard.
  'memo.exportPdf',
  'memo.exportMarkdown',
  'memo.preparePdf',
  'memo.verifyFile',
  'memo.sign',
  'memo.exportExhibits',
  'clipboard.writeText',
  // Folder sync (issue 5): the chosen folder, confined file operations, a fresh device id.
  'sync.folder.get',
  'sync.folder.choose',
  'sync.folder.forget',
  'sync.fs',
  'sync.device.regenerate',
  // Signed sync folders (issue 12): the device key stays in main, which signs own files only.
  'sync.device.key',
  'sync.device.sign',
  // Evidence (issue 16): DKIM check of an imported email, opening an attachment with the system.
  'email.checkDkim',
  'attachment.openWithSystem',
  // Today (issue 13): the once-a-day OS notification of what came due.
  'notify.show',
] as const;

/** The name of an IPC channel. */
export type Channel = (typeof CHANNELS)[number];

/** Whether a value names one of the allowed channels. */
export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** The channel on which the main process sends application-menu commands to the renderer. */
export const MENU_COMMAND_CHANNEL = 'menu.command';

/** Commands the application menu sends to the renderer. */
export const MENU_COMMANDS = [
  'new-engagement',
  'load-sample',
  'open-settings',
  'show-shortcuts',
  'show-about',
  'import-engagement',
  'restore-backup',
  'open-search',
  'sync-now',
] as const;

/** One command from the application menu. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Whether a value is one of the known menu commands. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
