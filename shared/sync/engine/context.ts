/**
 * The engine's state, in one explicit object every module is handed: the options (fixed), the
 * folder's policy as the last round set it up (format, encryption, signing), what the user asked
 * for since (passphrase, recovery key, approvals), and what is carried between rounds.
 */
import type { WorkspaceKey } from '../crypto';
import type { SyncDatabase } from '../database';
import type { SyncFolder } from '../folder';
import type { ReadPolicy } from '../fileReader';
import { createFailureLog } from '../failureLog';
import { toB64, type DeviceSigner } from '../identity';
import type { DeviceFile, RosterStatement } from '../roster';
import { FORMAT_VERSION, type SegmentInfo, type SnapshotInfo } from '../format';
import type { SyncEngineOptions, SyncWarning } from './types';

export const OWN_TOKENS_KEPT = 32;
export const HASHES_KEPT = 8;

/** What this device remembers of its own publication in one folder. */
export interface OwnState {
  lastP: number;
  writtenSeq: number;
  segments: SegmentInfo[];
  tokens: string[];
  snapshot?: SnapshotInfo;
  nextSegment: number;
  nextSnapshot: number;
}

/** What this device remembers of one peer in one folder. */
export interface PeerState {
  /** Contiguous position read. */
  p: number;
  /** Hashes of sealed segments read, by number (the last few). */
  hashes: Record<string, string>;
  /** Conflicted copies already read (name|size|mtime). */
  copies: string[];
  deviceName?: string;
  actor?: string;
  published: number;
  writtenAt?: string;
  /** Signed folders: its key (base64), pinned on first sight; a different one is refused. */
  key?: string;
}

/** Everything an engine knows; the modules of the engine read and update it. */
export interface EngineCtx {
  // ----- fixed at creation
  readonly db: SyncDatabase;
  readonly folder: SyncFolder;
  readonly options: SyncEngineOptions;
  readonly now: () => Date;
  readonly segmentMaxLines: number;
  readonly segmentMaxBytes: number;
  readonly snapshotAfterSegments: number;
  readonly compactAfterMs: number;
  readonly applyBatch: number;
  readonly maxDriftMs: number;
  /** The engagements this folder carries (null: all). */
  readonly scope: Set<string> | null;
  readonly signer: DeviceSigner | null;
  /** This device's public key (base64), null without a signer. */
  readonly myKey: string | null;
  /** Where the folder's pin is kept. */
  readonly pinStateKey: string;
  // ----- this device's id (changes when a duplicate is detected)
  me: string;
  // ----- encryption: the passphrase typed, the key it unlocked and for which keys.json text
  passphrase: string | null;
  key: WorkspaceKey | null;
  keyFor: string | null;
  /** Check value of `key` (null when none is unlocked). */
  keyCheck: string | null;
  /**
   * Encryption turned off by an approved device's decision: `key` (when known) only opens old
   * sealed files; files are written and accepted unsealed.
   */
  retired: boolean;
  /**
   * Hash of the keys.json a device knowing no key looks for a decision about (while it reads
   * the roster for that, else null): see encryptionOff.ts.
   */
  offProbe: string | null;
  /** Set by the round that honoured a decision to turn encryption off; the round reports it. */
  offNotice: SyncWarning | null;
  /** keys.json text + passphrase that did not fit (not derived again). */
  failedFor: string | null;
  // ----- set from format.json by setUp, before any file is written
  folderFormat: number;
  compressFiles: boolean;
  signed: boolean;
  /** The text of format.json as last read. */
  formatText: string;
  // ----- roster: asked for by the user, applied on the next round
  /** The recovery secret of a folder this engine just set up, used once then forgotten. */
  setupRecovery: Uint8Array | null;
  /** A recovery key typed by the user, used on the next round then forgotten. */
  typedRecovery: Uint8Array | null;
  pendingActions: { op: 'approve' | 'remove' | 'encryption-off'; deviceId: string }[];
  /** Signed folders: whether the last round found this device approved. */
  selfApproved: boolean;
  /** The devices of the last round, by id: their keys (for approvals) and names. */
  lastDevices: Map<string, { key: string; name?: string }>;
  /** Verified identities of the last round, by device, with the file versions they came from. */
  readonly identities: Map<
    string,
    { version: string; result: { device: DeviceFile; statements: RosterStatement[] } }
  >;
  // ----- reading
  readonly policy: ReadPolicy;
  /** Files that failed to read: reported once, retried with back-off while unchanged. */
  readonly failures: ReturnType<typeof createFailureLog>;
  roundNo: number;
  /** Own sealed segments found holding their published hash, by path: size|mtime then. */
  readonly verifiedOwn: Map<string, string>;
  /** Peers whose folder was reported holding too many conflicted copies (once per engine). */
  readonly manyCopiesReported: Set<string>;
}

/** The state of a new engine. */
export function createEngineContext(options: SyncEngineOptions): EngineCtx {
  const signer = options.signer ?? null;
  return {
    db: options.db,
    folder: options.folder,
    options,
    now: options.now ?? (() => new Date()),
    segmentMaxLines: options.segmentMaxLines ?? 2_000,
    segmentMaxBytes: options.segmentMaxBytes ?? 1024 * 1024,
    snapshotAfterSegments: options.snapshotAfterSegments ?? 8,
    compactAfterMs: options.compactAfterMs ?? 14 * 24 * 60 * 60 * 1000,
    applyBatch: options.applyBatch ?? 5_000,
    maxDriftMs: options.maxDriftMs ?? 60 * 60 * 1000,
    scope: options.engagementIds ? new Set(options.engagementIds) : null,
    signer,
    myKey: signer ? toB64(signer.publicKey) : null,
    pinStateKey: `pin:${options.pinKey ?? 'folder'}`,
    me: options.deviceId,
    passphrase: null,
    key: null,
    keyFor: null,
    keyCheck: null,
    retired: false,
    offProbe: null,
    offNotice: null,
    failedFor: null,
    folderFormat: FORMAT_VERSION,
    compressFiles: false,
    signed: false,
    formatText: '',
    setupRecovery: null,
    typedRecovery: null,
    pendingActions: [],
    selfApproved: false,
    lastDevices: new Map(),
    identities: new Map(),
    policy: {
      folder: options.folder,
      key: null,
      signed: false,
      verify: options.verifySignatures ?? true,
      sawSealed: false,
      ...(options.inflate ? { inflate: options.inflate } : {}),
    },
    failures: createFailureLog(),
    roundNo: 0,
    verifiedOwn: new Map(),
    manyCopiesReported: new Set(),
  };
}
