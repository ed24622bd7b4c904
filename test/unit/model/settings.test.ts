import { describe, expect, it } from 'vitest';
import { settingsPatchSchema, settingsSchema } from '@shared/model/settings';

describe('settings', () => {
  it('a partial patch keeps the omitted fields omitted (never resets them to defaults)', () => {
    expect(settingsPatchSchema.parse({ deviceName: ' Desk PC ' })).toEqual({
      deviceName: 'Desk PC',
    });
    expect(settingsPatchSchema.parse({})).toEqual({});
  });

  it('refuses unknown fields, the device id and an empty device name', () => {
    expect(
      settingsPatchSchema.safeParse({ deviceId: '0195a000-0000-7000-8000-0000000000d1' }).success,
    ).toBe(false);
    expect(settingsPatchSchema.safeParse({ deviceName: '   ' }).success).toBe(false);
  });

  it('fills defaults on a stored settings file that lacks fields', () => {
    const parsed = settingsSchema.parse({ deviceId: '0195a000-0000-7000-8000-0000000000d1' });
    expect(parsed).toMatchObject({
      consultantName: '',
      consultantFirm: '',
      deviceName: 'This device',
    });
  });
});
