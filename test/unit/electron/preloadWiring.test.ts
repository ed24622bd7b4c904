import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  ipcRenderer: {
    invoke: vi.fn(),
    on: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
    sendSync: vi.fn(),
  },
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: fake.exposeInMainWorld },
  ipcRenderer: fake.ipcRenderer,
}));

describe('preload entry', () => {
  it('exposes window.workbench and nothing else', async () => {
    await import('../../../electron/preload/index');
    expect(fake.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = fake.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('workbench');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onMenuCommand']);
    // ipcRenderer itself is not reachable from the exposed object.
    expect(Object.values(api)).not.toContain(fake.ipcRenderer);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });
});
