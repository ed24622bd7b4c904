import type { WorkbenchClient } from '@shared/ipc/client';
import type { SyncScope } from '@shared/sync/ipcSchemas';
import {
  createSyncEngine,
  type SyncEngine,
  type SyncProgress,
  type SyncReport,
} from '@shared/sync/engine';
import type { WorkbenchDB } from '../../../db';
import { createDexieSyncDatabase } from '../../../db/sync/dexieSyncDatabase';
import { createDexieBlobStore } from '../../../db/sync/dexieBlobStore';
import { verifiedRoster } from '@shared/memo/rosterDevices';
import { provideSyncRoster } from '../../lib/syncRoster';
import { holdBusy } from '../../lib/userActivity';
import { createIpcFolder } from './ipcFolder';
import { deviceSigner } from './deviceSigner';
import { blobCryptoInWorker } from './blobCryptoInWorker';
import { inflateInWorker } from './inflateInWorker';
import type { DeviceSigner } from '@shared/sync/identity';

/**
 * How often a sync round runs while the app is open: the periodic check is the rule (a file
 * watcher would only be a hint, and cloud folders often do not raise events). A round with
 * nothing new costs a handful of small reads (measured under 50 ms), so checking every 1.5 s
 * keeps an edit from another device on screen within 2 s of its file arriving.
 */
export const SYNC_INTERVAL_MS = 1_500;

/**
 * The session of "all engagements" on a device that has none yet (a fresh installation joining
 * its owner's or a teammate's folder). Main keys the folder for all engagements as "*" whatever
 * engagement id it is asked with, so this reserved id (the nil UUID, which no record has) reaches
 * it; once engagements exist, their sessions share the same engine (see engineOf).
 */
export const ALL_ENGAGEMENTS_SESSION = '00000000-0000-0000-0000-000000000000';

/** What the Sync tab shows. */
export interface SyncSessionState {
  /** The chosen folder, null when none; undefined while loading. */
  folder: { path: string; scope: SyncScope } | null | undefined;
  /** True while a round runs. */
  running: boolean;
  /** Progress of the running round. */
  progress: SyncProgress | null;
  /** The last round's report. */
  report: SyncReport | null;
  /** When the last round that reached the folder finished (ISO). */
  lastSyncAt: string | null;
  /** A failure outside the engine (IPC...). */
  error: string | null;
  /** The recovery key of a folder this device just set up: shown until dismissed, never kept. */
  recoveryKey: string | null;
  /** How this device's key is kept: by the OS (safeStorage), or in a file (no OS store). */
  keyProtection: 'os' | 'file' | null;
}

/** What a session needs from the app. */
export interface SyncSessionDeps {
  db: WorkbenchDB;
  client: WorkbenchClient;
  deviceId: string;
  deviceName?: string;
  actor?: string;
  /** Called when this installation took a fresh device id (the app reloads its store). */
  onDeviceIdChanged?: (deviceId: string) => void;
}

/** The sync of one engagement: its folder, its engine, its status. */
export interface SyncSession {
  getState(): SyncSessionState;
  subscribe(listener: () => void): () => void;
  /** Reads the chosen folder from main. */
  refreshFolder(): Promise<void>;
  /** Shows the folder dialog; resolves true when a folder was chosen. */
  chooseFolder(scope: SyncScope): Promise<boolean>;
  /** Stops syncing this engagement with the folder (nothing is deleted). */
  forgetFolder(): Promise<void>;
  /** Runs a round now (joins a running one). */
  syncNow(): Promise<SyncReport | null>;
  /** Tries a passphrase for an encrypted folder (a round runs; its report says if it fit). */
  unlock(passphrase: string): Promise<SyncReport | null>;
  /** Encrypts the folder with a new passphrase. */
  enableEncryption(passphrase: string): Promise<SyncReport | null>;
  /** Turns the folder's encryption off (this device's signed decision; every device follows). */
  disableEncryption(): Promise<SyncReport | null>;
  /** Re-wraps the folder's key under a new passphrase. */
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<SyncReport | null>;
  /** Approves a device waiting to join the folder. */
  approveDevice(deviceId: string): Promise<SyncReport | null>;
  /** Removes a device: its later writes are ignored. */
  removeDevice(deviceId: string): Promise<SyncReport | null>;
  /** Approves this device with the folder's recovery key. */
  approveWithRecoveryKey(recoveryKey: string): Promise<SyncReport | null>;
  /** Forgets the recovery key shown after setting the folder up. */
  dismissRecoveryKey(): void;
  /** Upgrades an unsigned folder to a signed one (device keys, approvals). */
  upgradeFolder(): Promise<SyncReport | null>;
  /** Starts the periodic rule (idempotent). */
  start(): void;
  /** Stops the timer. */
  stop(): void;
}

