import { describe, expect, it, vi } from 'vitest';
import type { WorkbenchApi } from '@shared/ipc/api';
import { createWorkbenchClient } from '@shared/ipc/client';
import { WorkbenchIpcError } from '@shared/ipc/errors';

type Invoke = WorkbenchApi['invoke'];

function apiAnswering(answer: unknown | (() => Promise<unknown>)) {
  const invoke = vi.fn(async () =>
    typeof answer === 'function' ? (answer as () => Promise<unknown>)() : answer,
  );
  return {
    invoke: invoke as unknown as Invoke,
    calls: invoke.mock.calls as unknown as unknown[][],
  };
}

describe('createWorkbenchClient', () => {
  it('unwraps a successful envelope and sends the right channel and request', async () => {
    const settings = {
      consultantName: 'A',
      consultantFirm: '',
      deviceName: 'Laptop',
      deviceId: 'id',
    };
    const api = apiAnswering({ ok: true, value: settings });
    const client = createWorkbenchClient(api);
    await expect(client.settings.update({ deviceName: 'Laptop' })).resolves.toEqual(settings);
    expect(api.calls[0]).toEqual(['settings.update', { deviceName: 'Laptop' }]);
  });

  it('maps the helpers to their channels', async () => {
    const api = apiAnswering({ ok: true, value: {} });
    const client = createWorkbenchClient(api);
    await client.app.info();
    await client.settings.get();
    await client.shell.openExternal('https://example.com');
    await client.call('settings.get', {});
    expect(api.calls).toEqual([
      ['app.info', {}],
      ['settings.get', {}],
      ['shell.openExternal', { url: 'https://example.com' }],
      ['settings.get', {}],
    ]);
  });

  it('throws WorkbenchIpcError with code, message and field for an error envelope', async () => {
    const api = apiAnswering({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: 'deviceName is required', field: 'deviceName' },
    });
    const error = await createWorkbenchClient(api)
      .settings.update({ deviceName: '' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbenchIpcError);
    expect(error).toMatchObject({
      code: 'INVALID_REQUEST',
      message: 'deviceName is required',
      field: 'deviceName',
    });
  });

  it('turns a transport failure into IPC_FAILED', async () => {
    const api = apiAnswering(() => Promise.reject(new Error('No handler registered')));
    await expect(createWorkbenchClient(api).settings.get()).rejects.toMatchObject({
      code: 'IPC_FAILED',
      message: 'settings.get failed: No handler registered',
    });
  });

  it('refuses a malformed answer', async () => {
    const api = apiAnswering({ value: 1 });
    await expect(createWorkbenchClient(api).app.info()).rejects.toMatchObject({
      code: 'IPC_FAILED',
    });
  });
});
