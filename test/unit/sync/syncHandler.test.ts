import { describe, expect, it } from 'vitest';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchIpcError } from '../../../shared/ipc/errors';
import { createSettingsStore } from '../../../electron/main/settings/settingsStore';
import { createSyncFolders } from '../../../electron/main/sync/syncFolders';
import { createSyncHandlers } from '../../../electron/main/handlers/sync.handler';
import { tempDir } from './harness';

const E1 = '0195a000-0000-7000-8000-0000000000e1';
const E2 = '0195a000-0000-7000-8000-0000000000e2';
const b64 = (s: string) => Buffer.from(s).toString('base64');

async function setup() {
  const userData = await tempDir();
  const root = await tempDir();
  const answers: Array<string | null> = [];
  const settings = createSettingsStore({ dir: userData });
  const handlers = createSyncHandlers({
    folders: createSyncFolders(userData),
    settings,
    showFolderDialog: async () => answers.shift() ?? null,
  });
  return { userData, root, answers, settings, handlers };
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
    await fs({ op: 'remove', engagementId: E1, path: `devices/${deviceId}/head.json` });
    expect(
      await fs({ op: 'stat', engagementId: E1, path: `devices/${deviceId}/head.json` }),
    ).toEqual({ stat: null });
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
