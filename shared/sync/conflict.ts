/**
 * A conflict kept for the user: two devices changed the same long text field concurrently.
 * Last-writer-wins picked `winner` (it is in the record); the losing value is kept here, never
 * dropped, until the user resolves it (keep mine / take theirs / merge by editing).
 */
export interface SyncConflict {
  /** `<losing change id>:<field>`: the same losing change can file the same conflict once only. */
  id: string;
  /** The engagement of the record. */
  engagementId: string;
  /** The record's entity, for example "note". */
  entity: string;
  /** The record's id. */
  recordId: string;
  /** The field both devices changed, for example "body". */
  field: string;
  /** The value that won (was in the record when the conflict was found). */
  winnerValue: unknown;
  /** HLC of the winning change. */
  winnerHlc: string;
  /** Device that made the winning change. */
  winnerDeviceId: string;
  /** Name of that device, when known. */
  winnerDeviceName?: string;
  /** The losing value, kept for review. */
  loserValue: unknown;
  /** HLC of the losing change. */
  loserHlc: string;
  /** Device that made the losing change. */
  loserDeviceId: string;
  /** Name of that device, when known. */
  loserDeviceName?: string;
  /** Who made the losing change, when known. */
  loserActor?: string;
  /** When this device found the conflict (UTC ISO). */
  detectedAt: string;
  /** open until the user decides; then resolved. */
  status: 'open' | 'resolved';
  /**
   * How it was resolved (keepMine, takeTheirs, merged; keepCurrent: the field had been edited
   * again since, for example resolved on another device, and that text was kept).
   */
  resolution?: 'keepMine' | 'takeTheirs' | 'merged' | 'keepCurrent';
  /** When it was resolved (UTC ISO). */
  resolvedAt?: string;
}

/** Table name of the conflicts (migration 004). */
export const SYNC_CONFLICTS_TABLE = 'syncConflicts';
/** Table name of the parked (not yet applicable) remote changes (migration 004). */
export const SYNC_PARKED_TABLE = 'syncParked';
/** Table name of the sync's key/value state (migration 004). */
export const SYNC_STATE_TABLE = 'syncState';
