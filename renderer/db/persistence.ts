/** Outcome of asking the browser to keep the app's storage. */
export type PersistenceOutcome = 'granted' | 'denied' | 'unsupported';

/** The part of the StorageManager used here. */
export interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

/** The browser's StorageManager, if any. */
function globalStorageManager(): StorageManagerLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;
}

/**
 * Asks the browser not to evict the app's IndexedDB data under storage pressure
 * (navigator.storage.persist()). Resolves to granted, denied or unsupported; never throws
 * (a failing call counts as denied). Already-persisted storage resolves to granted.
 */
export async function requestPersistentStorage(
  storage: StorageManagerLike | undefined = globalStorageManager(),
): Promise<PersistenceOutcome> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}
