import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { newId } from '../../../shared/ids';
import type { IndexedDbDeps } from '../../../renderer/db/database';
import { openWorkbenchDb } from '../../../renderer/db/open';
import { createStore, type WorkbenchStore } from '../../../renderer/db/repositories/store';
import type { WorkbenchDB } from '../../../renderer/db/database';

/** fake-indexeddb, passed explicitly so nothing global is patched. */
export const deps: IndexedDbDeps = { indexedDB, IDBKeyRange };

let counter = 0;
/** A database name no other test uses. */
export function uniqueDbName(prefix = 'test'): string {
  counter += 1;
  return `${prefix}-${counter}-${newId()}`;
}

/** A controllable clock returning Dates; starts at 2026-03-02T09:00:00.000Z, +1s per call by default. */
export function steppingClock(startIso = '2026-03-02T09:00:00.000Z', stepMs = 1_000) {
  let t = Date.parse(startIso);
  const clock = {
    now: () => {
      const d = new Date(t);
      t += stepMs;
      return d;
    },
    /** Moves the clock to an instant (the next call returns it). */
    set: (iso: string) => {
      t = Date.parse(iso);
    },
  };
  return clock;
}

export const DEVICE_ID = '0195a000-0000-7000-8000-0000000000d1';
export const OTHER_DEVICE_ID = '0195a000-0000-7000-8000-0000000000d2';

/** Opens a fresh database and a store on it. */
export async function openTestStore(
  options: { deviceId?: string; now?: () => Date; hashBlob?: (blob: Blob) => Promise<string> } = {},
): Promise<{ db: WorkbenchDB; store: WorkbenchStore; name: string }> {
  const name = uniqueDbName();
  const result = await openWorkbenchDb({ name, deps });
  if (!result.ok) throw new Error(`cannot open test db: ${JSON.stringify(result)}`);
  const store = createStore({
    db: result.db,
    deviceId: options.deviceId ?? DEVICE_ID,
    deviceName: 'Work laptop',
    actor: 'Dana Whitfield',
    now: options.now ?? steppingClock().now,
    ...(options.hashBlob ? { hashBlob: options.hashBlob } : {}),
  });
  return { db: result.db, store, name };
}

/** A minimal valid engagement input. */
export const engagementInput = {
  client: 'Northwind Learning',
  title: 'Database operations review',
  code: 'NWL',
};

/**
 * Every change of the log in sequence order (the tests' stores write from one device, so its
 * `[deviceId+seq]` order is the order of the writes; the change log has no `seq` index alone).
 */
export async function bySeqOrder(db: WorkbenchDB) {
  return (await db.changes.toArray()).sort((a, b) => a.seq - b.seq);
}
