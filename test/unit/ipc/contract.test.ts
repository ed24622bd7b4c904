import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  appInfoSchema,
  ipcContract,
  openExternalRequestSchema,
  settingsUpdateRequestSchema,
} from '@shared/ipc/contract';
import { errorEnvelope, isEnvelope, okEnvelope } from '@shared/ipc/envelope';
import { WorkbenchIpcError } from '@shared/ipc/errors';
import { CHANNELS, isChannel, isMenuCommand, MENU_COMMANDS } from '@shared/ipc/names';
import { describeZodError } from '@shared/ipc/validation';

describe('channel names', () => {
  it('lists exactly the contract channels', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(ipcContract).sort());
  });

  it('recognises only allowed channels', () => {
    expect(isChannel('settings.get')).toBe(true);
    for (const hostile of [
      'settings.delete',
      'SETTINGS.GET',
      '',
      'constructor',
      '__proto__',
      42,
      null,
      undefined,
      {},
    ]) {
      expect(isChannel(hostile)).toBe(false);
    }
  });

  it('recognises only known menu commands', () => {
    expect(MENU_COMMANDS).toEqual(
      expect.arrayContaining([
        'new-engagement',
        'load-sample',
        'open-settings',
        'show-shortcuts',
        'show-about',
      ]),
    );
    expect(new Set(MENU_COMMANDS).size).toBe(MENU_COMMANDS.length);
    expect(isMenuCommand('load-sample')).toBe(true);
    expect(isMenuCommand('quit')).toBe(false);
    expect(isMenuCommand(undefined)).toBe(false);
    expect(isMenuCommand({ toString: () => 'load-sample' })).toBe(false);
  });
});

describe('request schemas', () => {
  it('settings.update keeps omitted fields omitted (no defaults filled in)', () => {
    expect(settingsUpdateRequestSchema.parse({})).toEqual({});
    expect(settingsUpdateRequestSchema.parse({ deviceName: '  Work laptop ' })).toEqual({
      deviceName: 'Work laptop',
    });
  });

  it('settings.update refuses the device id and unknown fields', () => {
    expect(
      settingsUpdateRequestSchema.safeParse({ deviceId: '0190c1f2-0000-7000-8000-000000000000' })
        .success,
    ).toBe(false);
    expect(settingsUpdateRequestSchema.safeParse({ theme: 'dark' }).success).toBe(false);
  });

  it('settings.update applies the model rules', () => {
    expect(settingsUpdateRequestSchema.safeParse({ deviceName: '   ' }).success).toBe(false);
    expect(settingsUpdateRequestSchema.safeParse({ consultantName: 'x'.repeat(201) }).success).toBe(
      false,
    );
  });

  it('shell.openExternal needs a url string of sane length', () => {
    expect(openExternalRequestSchema.safeParse({ url: 'https://example.com' }).success).toBe(true);
    expect(openExternalRequestSchema.safeParse({ url: '' }).success).toBe(false);
    expect(
      openExternalRequestSchema.safeParse({ url: `https://e.com/${'a'.repeat(2100)}` }).success,
    ).toBe(false);
    expect(openExternalRequestSchema.safeParse({}).success).toBe(false);
  });

  it('app.info answers with a known runtime only', () => {
    const info = {
      name: 'Engagement Workbench',
      version: '0.1.0',
      platform: 'linux',
      runtime: 'electron',
    };
    expect(appInfoSchema.parse(info)).toEqual(info);
    expect(appInfoSchema.safeParse({ ...info, runtime: 'node' }).success).toBe(false);
  });
});

describe('describeZodError', () => {
  const schema = z.strictObject({ deviceName: z.string().min(1, 'is required'), age: z.number() });

  it('names the field before a model message', () => {
    const error = schema.safeParse({ deviceName: '', age: 1 }).error!;
    expect(describeZodError(error)).toEqual({
      message: 'deviceName is required',
      field: 'deviceName',
    });
  });

  it('uses a colon before zod messages', () => {
    const error = schema.safeParse({ deviceName: 'a', age: 'x' }).error!;
    const problem = describeZodError(error);
    expect(problem.field).toBe('age');
    expect(problem.message).toMatch(/^age: /);
  });

  it('names unknown keys', () => {
    const error = schema.safeParse({ deviceName: 'a', age: 1, admin: true }).error!;
    expect(describeZodError(error)).toEqual({
      message: 'admin is not an allowed field',
      field: 'admin',
    });
  });

  it('reports a wrong request type without a field', () => {
    const error = schema.safeParse('nope').error!;
    const problem = describeZodError(error);
    expect(problem.field).toBeUndefined();
    expect(problem.message).toMatch(/^Request: /);
  });
});

describe('envelopes', () => {
  it('builds and recognises both shapes', () => {
    expect(okEnvelope(1)).toEqual({ ok: true, value: 1 });
    expect(errorEnvelope('X', 'm')).toEqual({ ok: false, error: { code: 'X', message: 'm' } });
    expect(errorEnvelope('X', 'm', 'f')).toEqual({
      ok: false,
      error: { code: 'X', message: 'm', field: 'f' },
    });
    expect(isEnvelope(okEnvelope(undefined))).toBe(true);
    expect(isEnvelope(errorEnvelope('X', 'm', 'f'))).toBe(true);
  });

  it('rejects malformed shapes', () => {
    for (const bad of [
      null,
      1,
      {},
      { ok: true },
      { ok: false },
      { ok: false, error: { code: 1, message: 'm' } },
      { ok: 'yes', value: 1 },
    ]) {
      expect(isEnvelope(bad)).toBe(false);
    }
  });

  it('WorkbenchIpcError round-trips through the envelope error', () => {
    const error = new WorkbenchIpcError('INVALID_REQUEST', 'deviceName is required', 'deviceName');
    expect(error).toBeInstanceOf(Error);
    expect(WorkbenchIpcError.fromInfo(error.toInfo())).toMatchObject({
      code: 'INVALID_REQUEST',
      message: 'deviceName is required',
      field: 'deviceName',
    });
    expect(new WorkbenchIpcError('X', 'm').toInfo()).toEqual({ code: 'X', message: 'm' });
  });
});
