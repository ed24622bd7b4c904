import { describe, expect, it } from 'vitest';
import {
  createNotifyHandlers,
  type NotificationText,
} from '../../../electron/main/handlers/notify.handler';
import { createIpcDispatcher } from '../../../electron/main/ipc/dispatcher';
import { isTrustedSender } from '../../../electron/main/security/trustedSender';
import { createHandlers } from '../../../electron/main/handlers';

const origin = 'http://127.0.0.1:43210';
const page = `${origin}/index.html`;

function fakeNotifier(supported = true) {
  const shown: NotificationText[] = [];
  return {
    shown,
    show: async (n: NotificationText) => {
      if (supported) shown.push(n);
      return supported;
    },
  };
}

function dispatcherWith(show?: (n: NotificationText) => Promise<boolean>) {
  return createIpcDispatcher({
    handlers: createHandlers({
      settingsDir: '/nonexistent-settings-dir',
      appName: 'Engagement Workbench',
      appVersion: '0.1.0',
      platform: 'linux',
      runtime: 'browser-harness',
      openExternal: async () => {},
      ...(show ? { showNotification: show } : {}),
    }),
    isTrustedSender: (url) => isTrustedSender(url, [origin]),
  });
}

describe('notify.show', () => {
  it('passes the title and text to the notifier and says whether it was shown', async () => {
    const fake = fakeNotifier();
    const result = await createNotifyHandlers(fake.show)['notify.show']({
      title: '2 things came due',
      body: '2 answers overdue.',
    });
    expect(result).toEqual({ shown: true });
    expect(fake.shown).toEqual([{ title: '2 things came due', body: '2 answers overdue.' }]);
  });

  it('reports not shown when the OS has no notifications, or no notifier is wired', async () => {
    const none = fakeNotifier(false);
    expect(await createNotifyHandlers(none.show)['notify.show']({ title: 't', body: '' })).toEqual({
      shown: false,
    });
    expect(await createNotifyHandlers()['notify.show']({ title: 't', body: '' })).toEqual({
      shown: false,
    });
  });

  it('through the dispatcher: validates the request and refuses other senders', async () => {
    const fake = fakeNotifier();
    const dispatcher = dispatcherWith(fake.show);
    expect(await dispatcher.dispatch(page, 'notify.show', { title: ' Due ', body: 'x' })).toEqual({
      ok: true,
      value: { shown: true },
    });
    expect(fake.shown).toEqual([{ title: 'Due', body: 'x' }]);
    const tooLong = await dispatcher.dispatch(page, 'notify.show', {
      title: 'x'.repeat(121),
      body: '',
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const extra = await dispatcher.dispatch(page, 'notify.show', {
      title: 'a',
      body: '',
      html: '<b>',
    });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const foreign = await dispatcher.dispatch('https://evil.example/', 'notify.show', {
      title: 'a',
      body: '',
    });
    expect(foreign).toMatchObject({ ok: false });
    expect(fake.shown).toHaveLength(1);
  });
});
