/**
 * The engine's public types: its options, what a round reports, and the engine itself.
 */
import type { ReadPolicy } from '../fileReader';
import type { SyncDatabase } from '../database';
import type { SyncFolder } from '../folder';
import type { DeviceSigner } from '../identity';
import type { KeyStanding } from '../roster';
import type { BlobCrypto } from '../blobCrypto';
import type { SyncBlobStore } from '../blobs';

/** Tunables of the engine (defaults in brackets). */
export interface SyncTuning {
  /** Change lines per segment before a new one starts [2,000]. */
  segmentMaxLines?: number;
  /** Bytes per segment before a new one starts [1 MiB]. */
  segmentMaxBytes?: number;
  /** Write a snapshot once this many own segments exist [8]. */
  snapshotAfterSegments?: number;
  /** Remove own segments covered by a snapshot once it has been visible this long [14 days]. */
  compactAfterMs?: number;
  /** Changes per apply call [5,000]. */
  applyBatch?: number;
  /** How far ahead of this device's clock a remote HLC may be before it is clamped [1 h]. */
  maxDriftMs?: number;
  /**
   * The format a folder this engine sets up is created with [FORMAT_VERSION]: 1 writes plain
   * lines (tests of how plain files are read), 2 gzips segments and snapshots.
   */
  newFolderFormat?: 1 | 2 | 3;
  /**
   * Check every signature of a signed folder [true]. False only for the benchmark's comparison
   * run: signatures are then stripped unchecked (never in the app).
   */
  verifySignatures?: boolean;
  /** Attachment bytes moved per direction in one round [512 MiB] (engine/blobs.ts). */
  blobBytesPerRound?: number;
}

/** Options of {@link createSyncEngine}. */
export interface SyncEngineOptions extends SyncTuning {
  /** The local database. */
  db: SyncDatabase;
  /** The shared folder. */
  folder: SyncFolder;
  /** This device's id. */
  deviceId: string;
  /** This device's name, published in its head file. */
  deviceName?: string;
  /** The consultant's name, published in the head file. */
  actor?: string;
  /** The engagements this folder carries; every engagement when omitted. */
  engagementIds?: readonly string[];
  /** The wall clock. */
  now?: () => Date;
  /**
   * Called when another installation is found writing under this device's id (a copied profile,
   * a restored backup): must give this installation a fresh id (and store it) and return it.
   */
  regenerateDeviceId?: () => Promise<string>;
  /**
   * This device's key (main signs; the secret never reaches the engine). Required to set up or
   * write a signed folder (format 3); a new folder is created signed when it is given.
   */
  signer?: DeviceSigner;
  /**
   * What this device remembers about the folder (its id, that it is encrypted and with which
   * key, its recovery key) is kept under this key: the folder's path in the app.
   */
  pinKey?: string;
  /** Decompression of segments and snapshots (the app: in a Web Worker); inline by default. */
  inflate?: ReadPolicy['inflate'];
  /** The attachment bytes (engine/blobs.ts); without it only the records travel. */
  blobs?: SyncBlobStore;
  /** Opens, checks and seals attachment bytes (the app: in a worker); inline by default. */
  blobCrypto?: BlobCrypto;
}

/** A problem met during a round. */
export interface SyncWarning {
  /** What happened. */
  code:
    | 'clock-skew'
    | 'chain-broken'
    | 'peer-rolled-back'
    | 'own-files-restored'
    | 'unreadable-file'
    | 'tampered-file'
    | 'bad-lines'
    | 'fs-error'
    | 'parked'
    | 'parked-dropped'
    | 'refused-change'
    | 'duplicate-device-id'
    | 'bad-signature'
    | 'unsealed-file'
    | 'too-large'
    | 'too-many-files'
    | 'foreign-change'
    | 'out-of-scope'
    | 'device-waiting'
    | 'device-removed'
    | 'device-key-changed'
    | 'encryption-off'
    | 'encryption-off-refused'
    | 'unreferenced-file';
  /** The device concerned, if any. */
  deviceId?: string;
  /** The file concerned, if any. */
  path?: string;
  /** A sentence for the user. */
  message: string;
}

/** A device publishing in the folder, as the UI shows it. */
export interface PeerInfo {
  /** Its id. */
  deviceId: string;
  /** Its name. */
  deviceName?: string;
  /** Who uses it. */
  actor?: string;
  /** Position of its last published change. */
  published: number;
  /** How far this device has read it. */
  read: number;
  /** When it last wrote its head (its clock). */
  writtenAt?: string;
  /** True for this device. */
  self: boolean;
  /** Signed folders: the short fingerprint of its key, to compare by eye. */
  fingerprint?: string;
  /** Signed folders: its key (base64), from its verified device.json. */
  publicKey?: string;
  /** Signed folders: approved, waiting for approval (pending), or removed. */
  standing?: KeyStanding['status'];
  /** Signed folders: who approved it (device names, or "recovery key"). */
  approvedBy?: string[];
  /** Signed folders: when it joined (its clock). */
  joinedAt?: string;
  /** Signed folders: when it was first approved (the approver's signed statement and clock). */
  approvedAt?: string;
  /** Signed folders, a removed device: when it was first removed (the remover's clock). */
  removedAt?: string;
}

