import { CHANNELS } from '../../../shared/ipc/names';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../../electron/main/handlers';
import { createIpcDispatcher } from '../../../electron/main/ipc/dispatcher';
import { isTrustedSender } from '../../../electron/main/security/trustedSender';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'handlers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deps(overrides: Partial<HandlerDeps> = {}): HandlerDeps {
  return {
    settingsDir: dir,
    appName: 'Engagement Workbench',
    appVersion: '0.1.0',
    platform: 'linux',
    runtime: 'browser-harness',
    openExternal: vi.fn(async () => {}),
    ...overrides,
  };
}

describe('createHandlers', () => {
  it('has one handler per channel', () => {
    expect(Object.keys(createHandlers(deps())).sort()).toEqual([...CHANNELS].sort());
  });

  it('app.info reports what it was given', async () => {
    expect(await createHandlers(deps())['app.info']({})).toEqual({
      name: 'Engagement Workbench',
      version: '0.1.0',
      platform: 'linux',
      runtime: 'browser-harness',
    });
  });

  it('settings.get and settings.update persist in the settings folder', async () => {
    const handlers = createHandlers(deps({ newId: () => '0190c1f2-3b4a-7c5d-8e6f-0123456789ab' }));
    const first = await handlers['settings.get']({});
    expect(first.deviceId).toBe('0190c1f2-3b4a-7c5d-8e6f-0123456789ab');
    await handlers['settings.update']({ consultantName: 'Dana Whitlock' });
    // A new handler set on the same folder (the app restarted) sees the change.
    expect(await createHandlers(deps())['settings.get']({})).toEqual({
      ...first,
      consultantName: 'Dana Whitlock',
    });
  });

  it('shell.openExternal opens web links', async () => {
    const openExternal = vi.fn(async () => {});
    const result = await createHandlers(deps({ openExternal }))['shell.openExternal']({
      url: 'https://example.com/x',
    });
    expect(result).toEqual({ opened: true });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/x');
  });

  it('shell.openExternal refuses javascript: and other schemes with UNSAFE_URL', async () => {
    const openExternal = vi.fn(async () => {});
    const handlers = createHandlers(deps({ openExternal }));
    for (const url of [
      'javascript:alert(document.domain)',
      'file:///etc/passwd',
      'smb://host/share',
      'data:,x',
    ]) {
      await expect(handlers['shell.openExternal']({ url })).rejects.toMatchObject({
        code: 'UNSAFE_URL',
        field: 'url',
      });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('shell.openExternal reports opened: false when the system refuses', async () => {
    const openExternal = vi.fn(async () => {
      throw new Error('no handler');
    });
    expect(
      await createHandlers(deps({ openExternal }))['shell.openExternal']({
        url: 'https://example.com',
      }),
    ).toEqual({
      opened: false,
    });
  });

  it('works end to end through the dispatcher, as the harness uses it', async () => {
    const origin = 'http://127.0.0.1:43210';
    const openExternal = vi.fn(async () => {});
    const dispatcher = createIpcDispatcher({
      handlers: createHandlers(deps({ openExternal })),
      isTrustedSender: (url) => isTrustedSender(url, [origin]),
    });
    const page = `${origin}/index.html`;
    const info = await dispatcher.dispatch(page, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { runtime: 'browser-harness' } });
    const updated = await dispatcher.dispatch(page, 'settings.update', { deviceName: 'Harness' });
    expect(updated).toMatchObject({ ok: true, value: { deviceName: 'Harness' } });
    expect(
      await dispatcher.dispatch(page, 'shell.openExternal', { url: 'javascript:alert(1)' }),
    ).toEqual({
      ok: false,
      error: {
        code: 'UNSAFE_URL',
        message: 'url must be a web link (http or https) without a user name or password',
        field: 'url',
      },
    });
    expect(openExternal).not.toHaveBeenCalled();
  });
});
