import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UUID_PATTERN } from '@shared/ids';
import { WorkbenchIpcError } from '@shared/ipc/errors';
import type { Logger } from '../../../electron/main/log';
import { writeFileAtomically as writeFileAtomic } from '../../../electron/main/backups/atomicFile';
import {
  createSettingsStore,
  SETTINGS_FILE_NAME,
} from '../../../electron/main/settings/settingsStore';

const FIXED_NOW = new Date('2026-03-02T09:15:00.123Z');
const DEVICE_ID = '0190c1f2-3b4a-7c5d-8e6f-0123456789ab';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function store(log?: Logger) {
  return createSettingsStore({ dir, now: () => FIXED_NOW, ...(log ? { log } : {}) });
}
const readJson = async (name = SETTINGS_FILE_NAME) =>
  JSON.parse(await readFile(join(dir, name), 'utf8')) as unknown;

describe('settings store', () => {
  it('creates settings with a fresh UUIDv7 device id on first read, and keeps it', async () => {
    const first = await store().read();
    expect(first).toEqual({
      consultantName: '',
      consultantFirm: '',
      deviceName: 'This device',
      notifyDue: true,
      deviceId: first.deviceId,
    });
    expect(first.deviceId).toMatch(UUID_PATTERN);
    expect(first.deviceId[14]).toBe('7'); // version nibble of a UUIDv7
    expect(await readJson()).toEqual(first);
    // A new store on the same folder (the app restarted) reads the same device id.
    expect((await store().read()).deviceId).toBe(first.deviceId);
  });

  it('creates the data folder when it does not exist yet', async () => {
    const nested = join(dir, 'Engagement Workbench');
    const settings = await createSettingsStore({ dir: nested }).read();
    expect(JSON.parse(await readFile(join(nested, SETTINGS_FILE_NAME), 'utf8'))).toEqual(settings);
  });

  it('applies a patch, trims it, and leaves the other fields alone', async () => {
    const s = store();
    const before = await s.read();
    await s.update({ consultantName: ' Dana Whitlock ', consultantFirm: 'Whitlock Advisory' });
    const after = await s.update({ deviceName: 'Work laptop' });
    expect(after).toEqual({
      consultantName: 'Dana Whitlock',
      consultantFirm: 'Whitlock Advisory',
      deviceName: 'Work laptop',
      notifyDue: true,
      deviceId: before.deviceId,
    });
    expect(await readJson()).toEqual(after);
  });

  it('treats an explicitly undefined field as unchanged', async () => {
    const s = store();
    await s.update({ deviceName: 'Work laptop' });
    expect((await s.update({ deviceName: undefined })).deviceName).toBe('Work laptop');
  });

  it('refuses an invalid patch with the field named, and writes nothing', async () => {
    const s = store();
    await s.update({ deviceName: 'Work laptop' });
    const cases: Array<[unknown, string]> = [
      [{ deviceName: '   ' }, 'deviceName'],
      [{ consultantName: 'x'.repeat(201) }, 'consultantName'],
      [{ deviceId: DEVICE_ID }, 'deviceId'],
      [{ deviceName: 7 }, 'deviceName'],
    ];
    for (const [patch, field] of cases) {
      const error = await s.update(patch as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbenchIpcError);
      expect(error).toMatchObject({ code: 'INVALID_REQUEST', field });
    }
    expect(await readJson()).toMatchObject({ deviceName: 'Work laptop' });
  });

  it('sets a corrupt file aside and starts from defaults, logging why', async () => {
    await writeFile(join(dir, SETTINGS_FILE_NAME), '{ "consultantName": "Dana", oops');
    const log: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const settings = await store(log).read();
    expect(settings.deviceId).toMatch(UUID_PATTERN);
    expect(settings.consultantName).toBe('');
    const files = await readdir(dir);
    expect(files.sort()).toEqual(['settings.corrupt-20260302T091500123Z.json', SETTINGS_FILE_NAME]);
    expect(await readFile(join(dir, 'settings.corrupt-20260302T091500123Z.json'), 'utf8')).toBe(
      '{ "consultantName": "Dana", oops',
    );
    expect(log.warn).toHaveBeenCalledWith(
      expect.stringContaining('set aside'),
      expect.objectContaining({ reason: 'not valid JSON' }),
    );
  });

  it('sets an invalid file aside but keeps the fields that are still valid (the device id above all)', async () => {
    await writeFile(
      join(dir, SETTINGS_FILE_NAME),
      JSON.stringify({ consultantName: 'Dana', deviceName: '', deviceId: DEVICE_ID, extra: true }),
    );
    const settings = await store().read();
    expect(settings).toEqual({
      consultantName: 'Dana',
      consultantFirm: '',
      deviceName: 'This device',
      notifyDue: true,
      deviceId: DEVICE_ID,
    });
    expect(await readdir(dir)).toContain('settings.corrupt-20260302T091500123Z.json');
  });

  it('replaces a file with a bad device id by a fresh one', async () => {
    await writeFile(join(dir, SETTINGS_FILE_NAME), JSON.stringify({ deviceId: 'not-a-uuid' }));
    const settings = await store().read();
    expect(settings.deviceId).toMatch(UUID_PATTERN);
    expect(settings.deviceId).not.toBe('not-a-uuid');
  });

  it('treats valid JSON of the wrong shape as corrupt', async () => {
    for (const text of ['[]', 'null', '"settings"', '42']) {
      await rm(dir, { recursive: true, force: true });
      dir = await mkdtemp(join(tmpdir(), 'settings-store-'));
      await writeFile(join(dir, SETTINGS_FILE_NAME), text);
      const settings = await store().read();
      expect(settings.deviceId, text).toMatch(UUID_PATTERN);
      expect((await readdir(dir)).length).toBe(2);
    }
  });

  it('leaves no temporary files behind', async () => {
    const s = store();
    await s.read();
    await Promise.all([
      s.update({ consultantName: 'A' }),
      s.update({ consultantFirm: 'B' }),
      s.update({ deviceName: 'C' }),
    ]);
    expect(await readdir(dir)).toEqual([SETTINGS_FILE_NAME]);
  });

  it('serialises concurrent updates so none is lost', async () => {
    const s = store();
    await Promise.all([
      s.update({ consultantName: 'A' }),
      s.update({ consultantFirm: 'B' }),
      s.update({ deviceName: 'C' }),
    ]);
    expect(await readJson()).toMatchObject({
      consultantName: 'A',
      consultantFirm: 'B',
      deviceName: 'C',
    });
  });

  it('concurrent first reads agree on one device id', async () => {
    const s = store();
    const [a, b, c] = await Promise.all([s.read(), s.read(), s.read()]);
    expect(new Set([a.deviceId, b.deviceId, c.deviceId]).size).toBe(1);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the content and leaves only the target file', async () => {
    const target = join(dir, 'file.json');
    await writeFileAtomic(target, 'one');
    await writeFileAtomic(target, 'two');
    expect(await readFile(target, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['file.json']);
  });

  it('cleans up its temporary file when the rename fails', async () => {
    // The target is a non-empty folder: the rename over it fails after the temp file was written.
    const target = join(dir, 'occupied');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['occupied']);
  });
});
