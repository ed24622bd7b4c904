import { CHANNELS } from '../../../shared/ipc/names';
// Runs electron/main/index.ts under Node against a fake 'electron' module, to check the wiring:
// what is registered before and after 'ready', and that IPC goes through the sender check.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const order: string[] = [];
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: Array<{ options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }> =
    [];
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  class BrowserWindow {
    static getAllWindows = () => windows;
    options: Record<string, unknown>;
    loadURL = vi.fn(async () => {});
    webContents = { send: vi.fn() };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this);
      order.push('new BrowserWindow');
    }
    once = vi.fn();
    on = vi.fn();
    isDestroyed = () => false;
  }

  const electron = {
    app: {
      isPackaged: false,
      getPath: vi.fn(() => ''),
      setPath: vi.fn(),
      getName: () => 'Engagement Workbench',
      getVersion: () => '0.1.0',
      enableSandbox: vi.fn(() => order.push('enableSandbox')),
      requestSingleInstanceLock: vi.fn(() => true),
      setAppUserModelId: vi.fn(),
      on: vi.fn((event: string, listener: Listener) => appListeners.set(event, listener)),
      whenReady: () => ready,
      isReady: () => true,
      quit: vi.fn(),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => order.push('protocol.handle')),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
    ipcMain: {
      handle: vi.fn((channel: string, handler: Listener) => ipcHandlers.set(channel, handler)),
    },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    net: { fetch: vi.fn() },
    shell: { openExternal: vi.fn(async () => {}) },
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: vi.fn(),
      decryptString: vi.fn(),
    },
    nativeTheme: { shouldUseDarkColors: false },
    BrowserWindow,
  };
  return { electron, order, appListeners, ipcHandlers, windows, resolveReady };
});

vi.mock('electron', () => fake.electron);

let userData: string;
beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'main-wiring-'));
  vi.stubEnv('WORKBENCH_USER_DATA_DIR', userData);
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  fake.electron.app.getPath.mockImplementation(() => userData);
  await import('../../../electron/main/index');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(userData, { recursive: true, force: true });
});

describe('main process wiring, before ready', () => {
  it('uses the test profile folder when asked (unpackaged only)', () => {
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', userData);
  });

  it('registers app:// as a privileged standard scheme and enables the sandbox', () => {
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.order.slice(0, 2)).toEqual(['registerSchemesAsPrivileged', 'enableSandbox']);
  });

  it('takes the single-instance lock and hardens every web contents', () => {
    expect(fake.electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.appListeners.has('second-instance')).toBe(true);
    expect(fake.appListeners.has('web-contents-created')).toBe(true);
  });

  it('registers nothing that needs ready before ready', () => {
    expect(fake.electron.protocol.handle).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
  });
});

describe('main process wiring, after ready', () => {
  beforeAll(async () => {
    fake.resolveReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  });

  it('serves app:// and grants only persistent storage, to the app only', () => {
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const ses = fake.electron.session.defaultSession;
    const callback = vi.fn();
    const requestHandler = ses.setPermissionRequestHandler.mock.calls[0]?.[0] as Listener;
    const app = { requestingUrl: 'app://workbench/index.html', isMainFrame: true };
    requestHandler({}, 'media', callback, app);
    requestHandler({}, 'persistent-storage', callback, app);
    requestHandler({}, 'persistent-storage', callback, {
      ...app,
      requestingUrl: 'https://evil.example/',
    });
    expect(callback.mock.calls).toEqual([[false], [true], [false]]);
    const checkHandler = ses.setPermissionCheckHandler.mock.calls[0]?.[0] as Listener;
    expect(checkHandler(null, 'persistent-storage', 'app://workbench', { isMainFrame: true })).toBe(
      true,
    );
    expect(checkHandler(null, 'notifications', 'app://workbench', { isMainFrame: true })).toBe(
      false,
    );
    expect((ses.setDevicePermissionHandler.mock.calls[0]?.[0] as Listener)()).toBe(false);
  });

  it('opens one secure window on the app origin', () => {
    const [win] = fake.windows;
    expect(win?.options).toMatchObject({
      width: 1280,
      height: 820,
      minWidth: 960,
      minHeight: 600,
      show: false,
    });
    expect(win?.options.title).toBe('Engagement Workbench');
    expect(win?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: expect.stringMatching(/preload[\\/]index\.cjs$/),
    });
    expect(win?.loadURL).toHaveBeenCalledWith('app://workbench/index.html');
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('handles every channel, checking the sender frame of each message', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const invoke = (channel: string, frame: unknown, payload: unknown) =>
      fake.ipcHandlers.get(channel)?.({ senderFrame: frame }, payload);
    const app = { url: 'app://workbench/index.html', parent: null };
    await expect(invoke('app.info', app, {})).resolves.toEqual({
      ok: true,
      value: {
        name: 'Engagement Workbench',
        version: '0.1.0',
        platform: process.platform,
        runtime: 'electron',
      },
    });
    const settings = await invoke('settings.get', app, {});
    expect(settings).toMatchObject({ ok: true, value: { deviceName: 'This device' } });
    for (const frame of [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: app.url, parent: {} },
    ]) {
      await expect(invoke('settings.get', frame, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'UNTRUSTED_SENDER' },
      });
    }
  });

  it('sends web links to shell.openExternal and nothing else', async () => {
    const app = { senderFrame: { url: 'app://workbench/index.html', parent: null } };
    const open = fake.ipcHandlers.get('shell.openExternal');
    await expect(open?.(app, { url: 'https://example.com/' })).resolves.toEqual({
      ok: true,
      value: { opened: true },
    });
    await expect(open?.(app, { url: 'javascript:alert(1)' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNSAFE_URL' },
    });
    expect(fake.electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(
      'https://example.com/',
    );
  });

  it('hardens web contents created later', () => {
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    fake.appListeners.get('web-contents-created')?.({}, contents);
    expect(contents.on.mock.calls.map((call) => call[0])).toEqual([
      'will-navigate',
      'will-redirect',
      'will-attach-webview',
    ]);
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as Listener;
    expect(handler({ url: 'app://workbench/index.html' })).toEqual({ action: 'deny' });
  });
});
