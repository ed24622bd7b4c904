import type { ChangeRecord } from '../model/change';

/** What applying a batch of remote changes did (a summary of the store's ApplyResult). */
export interface ApplySummary {
  /** Changes recorded for the first time. */
  applied: number;
  /** Changes already known. */
  duplicates: number;
  /** Changes kept aside for a newer version. */
  parked: number;
  /** Malformed changes. */
  rejected: number;
  /** Conflicts filed for review. */
  conflicts: number;
  /** Devices whose clock is too far ahead (flagged, not adopted), with their drift in ms. */
  skewedDevices: { deviceId: string; driftMs: number }[];
  /**
   * Changes refused and parked with a reason (invalid, making their record invalid, changing an
   * issued memo): never stored; the engine should warn, naming the device.
   */
  refused?: { id: string; deviceId: string; reason: string }[];
  /**
   * Devices whose oldest kept-aside changes were dropped (over the store's cap): the engine
   * warns once per device, naming it.
   */
  parkedDropped?: { deviceId: string; dropped: number }[];
}

/** Options of one {@link SyncDatabase.apply} call. */
export interface ApplyCallOptions {
  /** Clamp limit for remote HLCs ahead of the local clock (ms); Infinity adopts any. */
  maxDriftMs?: number;
  /** Progress within the call. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The engine's view of the local database. The app's implementation is Dexie-backed
 * (renderer/db/sync/dexieSyncDatabase.ts); tests use the same one over fake-indexeddb.
 */
export interface SyncDatabase {
  /** This device's changes with afterSeq < seq <= toSeq (toSeq: no limit when omitted), seq order. */
  ownChanges(deviceId: string, afterSeq: number, toSeq?: number): Promise<ChangeRecord[]>;
  /** This device's last change sequence number (0 before the first write). */
  lastOwnSeq(deviceId: string): Promise<number>;
  /** Applies remote changes (idempotent, LWW per field); see applyChanges. */
  apply(changes: unknown[], options?: ApplyCallOptions): Promise<ApplySummary>;
  /** Reads a piece of sync state (JSON-able), undefined when never written. */
  getState<T>(key: string): Promise<T | undefined>;
  /** Stores a piece of sync state. */
  setState(key: string, value: unknown): Promise<void>;
  /**
   * The change records that still decide the current state (per record and field, the latest
   * change; create changes always kept), with their field lists trimmed to the fields they win.
   * Restricted to the given engagements when a list is passed. Used to write snapshots.
   */
  snapshotChanges(engagementIds?: readonly string[]): Promise<ChangeRecord[]>;
  /**
   * Moves this device's changes that are NOT in `shipped` from `oldId` to `newId`, with new
   * sequence numbers from 1 (a duplicated device id: the changes are re-issued under the new id).
   * Resolves to the number moved.
   */
  reassignDevice(oldId: string, newId: string, shipped: ReadonlySet<string>): Promise<number>;
  /** Which of these change ids are in the local change log. */
  knownChangeIds(ids: readonly string[]): Promise<Set<string>>;
  /** Retries changes parked for a newer version; resolves to the number now applied. */
  retryParked(): Promise<number>;
}
