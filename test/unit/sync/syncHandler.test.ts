import { describe, expect, it } from 'vitest';
import { link, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { fileStatement, verifyBytes } from '../../../shared/sync/identity';
import { join } from 'node:path';
import { WorkbenchIpcError } from '../../../shared/ipc/errors';
import { createSettingsStore } from '../../../electron/main/settings/settingsStore';
import { createSyncFolders } from '../../../electron/main/sync/syncFolders';
import { createSyncHandlers } from '../../../electron/main/handlers/sync.handler';
import { createDeviceKeyStore } from '../../../electron/main/sync/deviceKey';
import { tempDir } from './harness';

const E1 = '0195a000-0000-7000-8000-0000000000e1';
const E2 = '0195a000-0000-7000-8000-0000000000e2';
const b64 = (s: string) => Buffer.from(s).toString('base64');

async function setup() {
  const userData = await tempDir();
  const root = await tempDir();
  const answers: Array<string | null> = [];
  const settings = createSettingsStore({ dir: userData });
  const keys = createDeviceKeyStore({ dir: userData });
  const handlers = createSyncHandlers({
    folders: createSyncFolders(userData),
    settings,
    keys,
    showFolderDialog: async () => answers.shift() ?? null,
  });
  return { userData, root, answers, settings, handlers, keys };
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbenchIpcError);
    return (error as WorkbenchIpcError).code;
  }
  throw new Error('expected a failure');
}

describe('sync.* handlers', () => {
  it('remembers the chosen folder per engagement or for all, in its own JSON file', async () => {
    const { handlers, answers, root, userData } = await setup();
    expect(await handlers['sync.folder.get']({ engagementId: E1 })).toEqual({
      path: null,
      scope: null,
    });
    expect(await handlers['sync.folder.choose']({ engagementId: E1, scope: 'engagement' })).toEqual(
      { canceled: true },
    );
    answers.push(root);
    await handlers['sync.folder.choose']({ engagementId: E1, scope: 'all' });
    expect(await handlers['sync.folder.get']({ engagementId: E2 })).toEqual({
      path: root,
      scope: 'all',
    });
    // the same folder cannot also be one engagement's own
    answers.push(root);
    expect(
      await code(handlers['sync.folder.choose']({ engagementId: E2, scope: 'engagement' })),
    ).toBe('SYNC_FOLDER_IN_USE');
    expect(
      JSON.parse(await readFile(join(userData, 'sync-folders.json'), 'utf8')).folders['*'],
    ).toBe(root);
    expect(await handlers['sync.folder.forget']({ engagementId: E1, scope: 'all' })).toEqual({
      forgotten: true,
    });
    expect(await code(handlers['sync.fs']({ op: 'available', engagementId: E1 }))).toBe(
      'SYNC_NO_FOLDER',
    );
  });

  it('confines every file operation to the chosen folder and removes only own files', async () => {
    const { handlers, answers, root, settings } = await setup();
    const outside = await tempDir();
    await writeFile(join(outside, 'secret.txt'), 'secret');
    await symlink(outside, join(root, 'escape'));
    answers.push(root);
    await handlers['sync.folder.choose']({ engagementId: E1, scope: 'engagement' });
    const fs = handlers['sync.fs'];
    expect(await fs({ op: 'available', engagementId: E1 })).toEqual({ available: true });
    for (const path of [
      '../x',
      '/etc/passwd',
      'escape/secret.txt',
      'a/../../x',
      'a\u0000b',
      'x..y',
    ]) {
      expect(await code(fs({ op: 'read', engagementId: E1, path }))).toBe('SYNC_OUTSIDE');
      expect(await code(fs({ op: 'write', engagementId: E1, path, data: b64('x') }))).toBe(
        'SYNC_OUTSIDE',
      );
    }
    const { deviceId } = await settings.read();
    await fs({
      op: 'write',
      engagementId: E1,
      path: `devices/${deviceId}/head.json`,
      data: b64('{}'),
    });
    expect(
      await fs({ op: 'read', engagementId: E1, path: `devices/${deviceId}/head.json` }),
    ).toEqual({ data: b64('{}') });
    await mkdir(join(root, 'devices', 'other'), { recursive: true });
    await writeFile(join(root, 'devices', 'other', 'head.json'), '{}');
    expect(
      await code(fs({ op: 'remove', engagementId: E1, path: 'devices/other/head.json' })),
    ).toBe('SYNC_OUTSIDE');
    const seg = `devices/${deviceId}/seg-00000001.jsonl`;
    await fs({ op: 'write', engagementId: E1, path: seg, data: b64('x') });
    await fs({ op: 'remove', engagementId: E1, path: seg });
    expect(await fs({ op: 'stat', engagementId: E1, path: seg })).toEqual({ stat: null });
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('secret');
  });

  it('gives this installation a fresh device id', async () => {
    const { handlers, settings } = await setup();
    const before = (await settings.read()).deviceId;
    const { deviceId } = await handlers['sync.device.regenerate']({});
    expect(deviceId).not.toBe(before);
    expect((await settings.read()).deviceId).toBe(deviceId);
  });
});