/** Progress of a running round. */
export interface SyncProgress {
  /** What the round is doing. */
  phase: 'checking' | 'reading' | 'applying' | 'writing' | 'compacting' | 'attachments';
  /** Units done and total (changes or files) in this phase. */
  done: number;
  /** Total. */
  total: number;
}

/** Outcome of one round. */
export interface SyncReport {
  /** ok, or why nothing (or not everything) happened. */
  status:
    | 'ok'
    | 'offline'
    | 'locked'
    | 'wrong-passphrase'
    | 'unsupported-format'
    | 'keys-missing'
    | 'folder-changed'
    | 'failed';
  /** A sentence for the user when not ok. */
  message?: string;
  /** Own changes published this round. */
  sent: number;
  /** Remote changes applied for the first time. */
  received: number;
  /** Remote changes already known. */
  duplicates: number;
  /** Remote changes kept aside for a newer version. */
  parked: number;
  /** Conflicts filed for review. */
  conflicts: number;
  /** Every device in the folder (this one included). */
  peers: PeerInfo[];
  /** Problems met. */
  warnings: SyncWarning[];
  /** Set when this installation took a fresh device id (duplicate detected). */
  deviceIdChanged?: { from: string; to: string };
  /** True when nothing new was read or written. */
  idle: boolean;
  /** True when the folder is encrypted. */
  encrypted: boolean;
  /** True when the folder is signed (format 3: device keys and a roster). */
  signed?: boolean;
  /** Signed folders: this device is not approved yet (nothing it writes is applied by others). */
  waitingForApproval?: boolean;
  /**
   * Set once, on the round that set the folder up: the recovery key to print or store. It is
   * not kept anywhere by the app.
   */
  recoveryKey?: string;
  /** Files in the folder written by this engine's format (segments, snapshots, heads...). */
  files?: number;
  /** Attachment bytes this round (when the engine has a blob store and the step ran). */
  attachments?: AttachmentTransfer;
  /** When the round started (ISO). */
  startedAt: string;
  /** How long it took (ms). */
  durationMs: number;
}

/** Attachment bytes moved by a round (engine/blobs.ts); counts are distinct SHA-256s. */
export interface AttachmentTransfer {
  /** Named by this folder's attachment records. */
  referenced: number;
  /** Of those, on this device (after the round). */
  held: number;
  /** Fetched this round, and their bytes. */
  fetched: number;
  fetchedBytes: number;
  /** Published this round, and their bytes. */
  published: number;
  publishedBytes: number;
  /** Still not on this device ("not on this device yet"). */
  waiting: number;
  /** Files refused this round (wrong hash or size, failed seal, unreadable). */
  refused: number;
}

/** The engine. */
export interface SyncEngine {
  /** Runs one round (a round already running is joined, not doubled). */
  sync(onProgress?: (progress: SyncProgress) => void): Promise<SyncReport>;
  /** Sets the passphrase of an encrypted folder (checked on the next round). */
  setPassphrase(passphrase: string | null): void;
  /**
   * Encrypts the folder: creates keys.json with a new workspace key protected by `passphrase`
   * and rewrites this device's files sealed. Fails if the folder is already encrypted.
   */
  enableEncryption(passphrase: string): Promise<SyncReport>;
  /** This device's current id (changes after a duplicate is detected). */
  deviceId(): string;
  /** Signed folders: approves a device seen waiting (publishes the statement; runs a round). */
  approveDevice(deviceId: string): Promise<SyncReport>;
  /** Signed folders: removes a device; its later writes are ignored (runs a round). */
  removeDevice(deviceId: string): Promise<SyncReport>;
  /**
   * Encrypted signed folders: turns encryption off, as this (approved) device's signed decision
   * that every device honours: they then write their files unsealed (runs a round).
   */
  disableEncryption(): Promise<SyncReport>;
  /** Signed folders: approves this device with the folder's recovery key (runs a round). */
  approveWithRecoveryKey(recoveryKey: string): Promise<SyncReport>;
  /** The same, on the next round; false when the text is not a recovery key. */
  queueRecoveryKey(recoveryKey: string): boolean;
  /** Encrypted folders: re-wraps the workspace key under a new passphrase (runs a round). */
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<SyncReport>;
  /**
   * Upgrades an unsigned folder (format 1 or 2) to a signed one (format 3): format.json gains a
   * recovery key (shown once in the report), this device approves itself with it and signs its
   * files again; other devices ask for approval. Older app versions stop, nothing is lost.
   */
  upgradeFolder(): Promise<SyncReport>;
}
