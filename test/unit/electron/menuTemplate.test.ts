import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '@shared/ipc/names';
import { buildMenuTemplate, type MenuItemTemplate } from '../../../electron/main/menuTemplate';

function flatten(items: MenuItemTemplate[]): MenuItemTemplate[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}
function menu(items: MenuItemTemplate[], label: string): MenuItemTemplate[] {
  const found = items.find((item) => item.label === label);
  if (!found?.submenu) throw new Error(`no ${label} menu`);
  return found.submenu;
}
const byLabel = (items: MenuItemTemplate[], label: string) =>
  flatten(items).find((i) => i.label === label);
const roles = (items: MenuItemTemplate[]) =>
  flatten(items)
    .map((i) => i.role)
    .filter(Boolean);

function build(isMac: boolean, isDev: boolean) {
  const send = vi.fn<(command: MenuCommand) => void>();
  return {
    template: buildMenuTemplate({ isMac, isDev, send, appName: 'Engagement Workbench' }),
    send,
  };
}

describe('buildMenuTemplate (Windows and Linux)', () => {
  const { template, send } = build(false, false);

  it('has File, Edit, View and Help in order', () => {
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('puts the commands in the File menu with their accelerators', () => {
    const file = menu(template, 'File');
    expect(file.filter((i) => i.label).map((i) => [i.label, i.accelerator])).toEqual([
      ['New engagement', 'CmdOrCtrl+N'],
      ['Load sample engagement', undefined],
      ['Import engagement…', undefined],
      ['Restore from backup…', undefined],
      ['Sync now', 'F9'],
      ['Settings', 'CmdOrCtrl+,'],
    ]);
    expect(file.at(-1)).toEqual({ role: 'quit' });
  });

  it('sends the matching command for each custom item', () => {
    const expected: Array<[string, MenuCommand]> = [
      ['New engagement', 'new-engagement'],
      ['Load sample engagement', 'load-sample'],
      ['Import engagement…', 'import-engagement'],
      ['Restore from backup…', 'restore-backup'],
      ['Sync now', 'sync-now'],
      ['Settings', 'open-settings'],
      ['Search…', 'open-search'],
      ['Keyboard shortcuts', 'show-shortcuts'],
      ['About Engagement Workbench', 'show-about'],
    ];
    for (const [label, command] of expected) {
      send.mockClear();
      byLabel(template, label)?.click?.();
      expect(send, label).toHaveBeenCalledExactlyOnceWith(command);
    }
  });

  it('has the Help items', () => {
    const help = menu(template, 'Help').filter((i) => i.label);
    expect(help.map((i) => [i.label, i.accelerator])).toEqual([
      ['Keyboard shortcuts', 'CmdOrCtrl+/'],
      ['About Engagement Workbench', undefined],
    ]);
  });

  it('gives the Edit menu its standard roles', () => {
    expect(roles(menu(template, 'Edit'))).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'delete',
      'selectAll',
    ]);
  });

  it('has zoom and full screen but no reload or DevTools outside development', () => {
    const view = roles(menu(template, 'View'));
    expect(view).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(template)).not.toContain('toggleDevTools');
    expect(roles(template)).not.toContain('reload');
  });
});

describe('buildMenuTemplate in development', () => {
  it('adds reload and DevTools to the View menu', () => {
    const { template } = build(false, true);
    expect(roles(menu(template, 'View')).slice(0, 3)).toEqual([
      'reload',
      'forceReload',
      'toggleDevTools',
    ]);
  });
});

describe('buildMenuTemplate on macOS', () => {
  const { template, send } = build(true, false);

  it('adds the app menu first and a Window menu', () => {
    expect(template.map((m) => m.label)).toEqual([
      'Engagement Workbench',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    expect(template.find((m) => m.label === 'Window')?.role).toBe('windowMenu');
  });

  it('moves About, Settings and Quit to the app menu', () => {
    const appMenu = menu(template, 'Engagement Workbench');
    expect(appMenu.filter((i) => i.label).map((i) => [i.label, i.accelerator])).toEqual([
      ['About Engagement Workbench', undefined],
      ['Settings…', 'CmdOrCtrl+,'],
    ]);
    expect(roles(appMenu)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(menu(template, 'File'))).toEqual(['close']);
    expect(menu(template, 'Help').map((i) => i.label)).toEqual(['Keyboard shortcuts']);
    byLabel(template, 'Settings…')?.click?.();
    expect(send).toHaveBeenCalledWith('open-settings');
  });

  it('adds Paste and Match Style', () => {
    expect(roles(menu(template, 'Edit'))).toContain('pasteAndMatchStyle');
  });

  it('uses every accelerator at most once', () => {
    const accelerators = flatten(template)
      .map((i) => i.accelerator)
      .filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
