import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SETTINGS_FILE_NAME,
  createSettingsStore,
} from '../../../electron/main/settings/settingsStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-template-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TEMPLATE = {
  letterhead: 'Morgan Advisory\n12 Quay Street',
  signature: 'Alex Morgan',
  responsibility: '',
  timeZone: 'Europe/Berlin',
  dateStyle: 'long' as const,
};

describe('memo template in the settings', () => {
  it('is saved, kept across reads, and leaves the other settings alone', async () => {
    const s = createSettingsStore({ dir });
    await s.update({ consultantName: 'Alex Morgan' });
    const after = await s.update({ memoTemplate: TEMPLATE });
    expect(after.memoTemplate).toEqual(TEMPLATE);
    expect(after.consultantName).toBe('Alex Morgan');
    const again = await createSettingsStore({ dir }).read();
    expect(again.memoTemplate).toEqual(TEMPLATE);
    const file = JSON.parse(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8')) as {
      memoTemplate?: unknown;
    };
    expect(file.memoTemplate).toEqual(TEMPLATE);
  });

  it('refuses an unknown zone, an unknown date style and extra fields', async () => {
    const s = createSettingsStore({ dir });
    await expect(
      s.update({ memoTemplate: { ...TEMPLATE, timeZone: 'Mars/Olympus' } }),
    ).rejects.toThrow();
    await expect(
      s.update({ memoTemplate: { ...TEMPLATE, dateStyle: 'short' as 'long' } }),
    ).rejects.toThrow();
    await expect(
      s.update({ memoTemplate: { ...TEMPLATE, logoUrl: 'https://x' } as typeof TEMPLATE }),
    ).rejects.toThrow();
    expect((await s.read()).memoTemplate).toBeUndefined();
  });
});
