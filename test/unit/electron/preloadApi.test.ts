import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Channel } from '@shared/ipc/names';
import { createWorkbenchApi, type IpcRendererLike } from '../../../electron/preload/workbenchApi';

class FakeIpcRenderer extends EventEmitter implements IpcRendererLike {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({
    ok: true,
    value: { opened: true },
  }));
}

describe('window.workbench (preload bridge)', () => {
  it('exposes exactly invoke and onMenuCommand', () => {
    expect(Object.keys(createWorkbenchApi(new FakeIpcRenderer())).sort()).toEqual([
      'invoke',
      'onMenuCommand',
    ]);
  });

  it('forwards an allowed channel with its request and returns the envelope', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createWorkbenchApi(ipc);
    await expect(api.invoke('shell.openExternal', { url: 'https://example.com' })).resolves.toEqual(
      {
        ok: true,
        value: { opened: true },
      },
    );
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith('shell.openExternal', {
      url: 'https://example.com',
    });
  });

  it('never forwards a channel outside the allow-list', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createWorkbenchApi(ipc);
    for (const channel of [
      'menu.command',
      'settings.delete',
      'ELECTRON_BROWSER_REQUIRE',
      '__proto__',
    ]) {
      const result = await api.invoke(channel as Channel, {} as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('turns a rejected or malformed answer into an IPC_FAILED envelope', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.invoke.mockRejectedValueOnce(new Error("No handler registered for 'settings.get'"));
    const api = createWorkbenchApi(ipc);
    expect(await api.invoke('settings.get', {})).toEqual({
      ok: false,
      error: {
        code: 'IPC_FAILED',
        message: "settings.get failed: No handler registered for 'settings.get'",
      },
    });
    ipc.invoke.mockResolvedValueOnce('surprise');
    expect(await api.invoke('settings.get', {})).toMatchObject({
      ok: false,
      error: { code: 'IPC_FAILED' },
    });
  });

  it('delivers known menu commands only, without the IPC event', () => {
    const ipc = new FakeIpcRenderer();
    const api = createWorkbenchApi(ipc);
    const received: unknown[][] = [];
    api.onMenuCommand((...args) => received.push(args));
    ipc.emit('menu.command', { sender: 'secret' }, 'new-engagement');
    ipc.emit('menu.command', { sender: 'secret' }, 'format-disk');
    ipc.emit('menu.command', { sender: 'secret' }, { command: 'load-sample' });
    ipc.emit('menu.command', { sender: 'secret' }, 'show-about');
    expect(received).toEqual([['new-engagement'], ['show-about']]);
  });

  it('unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const api = createWorkbenchApi(ipc);
    const callback = vi.fn();
    const unsubscribe = api.onMenuCommand(callback);
    expect(ipc.listenerCount('menu.command')).toBe(1);
    unsubscribe();
    expect(ipc.listenerCount('menu.command')).toBe(0);
    ipc.emit('menu.command', {}, 'new-engagement');
    expect(callback).not.toHaveBeenCalled();
  });

  it('refuses a non-function callback', () => {
    const api = createWorkbenchApi(new FakeIpcRenderer());
    expect(() => api.onMenuCommand('alert(1)' as never)).toThrow(TypeError);
  });
});