/** A round applying or publishing at least this many changes holds the daily backup back. */
const BUSY_MIN_CHANGES = 1_000;

/** Engines by device, scope and folder (see engineOf). */
const engines = new Map<string, SyncEngine>();

const LAST_SYNC_KEY = (engagementId: string) => `ui:lastSync:${engagementId}`;

/** Creates the session of one engagement. */
export function createSyncSession(deps: SyncSessionDeps, engagementId: string): SyncSession {
  let state: SyncSessionState = {
    folder: undefined,
    running: false,
    progress: null,
    report: null,
    lastSyncAt: null,
    error: null,
    recoveryKey: null,
    keyProtection: null,
  };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<SyncSessionState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };
  let engine: SyncEngine | null = null;
  let engineFor: string | null = null;
  let passphrase: string | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let lastProgressAt = 0;
  let quietRound = false;
  /** Held while a round applies or publishes changes: the daily backup waits for it. */
  let releaseBusy: (() => void) | null = null;

  /** This installation's key, through main (which keeps the secret and signs). */
  let signer: Promise<DeviceSigner> | null = null;
  const signerOf = (): Promise<DeviceSigner> =>
    (signer ??= deviceSigner(deps.client, (protection) => set({ keyProtection: protection })));

  async function engineOf(folder: { path: string; scope: SyncScope }): Promise<SyncEngine> {
    // One engine per folder: the sessions of all engagements sharing the "all" folder share it.
    const key = `${deps.deviceId}:${folder.scope}:${folder.path}:${folder.scope === 'engagement' ? engagementId : '*'}`;
    if (engine && engineFor === key) return engine;
    const shared = engines.get(key);
    if (shared) {
      engine = shared;
      engineFor = key;
      if (passphrase !== null) engine.setPassphrase(passphrase);
      return engine;
    }
    let current = deps.deviceId;
    const deviceSigner = await signerOf();
    const again = engines.get(key); // another session made it while the key was fetched
    if (again) {
      engine = again;
      engineFor = key;
      return engine;
    }
    engine = createSyncEngine({
      db: createDexieSyncDatabase({ db: deps.db, deviceId: () => current }),
      folder: createIpcFolder(deps.client, engagementId),
      blobs: createDexieBlobStore(deps.db),
      signer: deviceSigner,
      inflate: inflateInWorker,
      blobCrypto: blobCryptoInWorker,
      pinKey: `${folder.path}\u0000${folder.scope === 'engagement' ? engagementId : '*'}`,
      deviceId: deps.deviceId,
      ...(deps.deviceName ? { deviceName: deps.deviceName } : {}),
      ...(deps.actor ? { actor: deps.actor } : {}),
      ...(folder.scope === 'engagement' ? { engagementIds: [engagementId] } : {}),
      regenerateDeviceId: async () => {
        current = (await deps.client.call('sync.device.regenerate', {})).deviceId;
        return current;
      },
    });
    engineFor = key;
    engines.set(key, engine);
    if (passphrase !== null) engine.setPassphrase(passphrase);
    return engine;
  }

  /**
   * Runs a round. A periodic (quiet) round shows "Syncing…" and the progress bar only once it
   * has real work (applying or publishing changes), so the screen does not flicker every 1.5 s.
   */
  async function run(
    task: (engine: SyncEngine) => Promise<SyncReport>,
    quiet = false,
  ): Promise<SyncReport | null> {
    if (state.folder === undefined) await session.refreshFolder();
    const folder = state.folder;
    if (!folder) return null;
    quietRound = quiet;
    if (!quiet) set({ running: true, progress: null, error: null });
    try {
      const report = await task(await engineOf(folder));
      if (report.recoveryKey) set({ recoveryKey: report.recoveryKey });
      const reached = report.status === 'ok';
      const lastSyncAt = reached ? new Date().toISOString() : state.lastSyncAt;
      if (reached)
        await deps.db
          .table('syncState')
          .put({ key: LAST_SYNC_KEY(engagementId), value: lastSyncAt });
      set({ running: false, progress: null, report, lastSyncAt, error: null });
      if (report.deviceIdChanged) deps.onDeviceIdChanged?.(report.deviceIdChanged.to);
      return report;
    } catch (error) {
      set({
        running: false,
        progress: null,
        error: error instanceof Error ? error.message : String(error),
      });
      return null;
    } finally {
      releaseBusy?.();
      releaseBusy = null;
    }
  }

  const onProgress = (progress: SyncProgress) => {
    // Every round checks and reads heads; only applying or publishing many changes is heavy (an
    // idle round, or one re-reading a few changes past a gap, must not hold the backup back).
    const heavy = progress.phase === 'applying' || progress.phase === 'writing';
    if (heavy && progress.total >= BUSY_MIN_CHANGES) releaseBusy ??= holdBusy();
    if (quietRound) {
      if (progress.phase !== 'applying' && progress.phase !== 'writing') return;
      quietRound = false;
      set({ running: true, error: null });
    }
    const now = Date.now();
    if (now - lastProgressAt < 100 && progress.done !== progress.total) return;
    lastProgressAt = now;
    set({ progress });
  };

  const session: SyncSession = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async refreshFolder() {
      try {
        const info = await deps.client.call('sync.folder.get', { engagementId });
        const last = await deps.db.table('syncState').get(LAST_SYNC_KEY(engagementId));
        set({
          folder: info.path && info.scope ? { path: info.path, scope: info.scope } : null,
          lastSyncAt: typeof last?.value === 'string' ? last.value : state.lastSyncAt,
        });
      } catch (error) {
        set({ folder: null, error: error instanceof Error ? error.message : String(error) });
      }
    },
    async chooseFolder(scope) {
      const answer = await deps.client.call('sync.folder.choose', { engagementId, scope });
      if (answer.canceled) return false;
      engine = null;
      set({ folder: { path: answer.path, scope: answer.scope }, report: null });
      void session.syncNow();
      return true;
    },
    async forgetFolder() {
      const scope = state.folder?.scope ?? 'engagement';
      await deps.client.call('sync.folder.forget', { engagementId, scope });
      engine = null;
      set({ folder: null, report: null });
      await session.refreshFolder();
    },
    syncNow: () => run((e) => e.sync(onProgress)),
    unlock(value) {
      passphrase = value;
      engine?.setPassphrase(value);
      return run((e) => {
        e.setPassphrase(value);
        return e.sync(onProgress);
      });
    },
    enableEncryption(value) {
      passphrase = value;
      return run((e) => e.enableEncryption(value));
    },
    disableEncryption: () => run((e) => e.disableEncryption()),
    changePassphrase(oldValue, newValue) {
      return run(async (e) => {
        const report = await e.changePassphrase(oldValue, newValue);
        passphrase = newValue;
        return report;
      });
    },
    approveDevice: (deviceId) => run((e) => e.approveDevice(deviceId)),
    removeDevice: (deviceId) => run((e) => e.removeDevice(deviceId)),
    approveWithRecoveryKey: (text) => run((e) => e.approveWithRecoveryKey(text)),
    dismissRecoveryKey: () => set({ recoveryKey: null }),
    upgradeFolder: () => run((e) => e.upgradeFolder()),
    start() {
      if (timer) return;
      void session.refreshFolder().then(() => session.syncNow());
      timer = setInterval(() => void run((e) => e.sync(onProgress), true), SYNC_INTERVAL_MS);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
  return session;
}

const sessions = new Map<string, SyncSession>();

/** The one session of an engagement (created on first use). */
export function syncSessionFor(deps: SyncSessionDeps, engagementId: string): SyncSession {
  const key = `${deps.deviceId}:${engagementId}`;
  let session = sessions.get(key);
  if (!session) sessions.set(key, (session = createSyncSession(deps, engagementId)));
  return session;
}

/**
 * Runs a round now for every engagement that syncs with a folder (menu "Sync now", F9, and the
 * main process's hint that a folder changed). Rounds already running are joined, not doubled.
 */
export async function syncAllNow(): Promise<void> {
  const rounds = [...sessions.values()]
    .filter((session) => session.getState().folder)
    .map((session) => session.syncNow().catch(() => null));
  await Promise.all(rounds);
}

// Verify (the Memos tab) names the device that signed a memo by the roster this window's engine
// verified: the engagement's session gives it (a round runs when none ran yet).
provideSyncRoster(async (engagementId) => {
  const session = [...sessions].find(([key]) => key.endsWith(`:${engagementId}`))?.[1];
  return session ? verifiedRoster(session) : [];
});
