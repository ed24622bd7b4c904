import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from '../../../renderer/db/persistence';

describe('requestPersistentStorage', () => {
  it('reports granted or denied from navigator.storage.persist()', async () => {
    let asked = 0;
    const grant = { persist: async () => (asked++, true), persisted: async () => false };
    expect(await requestPersistentStorage(grant)).toBe('granted');
    expect(asked).toBe(1);
    expect(await requestPersistentStorage({ persist: async () => false })).toBe('denied');
  });

  it('does not ask again when storage is already persistent', async () => {
    let asked = 0;
    const already = { persist: async () => (asked++, false), persisted: async () => true };
    expect(await requestPersistentStorage(already)).toBe('granted');
    expect(asked).toBe(0);
  });

  it('reports unsupported without a StorageManager, and denied instead of throwing', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
    expect(await requestPersistentStorage({})).toBe('unsupported');
    const failing = {
      persist: async (): Promise<boolean> => {
        throw new Error('not allowed');
      },
    };
    expect(await requestPersistentStorage(failing)).toBe('denied');
  });
});
