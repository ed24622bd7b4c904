import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { newId } from '../../../shared/ids';
import { entityNames, entityTables } from '../../../shared/model/registry';
import type { BlobCrypto } from '../../../shared/sync/blobCrypto';
import type { SyncFolder } from '../../../shared/sync/folder';
import {
  createSyncEngine,
  type SyncEngine,
  type SyncReport,
  type SyncTuning,
} from '../../../shared/sync/engine';
import { newSecretKey, signerFromSecret, type DeviceSigner } from '../../../shared/sync/identity';
import { createNodeFolder } from '../../../electron/main/sync/nodeFolder';
import { openWorkbenchDb } from '../../../renderer/db/open';
import type { WorkbenchDB } from '../../../renderer/db/database';
import { createStore, type WorkbenchStore } from '../../../renderer/db/repositories/store';
import { createDexieSyncDatabase } from '../../../renderer/db/sync/dexieSyncDatabase';
import { createDexieBlobStore } from '../../../renderer/db/sync/dexieBlobStore';

/** A temporary folder, removed by cleanup(). */
export async function tempDir(prefix = 'ews-sync-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A clock the test moves by hand; each call to now() adds `stepMs`. */
export function manualClock(startIso: string, stepMs = 1) {
  let t = Date.parse(startIso);
  return {
    now: () => {
      const d = new Date(t);
      t += stepMs;
      return d;
    },
    advance: (ms: number) => {
      t += ms;
    },
    set: (iso: string) => {
      t = Date.parse(iso);
    },
    peek: () => t,
  };
}

/** One simulated device: its own IndexedDB, store, engine and view of the shared folder. */
export interface Device {
  name: string;
  db: WorkbenchDB;
  store: WorkbenchStore;
  engine: SyncEngine;
  clock: ReturnType<typeof manualClock>;
  folder: SyncFolder;
  /** Its device key (null: none). */
  signer: DeviceSigner | null;
  /** Rebuilds the store after a device id change. */
  refreshStore(): void;
  sync: SyncEngine['sync'];
}

const openDbs: WorkbenchDB[] = [];

/** The recovery key of each folder set up by a test device (by root path or folder object). */
const recoveryKeys = new Map<string | SyncFolder, string>();

/** A device key held in memory (main keeps it in the app). */
export async function testSigner(): Promise<DeviceSigner> {
  return signerFromSecret(newSecretKey());
}

/** Creates a device syncing with `root` (or a given SyncFolder). */
export async function makeDevice(
  rootOrFolder: string | SyncFolder,
  options: {
    name: string;
    deviceId?: string;
    start?: string;
    tuning?: SyncTuning;
    engagementIds?: string[];
    maxDriftMs?: number;
    /** The device key; a fresh one by default, null for none (unsigned folders only). */
    signer?: DeviceSigner | null;
    /**
     * Approve this device with the folder's recovery key on its first round [true]: the
     * harness plays the user who keeps the recovery key (hostile tests say false).
     */
    approve?: boolean;
    /** Move attachment bytes too (the app always does) [false]. */
    blobs?: boolean;
    /** The blob step's per-file cryptography (the app passes a worker); inline by default. */
    blobCrypto?: BlobCrypto;
  },
): Promise<Device> {
  const clock = manualClock(options.start ?? '2026-03-02T09:00:00.000Z');
  const opened = await openWorkbenchDb({
    name: `sync-${options.name}-${newId()}`,
    deps: { indexedDB, IDBKeyRange },
  });
  if (!opened.ok) throw new Error('cannot open db');
  const db = opened.db;
  openDbs.push(db);
  const folder = typeof rootOrFolder === 'string' ? createNodeFolder(rootOrFolder) : rootOrFolder;
  let engineRef: SyncEngine | null = null;
  const initialId = options.deviceId ?? newId();
  const syncDb = createDexieSyncDatabase({
    db,
    deviceId: () => engineRef?.deviceId() ?? initialId,
    now: clock.now,
    ...(options.maxDriftMs !== undefined ? { maxDriftMs: options.maxDriftMs } : {}),
  });
  const signer = options.signer === undefined ? await testSigner() : options.signer;
  const engine = createSyncEngine({
    db: syncDb,
    folder,
    ...(signer ? { signer } : {}),
    deviceId: initialId,
    deviceName: options.name,
    actor: `${options.name} user`,
    now: clock.now,
    ...(options.engagementIds ? { engagementIds: options.engagementIds } : {}),
    ...(options.blobs ? { blobs: createDexieBlobStore(db) } : {}),
    ...(options.blobCrypto ? { blobCrypto: options.blobCrypto } : {}),
    ...options.tuning,
  });
  engineRef = engine;
  let approved = options.approve === false;
  const sync: SyncEngine['sync'] = async (progress) => {
    const recovery = recoveryKeys.get(rootOrFolder);
    if (!approved && recovery !== undefined) {
      engine.queueRecoveryKey(recovery);
      approved = true;
    }
    const report: SyncReport = await engine.sync(progress);
    if (report.recoveryKey !== undefined) {
      recoveryKeys.set(rootOrFolder, report.recoveryKey);
      approved = true;
    }
    return report;
  };
  const device: Device = {
    name: options.name,
    db,
    engine,
    clock,
    folder,
    signer,
    store: createStore({ db, deviceId: initialId, deviceName: options.name, now: clock.now }),
    refreshStore() {
      device.store = createStore({
        db,
        deviceId: engine.deviceId(),
        deviceName: options.name,
        now: clock.now,
      });
    },
    sync,
  };
  return device;
}

/** Lets devices of `to` approve themselves with the recovery key of the folder at `from`. */
export function shareRecoveryKey(from: string | SyncFolder, to: string | SyncFolder): void {
  const key = recoveryKeys.get(from);
  if (key !== undefined) recoveryKeys.set(to, key);
}

/** Closes every database opened by makeDevice. */
export function closeAll(): void {
  for (const db of openDbs.splice(0)) db.close();
}

/** Every record of every entity table, without updatedAt, sorted: what must converge. */
export async function dataOf(device: Device): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const entity of entityNames) {
    const rows = await device.db.table(entityTables[entity]).toArray();
    out[entity] = rows
      .map((row: Record<string, unknown>) => {
        const { updatedAt: _ignored, ...rest } = row;
        return rest;
      })
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }
  return out;
}

/** Total number of records (deleted ones included) of a device. */
export async function recordCount(device: Device): Promise<number> {
  let n = 0;
  for (const entity of entityNames) n += await device.db.table(entityTables[entity]).count();
  return n;
}

/** Number of tombstoned records of a device. */
export async function deletedCount(device: Device): Promise<number> {
  let n = 0;
  for (const entity of entityNames) {
    n += (await device.db.table(entityTables[entity]).toArray()).filter(
      (r: { deletedAt?: unknown }) => r.deletedAt,
    ).length;
  }
  return n;
}

/** Copies a folder tree (a "backup" of the sync folder). */
export async function copyTree(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await cp(from, to, { recursive: true });
}

export const engagement = {
  client: 'Northwind Learning',
  title: 'Database operations review',
  code: 'NWL',
};
