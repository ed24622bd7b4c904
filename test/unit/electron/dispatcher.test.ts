import { describe, expect, it, vi } from 'vitest';
import type { IpcHandlers } from '@shared/ipc/contract';
import { WorkbenchIpcError } from '@shared/ipc/errors';
import { createIpcDispatcher } from '../../../electron/main/ipc/dispatcher';
import type { Logger } from '../../../electron/main/log';

const APP = 'app://workbench/index.html';
const settings = {
  consultantName: 'Dana Whitlock',
  consultantFirm: 'Whitlock Advisory',
  deviceName: 'Work laptop',
  notifyDue: true,
  deviceId: '0190c1f2-3b4a-7c5d-8e6f-0123456789ab',
};

/** The dispatcher is exercised on the foundation's channels; the others are absent on purpose. */
function setup(overrides: Partial<IpcHandlers> = {}) {
  const handlers = {
    'app.info': vi.fn(async () => ({
      name: 'Engagement Workbench',
      version: '0.1.0',
      platform: 'linux',
      runtime: 'electron' as const,
    })),
    'settings.get': vi.fn(async () => settings),
    'settings.update': vi.fn(async (patch) => ({ ...settings, ...patch })),
    'shell.openExternal': vi.fn(async () => ({ opened: true })),
    ...overrides,
  } as Partial<IpcHandlers> as IpcHandlers;
  const log: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const dispatcher = createIpcDispatcher({
    handlers,
    isTrustedSender: (url) => url === APP,
    log,
  });
  return { handlers, log, dispatcher };
}

describe('createIpcDispatcher', () => {
  it('round-trips a valid request through its handler', async () => {
    const { dispatcher, handlers } = setup();
    const result = await dispatcher.dispatch(APP, 'settings.update', { deviceName: '  Desk PC  ' });
    expect(result).toEqual({ ok: true, value: { ...settings, deviceName: 'Desk PC' } });
    // The handler receives the parsed request (trimmed), not the raw payload.
    expect(handlers['settings.update']).toHaveBeenCalledWith({ deviceName: 'Desk PC' });
  });

  it('refuses untrusted senders before looking at anything else', async () => {
    const { dispatcher, handlers, log } = setup();
    for (const sender of [
      undefined,
      '',
      'https://evil.example/',
      'file:///tmp/x.html',
      'app://workbench.evil/',
    ]) {
      const result = await dispatcher.dispatch(sender, 'settings.get', {});
      expect(result).toEqual({
        ok: false,
        error: { code: 'UNTRUSTED_SENDER', message: 'The sender is not trusted' },
      });
    }
    // Even an unknown channel from an untrusted sender gets UNTRUSTED_SENDER (no channel probing).
    expect(await dispatcher.dispatch('https://evil.example/', 'nope', {})).toMatchObject({
      error: { code: 'UNTRUSTED_SENDER' },
    });
    expect(handlers['settings.get']).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalled();
  });

  it('refuses unknown channels', async () => {
    const { dispatcher } = setup();
    for (const channel of ['settings.delete', '__proto__', 'constructor', 7, null]) {
      const result = await dispatcher.dispatch(APP, channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('refuses an invalid request with a message naming the field', async () => {
    const { dispatcher, handlers } = setup();
    expect(await dispatcher.dispatch(APP, 'settings.update', { deviceName: '' })).toEqual({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: 'deviceName is required', field: 'deviceName' },
    });
    expect(
      await dispatcher.dispatch(APP, 'settings.update', { deviceId: settings.deviceId }),
    ).toEqual({
      ok: false,
      error: {
        code: 'INVALID_REQUEST',
        message: 'deviceId is not an allowed field',
        field: 'deviceId',
      },
    });
    const wrongType = await dispatcher.dispatch(APP, 'shell.openExternal', { url: 42 });
    expect(wrongType).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', field: 'url' },
    });
    const notAnObject = await dispatcher.dispatch(APP, 'settings.get', 'hello');
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(handlers['settings.update']).not.toHaveBeenCalled();
  });

  it('turns a coded handler error into its envelope', async () => {
    const { dispatcher } = setup({
      'shell.openExternal': async () => {
        throw new WorkbenchIpcError('UNSAFE_URL', 'url must be a web link', 'url');
      },
    });
    expect(
      await dispatcher.dispatch(APP, 'shell.openExternal', { url: 'javascript:alert(1)' }),
    ).toEqual({
      ok: false,
      error: { code: 'UNSAFE_URL', message: 'url must be a web link', field: 'url' },
    });
  });

  it('turns an unexpected handler error into INTERNAL without leaking details', async () => {
    const { dispatcher, log } = setup({
      'settings.get': async () => {
        throw new Error('EACCES: permission denied, open /home/dana/.config/secret');
      },
    });
    const result = await dispatcher.dispatch(APP, 'settings.get', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'settings.get failed unexpectedly' },
    });
    expect(JSON.stringify(result)).not.toContain('/home/dana');
    expect(log.error).toHaveBeenCalledWith(
      'IPC handler for settings.get failed',
      expect.any(Object),
    );
  });

  it('validates the response too', async () => {
    const { dispatcher, log } = setup({
      'app.info': async () => ({
        name: '',
        version: '0.1.0',
        platform: 'linux',
        runtime: 'electron',
      }),
    });
    expect(await dispatcher.dispatch(APP, 'app.info', {})).toEqual({
      ok: false,
      error: { code: 'INVALID_RESPONSE', message: 'app.info answered unexpectedly' },
    });
    expect(log.error).toHaveBeenCalled();
  });

  it('strips fields a handler should not have returned', async () => {
    const { dispatcher } = setup({
      'settings.get': async () => ({ ...settings, secretPath: '/home/dana' }) as typeof settings,
    });
    const result = await dispatcher.dispatch(APP, 'settings.get', {});
    expect(result).toEqual({ ok: true, value: settings });
  });
});
