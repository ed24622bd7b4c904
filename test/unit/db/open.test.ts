import { afterEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { entityTables } from '../../../shared/model/registry';
import type { IdbFactoryLike, WorkbenchDB } from '../../../renderer/db/database';
import { SCHEMA_VERSION, migrations } from '../../../renderer/db/migrations';
import { openWorkbenchDb, readInstalledVersion } from '../../../renderer/db/open';
import { createStore } from '../../../renderer/db/repositories/store';
import { DEVICE_ID, deps, engagementInput, uniqueDbName } from './helpers';

const opened: WorkbenchDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** The parts of a raw IndexedDB request and connection these tests use. */
interface RawRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface RawDb {
  version: number;
  objectStoreNames: Iterable<string>;
  transaction(
    store: string,
    mode: 'readonly',
  ): { objectStore(name: string): { getAll(): RawRequest<unknown[]> } };
  close(): void;
}

/** Opens a database with the raw API, at whatever version it has. */
function rawOpen(name: string): Promise<RawDb> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name) as RawRequest<RawDb>;
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function rawGetAll(db: RawDb, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = db.transaction(store, 'readonly').objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Creates a database as a newer app would: a higher version, a store we do not know, data. */
function createNewerDb(name: string, nativeVersion: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, nativeVersion);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('engagements', { keyPath: 'id' }).put({ id: 'e1', client: 'Future' });
      db.createObjectStore('memos', { keyPath: 'id' }).put({ id: 'm1', body: 'from the future' });
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('openWorkbenchDb', () => {
  it('creates a new database at the current schema with every table', async () => {
    const name = uniqueDbName();
    const result = await openWorkbenchDb({ name, deps });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    opened.push(result.db);
    expect(result.db.verno).toBe(SCHEMA_VERSION);
    const tables = result.db.tables.map((t) => t.name).sort();
    const declared = new Set<string>();
    for (const m of migrations) {
      for (const [table, spec] of Object.entries(m.stores)) {
        if (spec === null) declared.delete(table);
        else declared.add(table);
      }
    }
    expect(tables).toEqual([...declared].sort());
    for (const table of [...Object.values(entityTables), 'changes', 'meta'])
      expect(tables).toContain(table);
    expect(await readInstalledVersion(indexedDB, name)).toBe(SCHEMA_VERSION * 10);
  });

  it('reopens an existing database with its data', async () => {
    const name = uniqueDbName();
    const first = await openWorkbenchDb({ name, deps });
    if (!first.ok) throw new Error('open failed');
    const store = createStore({ db: first.db, deviceId: DEVICE_ID });
    const e = await store.engagements.create(engagementInput);
    first.db.close();

    const again = await openWorkbenchDb({ name, deps });
    if (!again.ok) throw new Error('reopen failed');
    opened.push(again.db);
    expect(await again.db.engagements.get(e.id)).toEqual(e);
    expect(await again.db.changes.count()).toBe(1);
  });

  it.each([
    ['with indexedDB.databases()', (f: IdbFactoryLike) => f],
    [
      'without indexedDB.databases() (probe)',
      (f: IdbFactoryLike): IdbFactoryLike => ({ open: (n, v) => f.open(n, v) }),
    ],
  ])('refuses a database from a newer app and leaves it untouched, %s', async (_label, wrap) => {
    const name = uniqueDbName();
    const newerNative = (SCHEMA_VERSION + 1) * 10;
    await createNewerDb(name, newerNative);

    const result = await openWorkbenchDb({
      name,
      deps: { indexedDB: wrap(indexedDB), IDBKeyRange },
    });
    expect(result).toEqual({
      ok: false,
      reason: 'newer-version',
      found: SCHEMA_VERSION + 1,
      supported: SCHEMA_VERSION,
    });

    const raw = await rawOpen(name);
    try {
      expect(raw.version).toBe(newerNative);
      expect([...raw.objectStoreNames].sort()).toEqual(['engagements', 'memos']);
      expect(await rawGetAll(raw, 'engagements')).toEqual([{ id: 'e1', client: 'Future' }]);
      expect(await rawGetAll(raw, 'memos')).toEqual([{ id: 'm1', body: 'from the future' }]);
    } finally {
      raw.close();
    }
  });

  it('probing a database that does not exist does not create it', async () => {
    const name = uniqueDbName();
    const probeOnly: IdbFactoryLike = { open: (n, v) => indexedDB.open(n, v) };
    expect(await readInstalledVersion(probeOnly, name)).toBeNull();
    expect(await readInstalledVersion(indexedDB, name)).toBeNull(); // via databases()
    const result = await openWorkbenchDb({ name, deps: { indexedDB: probeOnly, IDBKeyRange } });
    expect(result.ok).toBe(true);
    if (result.ok) opened.push(result.db);
  });

  it('reports other failures as an error result instead of throwing', async () => {
    const broken: IdbFactoryLike = {
      open: () => {
        throw new Error('disk on fire');
      },
      databases: async () => [],
    };
    const result = await openWorkbenchDb({
      name: uniqueDbName(),
      deps: { indexedDB: broken, IDBKeyRange },
    });
    expect(result).toEqual({ ok: false, reason: 'error', message: 'disk on fire' });
  });
});
