import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmailHandlers } from '../../../electron/main/handlers/email.handler';
import { createIpcDispatcher } from '../../../electron/main/ipc/dispatcher';
import { createHandlers } from '../../../electron/main/handlers';

const b64 = (s: string) => Buffer.from(s).toString('base64');

async function setup() {
  const tempRoot = await mkdtemp(join(tmpdir(), 'ew-open-test-'));
  const opened: string[] = [];
  const asked: string[] = [];
  const handlers = createEmailHandlers({
    tempRoot,
    now: () => new Date('2026-12-02T10:00:00.000Z'),
    resolveTxt: async (name) => {
      asked.push(name);
      throw Object.assign(new Error('offline'), { code: 'ECONNREFUSED' });
    },
    openPath: async (path) => {
      opened.push(path);
      return '';
    },
  });
  return { handlers, opened, asked, tempRoot };
}

describe('attachment.openWithSystem', () => {
  it('writes a read-only copy under a cleaned name in a fresh folder, then opens it', async () => {
    const { handlers, opened, tempRoot } = await setup();
    const result = await handlers['attachment.openWithSystem']({
      fileName: '../../report\u202Efdp.txt',
      bytes: b64('disk at 97%'),
    });
    expect(result).toEqual({ opened: true });
    expect(opened).toHaveLength(1);
    const path = opened[0]!;
    expect(basename(path)).toBe('reportfdp.txt');
    expect(dirname(dirname(path))).toBe(tempRoot);
    expect(await readFile(path, 'utf8')).toBe('disk at 97%');
  });

  it('refuses programs and scripts, writing nothing', async () => {
    const { handlers, opened, tempRoot } = await setup();
    await expect(
      handlers['attachment.openWithSystem']({ fileName: 'invoice\u202Efdp.exe', bytes: b64('MZ') }),
    ).rejects.toThrow(/"invoicefdp.exe" is a program or script/);
    await expect(
      handlers['attachment.openWithSystem']({ fileName: 'run.sh', bytes: b64('#!') }),
    ).rejects.toThrow(/program or script/);
    expect(opened).toEqual([]);
    expect(await readdir(tempRoot)).toEqual([]);
  });
});

describe('email.checkDkim', () => {
  it('says pending when DNS cannot be reached, and checks only through the injected resolver', async () => {
    const { handlers, asked } = await setup();
    const message = [
      'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=acme.example; s=mail; h=from:subject; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AAAA',
      'From: a@acme.example',
      'Subject: x',
      '',
      '',
    ].join('\r\n');
    const check = await handlers['email.checkDkim']({ message: b64(message) });
    expect(asked).toEqual(['mail._domainkey.acme.example']);
    expect(check.status).toBe('pending');
  });

  it('is reachable through the dispatcher, which refuses a message that is not base64', async () => {
    const settingsDir = await mkdtemp(join(tmpdir(), 'ew-settings-'));
    const dispatcher = createIpcDispatcher({
      handlers: createHandlers({
        settingsDir,
        appName: 'x',
        appVersion: '0',
        platform: 'linux',
        runtime: 'browser-harness',
        openExternal: async () => {},
        resolveTxt: async () => [],
      }),
      isTrustedSender: () => true,
    });
    const bad = await dispatcher.dispatch('app://workbench/', 'email.checkDkim', { message: '**' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const none = await dispatcher.dispatch('app://workbench/', 'email.checkDkim', {
      message: b64('From: a@acme.example\r\n\r\nhi'),
    });
    expect(none).toMatchObject({ ok: true, value: { status: 'none' } });
  });
});