describe('sync.fs writes only the engine layout under the own folder; main signs own files', () => {
  it('refuses other devices’ files, dot-paths, a second format.json, a bad keys.json, hard links', async () => {
    const { handlers, answers, root, settings } = await setup();
    answers.push(root);
    await handlers['sync.folder.choose']({ engagementId: E1, scope: 'engagement' });
    const fs = handlers['sync.fs'];
    const { deviceId } = await settings.read();
    const write = (path: string, data = b64('{}')) =>
      fs({ op: 'write', engagementId: E1, path, data });
    for (const path of [
      'devices/0195a000-0000-7000-8000-00000000aaaa/head.json',
      `devices/${deviceId}/.hidden`,
      `devices/${deviceId}/notes.txt`,
      `devices/${deviceId}/../x/head.json`,
      '.DS_Store',
      `devices/${deviceId}/sub/head.json`,
    ]) {
      expect(await code(write(path)), path).toBe('SYNC_OUTSIDE');
    }
    await write('format.json');
    expect(await code(write('format.json'))).toBe('SYNC_OUTSIDE'); // written once
    expect(await code(write('keys.json', b64('{"version":1}')))).toBe('SYNC_OUTSIDE');
    const absurd = {
      version: 1,
      kdf: 'PBKDF2-SHA-512',
      iterations: 1e12,
      salt: b64('0123456789abcdef'),
      iv: b64('0123456789ab'),
      wrappedKey: b64('x'.repeat(48)),
    };
    expect(await code(write('keys.json', b64(JSON.stringify(absurd))))).toBe('SYNC_OUTSIDE');
    await write('keys.json', b64(JSON.stringify({ ...absurd, iterations: 310_000 })));
    // a hard link into the folder is not read
    const outside = await tempDir();
    await writeFile(join(outside, 'secret.txt'), 'secret');
    await mkdir(join(root, 'devices', 'x'), { recursive: true });
    await link(join(outside, 'secret.txt'), join(root, 'devices', 'x', 'head.json'));
    expect(await code(fs({ op: 'read', engagementId: E1, path: 'devices/x/head.json' }))).toBe(
      'SYNC_OUTSIDE',
    );
    // a file over the size asked for is not read
    await writeFile(join(root, 'big.json'), 'x'.repeat(2000));
    expect(await code(fs({ op: 'read', engagementId: E1, path: 'big.json', maxBytes: 1000 }))).toBe(
      'SYNC_TOOBIG',
    );
  });

  it('signs only this device’s own engine files; the key is made once and kept', async () => {
    const { handlers, settings, userData } = await setup();
    const { deviceId } = await settings.read();
    const key = await handlers['sync.device.key']({});
    expect(key.protection).toBe('file');
    expect((await stat(join(userData, 'device-key.json'))).mode & 0o777).toBe(0o600);
    const sha = 'ab'.repeat(32);
    const path = `devices/${deviceId}/seg-00000001.jsonl`;
    const { signature } = await handlers['sync.device.sign']({ path, sha256: sha });
    const publicKey = new Uint8Array(Buffer.from(key.publicKey, 'base64'));
    const sig = new Uint8Array(Buffer.from(signature, 'base64'));
    expect(await verifyBytes(sig, fileStatement(path, sha), publicKey)).toBe(true);
    for (const other of [
      'devices/0195a000-0000-7000-8000-00000000aaaa/head.json',
      'format.json',
      `devices/${deviceId}/notes.txt`,
    ]) {
      expect(await code(handlers['sync.device.sign']({ path: other, sha256: sha }))).toBe(
        'SYNC_OUTSIDE',
      );
    }
    // a second store over the same folder finds the same key
    const again = createDeviceKeyStore({ dir: userData });
    expect((await again.signer()).publicKey).toEqual(publicKey);
  });

  it('keeps the secret encrypted by the OS where it can; an unreadable key file gives a new key', async () => {
    const dir = await tempDir();
    const protector = {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => Buffer.from(`enc:${plain}`.split('').reverse().join('')),
      decryptString: (data: Buffer) => {
        const text = data.toString().split('').reverse().join('');
        if (!text.startsWith('enc:')) throw new Error('not ours');
        return text.slice(4);
      },
    };
    const store = createDeviceKeyStore({ dir, protector });
    expect(await store.protection()).toBe('os');
    const publicKey = (await store.signer()).publicKey;
    const file = JSON.parse(await readFile(join(dir, 'device-key.json'), 'utf8'));
    expect(file.protection).toBe('os');
    // another machine: safeStorage cannot decrypt it; a new key (a new device) is made
    const logged: string[] = [];
    const elsewhere = createDeviceKeyStore({
      dir,
      protector: {
        ...protector,
        decryptString: () => {
          throw new Error('no');
        },
      },
      log: (m) => logged.push(m),
    });
    expect((await elsewhere.signer()).publicKey).not.toEqual(publicKey);
    expect(logged.length).toBe(1);
  });
});
