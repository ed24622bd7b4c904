import { DEFAULT_DB_NAME, WorkbenchDB, type IdbFactoryLike, type IndexedDbDeps } from './database';
import { SCHEMA_VERSION } from './migrations';

/** Outcome of {@link openWorkbenchDb}. */
export type OpenResult =
  | { ok: true; db: WorkbenchDB }
  | {
      ok: false;
      /** The database was written by a newer app: it was left untouched. */
      reason: 'newer-version';
      /** The schema version found on disk. */
      found: number;
      /** The newest schema version this app knows. */
      supported: number;
    }
  | { ok: false; reason: 'error'; message: string };

/** Options of {@link openWorkbenchDb}. */
export interface OpenOptions {
  /** Database name (default 'engagement-workbench'); tests use a unique one each. */
  name?: string;
  /** IndexedDB implementation (tests pass fake-indexeddb); the global one by default. */
  deps?: IndexedDbDeps;
}

/** Dexie stores version v as IndexedDB version v * 10. */
const DEXIE_VERSION_FACTOR = 10;

/** The IDBOpenDBRequest members the probe uses. */
interface ProbeRequest {
  result: { version: number; close(): void };
  transaction: { abort(): void } | null;
  error: { message?: string } | null;
  onsuccess: (() => void) | null;
  onerror: ((event: { preventDefault?: () => void }) => void) | null;
  onupgradeneeded: (() => void) | null;
}

/**
 * The IndexedDB version of a database without changing it; null when it does not exist.
 * Uses indexedDB.databases() when available; otherwise opens it without a version and, if it
 * did not exist, aborts the creation.
 */
export async function readInstalledVersion(
  factory: IdbFactoryLike,
  name: string,
): Promise<number | null> {
  if (typeof factory.databases === 'function') {
    const list = await factory.databases();
    const found = list.find((d) => d.name === name);
    return found?.version ?? null;
  }
  return new Promise((resolve, reject) => {
    const request = factory.open(name) as ProbeRequest;
    let created = false;
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = (event) => {
      event.preventDefault?.();
      if (created) resolve(null);
      else reject(new Error(request.error?.message ?? 'cannot read the database version'));
    };
  });
}

/** The global IndexedDB factory, if the environment has one. */
function globalFactory(): IdbFactoryLike | undefined {
  return (globalThis as { indexedDB?: IdbFactoryLike }).indexedDB;
}

/** The database's Dexie schema version from its IndexedDB version. */
const toSchemaVersion = (nativeVersion: number): number => nativeVersion / DEXIE_VERSION_FACTOR;

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Opens the app's database, creating or upgrading it as needed (migrations run in order).
 * A database whose on-disk version is newer than this app's schema is NOT opened, upgraded or
 * otherwise changed: the result says 'newer-version' (tell the user to update the app).
 * Never throws.
 */
export async function openWorkbenchDb(options: OpenOptions = {}): Promise<OpenResult> {
  const name = options.name ?? DEFAULT_DB_NAME;
  const factory = options.deps?.indexedDB ?? globalFactory();
  if (!factory) return { ok: false, reason: 'error', message: 'IndexedDB is not available' };
  let db: WorkbenchDB | undefined;
  try {
    const installed = await readInstalledVersion(factory, name);
    if (installed !== null && Math.floor(toSchemaVersion(installed)) > SCHEMA_VERSION) {
      return {
        ok: false,
        reason: 'newer-version',
        found: toSchemaVersion(installed),
        supported: SCHEMA_VERSION,
      };
    }
    db = new WorkbenchDB(name, options.deps);
    await db.open();
    return { ok: true, db };
  } catch (error) {
    db?.close();
    if (error instanceof Error && error.name === 'VersionError') {
      const installed = await readInstalledVersion(factory, name).catch(() => null);
      return {
        ok: false,
        reason: 'newer-version',
        found: installed === null ? Number.NaN : toSchemaVersion(installed),
        supported: SCHEMA_VERSION,
      };
    }
    return { ok: false, reason: 'error', message: describe(error) };
  }
}
