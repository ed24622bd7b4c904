/**
 * The folder sync engine: one `sync()` round reads what the other devices published in the
 * shared folder, applies it, and publishes this device's new changes. See DESIGN.md for the
 * format and the reasons; this file follows it step by step.
 *
 * The engine never deletes anything locally, writes only under `devices/<its id>/`, and
 * reports every problem it meets (skew, broken chains, rolled-back peers, unreadable files,
 * file-system errors) instead of throwing; a failed round leaves the outbox waiting.
 */
import type { ChangeRecord } from '../model/change';
import { newId } from '../ids';
import {
  TamperedFileError,
  WrongPassphraseError,
  createWorkspaceKey,
  isSealed,
  keysFileProblem,
  parseKeysFile,
  rewrapWorkspaceKey,
  sealFile,
  unlockWorkspaceKeyChecked,
  type KeysFile,
  type WorkspaceKey,
} from './crypto';
import type { ApplySummary, SyncDatabase } from './database';
import { gzipBytes, isGzip } from './compression';
import { FolderError, folderErrorCode, type FolderEntry, type SyncFolder } from './folder';
import { UnsealedFileError, readFolderFile, type ReadPolicy } from './fileReader';
import {
  BadSignatureError,
  ENVELOPE_BYTES,
  fingerprint,
  formatRecoveryKey,
  fromB64,
  isSigned,
  newSecretKey,
  parseRecoveryKey,
  signBytes,
  signFile,
  signerFromSecret,
  toB64,
  type DeviceSigner,
} from './identity';
import { FileTooLargeError, FILE_LIMITS, type FileKindName } from './limits';
import { createFailureLog } from './failureLog';
import { acceptLine, noneRefused, refusedWarnings, type Refused } from './lineFilter';
import { nextPin, pinMismatch, type FolderPin } from './pin';
import {
  computeRoster,
  parseDeviceFile,
  parseRosterFile,
  recoveryStatement,
  type DeviceFile,
  type KeyStanding,
  type RosterInput,
  type RosterStatement,
} from './roster';
import {
  COMPRESSED_FORMAT,
  DEVICE_FILE,
  DEVICES_DIR,
  FORMAT_FILE,
  FORMAT_NAME,
  FORMAT_VERSION,
  HEAD_FILE,
  KEYS_FILE,
  READER_VERSION,
  ROSTER_FILE,
  SIGNED_FORMAT,
  classifyFile,
  decodeLines,
  deviceDir,
  devicePath,
  encodeLine,
  fromBytes,
  randomToken,
  segmentName,
  sha256Hex,
  snapshotName,
  toBytes,
  type FormatFile,
  type HeadFile,
  type SegmentHeader,
  type SegmentInfo,
  type SnapshotHeader,
  type SnapshotInfo,
} from './format';

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
    | 'duplicate-device-id'
    | 'bad-signature'
    | 'unsealed-file'
    | 'too-large'
    | 'foreign-change'
    | 'out-of-scope'
    | 'device-waiting'
    | 'device-removed'
    | 'device-key-changed';
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
  /** Signed folders: approved, waiting for approval (pending), or removed. */
  standing?: KeyStanding['status'];
  /** Signed folders: who approved it (device names, or "recovery key"). */
  approvedBy?: string[];
  /** Signed folders: when it joined (its clock). */
  joinedAt?: string;
}

/** Progress of a running round. */
export interface SyncProgress {
  /** What the round is doing. */
  phase: 'checking' | 'reading' | 'applying' | 'writing' | 'compacting';
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
  /** When the round started (ISO). */
  startedAt: string;
  /** How long it took (ms). */
  durationMs: number;
}

/** What this device remembers of its own publication in one folder. */
interface OwnState {
  lastP: number;
  writtenSeq: number;
  segments: SegmentInfo[];
  tokens: string[];
  snapshot?: SnapshotInfo;
  nextSegment: number;
  nextSnapshot: number;
}

/** What this device remembers of one peer in one folder. */
interface PeerState {
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

const OWN_TOKENS_KEPT = 32;
const HASHES_KEPT = 8;

/** Creates an engine for one folder. */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, folder } = options;
  const now = options.now ?? (() => new Date());
  const segmentMaxLines = options.segmentMaxLines ?? 2_000;
  const segmentMaxBytes = options.segmentMaxBytes ?? 1024 * 1024;
  const snapshotAfterSegments = options.snapshotAfterSegments ?? 8;
  const compactAfterMs = options.compactAfterMs ?? 14 * 24 * 60 * 60 * 1000;
  const applyBatch = options.applyBatch ?? 5_000;
  const maxDriftMs = options.maxDriftMs ?? 60 * 60 * 1000;
  const scope = options.engagementIds ? new Set(options.engagementIds) : null;
  let me = options.deviceId;
  let passphrase: string | null = null;
  let key: WorkspaceKey | null = null;
  let keyFor: string | null = null; // keys.json text the key was unlocked for
  let failedFor: string | null = null; // keys.json text + passphrase that did not fit
  let running: Promise<SyncReport> | null = null;
  // Set from format.json by setUp, before any file is written: the folder's format version
  // (stamped in this device's headers, so a format 1 folder's files stay exactly as an older
  // build wrote them) and whether its segments and snapshots are gzipped.
  let folderFormat = FORMAT_VERSION;
  let compressFiles = false;
  let signed = false;
  const signer = options.signer ?? null;
  const myKey = signer ? toB64(signer.publicKey) : null;
  const pinStateKey = `pin:${options.pinKey ?? 'folder'}`;
  /** The recovery secret of a folder this engine just set up, used once then forgotten. */
  let setupRecovery: Uint8Array | null = null;
  /** A recovery key typed by the user, used on the next round then forgotten. */
  let typedRecovery: Uint8Array | null = null;
  /** Roster actions asked for by the user, applied on the next round. */
  let pendingActions: { op: 'approve' | 'remove'; deviceId: string }[] = [];
  /** The devices of the last round, by id: their keys (for approvals). */
  let lastDevices = new Map<string, { key: string; name?: string }>();
  const policy: ReadPolicy = {
    folder,
    key: null,
    signed: false,
    verify: options.verifySignatures ?? true,
    sawSealed: false,
    ...(options.inflate ? { inflate: options.inflate } : {}),
  };
  /** Files that failed to read: reported once, retried with back-off while unchanged. */
  const failures = createFailureLog();
  let roundNo = 0;
  /** Verified identities of the last round, by device, with the file versions they came from. */
  const identities = new Map<
    string,
    { version: string; result: { device: DeviceFile; statements: RosterStatement[] } }
  >();
  /** The text of format.json as last read. */
  let formatText = '';

  const inScope = (c: ChangeRecord): boolean => scope === null || scope.has(c.engagementId);

  // ---------- file helpers ----------

  /**
   * Reads a file as plain text: opened when sealed, decompressed when gzipped (as far as it
   * goes: `truncated` when the download is still arriving, `damaged` when junk follows the
   * data); null when missing. `started`: the folder read of this path, already under way.
   */
  async function readPlain(
    path: string,
    kind: FileKindName,
    signerKey: Uint8Array | null,
    more: { proper?: string; size?: number; started?: Promise<Uint8Array | null> } = {},
  ): ReturnType<typeof readFolderFile> {
    policy.key = key;
    policy.signed = signed;
    return readFolderFile(policy, path, kind, { signer: signerKey, ...more });
  }

  /**
   * Writes plain bytes: segments and snapshots gzipped in a folder of format 2 or later, then
   * sealed when the folder is encrypted (compressed first: ciphertext does not compress).
   */
  async function writePlain(path: string, plain: Uint8Array): Promise<void> {
    const data =
      compressFiles && path.endsWith('.jsonl') && !isGzip(plain) ? gzipBytes(plain) : plain;
    const sealed = key ? await sealFile(key, path, data) : data;
    if (signed && !signer) throw new Error('This sync folder needs a device key to write.');
    await folder.write(path, signed && signer ? await signFile(signer, path, sealed) : sealed);
  }

  async function readJson<T>(
    path: string,
    kind: FileKindName,
    signerKey: Uint8Array | null,
    size?: number,
  ): Promise<T | null> {
    const file = await readPlain(path, kind, signerKey, size === undefined ? {} : { size });
    if (file === null) return null;
    try {
      return JSON.parse(file.text) as T;
    } catch {
      return null;
    }
  }

  /** The signing key of a device as bytes (null for this device in an unsigned folder). */
  const keyBytes = (b64: string | undefined): Uint8Array | null =>
    b64 === undefined ? null : fromB64(b64, 32);

  // ---------- state ----------

  const ownKey = (folderId: string): string => `own:${folderId}:${me}`;
  const peerKey = (folderId: string, peer: string): string => `peer:${folderId}:${me}:${peer}`;

  async function loadOwn(folderId: string): Promise<OwnState> {
    return (
      (await db.getState<OwnState>(ownKey(folderId))) ?? {
        lastP: 0,
        writtenSeq: 0,
        segments: [],
        tokens: [],
        nextSegment: 1,
        nextSnapshot: 1,
      }
    );
  }

  async function loadPeer(folderId: string, peer: string): Promise<PeerState> {
    return (
      (await db.getState<PeerState>(peerKey(folderId, peer))) ?? {
        p: 0,
        hashes: {},
        copies: [],
        published: 0,
      }
    );
  }

  // ---------- format & keys ----------

  type Fail = { ok: false; status: SyncReport['status']; message: string };
  type Setup = { ok: true; format: FormatFile } | Fail;

  async function setUp(): Promise<Setup> {
    const pin = await db.getState<FolderPin>(pinStateKey);
    let format = await readJsonRaw<FormatFile>(FORMAT_FILE, 'format');
    if (format === 'missing' && pin?.formatText !== undefined) {
      // Emptied (or format.json lost): the folder this device knows is set up again as it was.
      await folder.write(FORMAT_FILE, toBytes(pin.formatText));
      format = await readJsonRaw<FormatFile>(FORMAT_FILE, 'format');
    }
    if (format === 'missing') {
      const version = options.newFolderFormat ?? (signer ? FORMAT_VERSION : COMPRESSED_FORMAT);
      const recovery = version >= SIGNED_FORMAT ? newSecretKey() : null;
      const fresh: FormatFile = {
        format: FORMAT_NAME,
        version,
        // gzipped files (format 2) are unreadable to a reader of format 1, signed ones to 2
        minReaderVersion: version,
        folderId: newId(),
        createdAt: now().toISOString(),
        ...(recovery ? { recoveryKey: toB64((await signerFromSecret(recovery)).publicKey) } : {}),
      };
      await folder.write(FORMAT_FILE, toBytes(`${JSON.stringify(fresh, null, 2)}\n`));
      format = await readJsonRaw<FormatFile>(FORMAT_FILE, 'format'); // another device may have won
      if (format === 'missing' || format === 'bad') format = fresh;
      // Our folder: this device approves itself with the recovery key, shown once to the user.
      if (recovery && format.folderId === fresh.folderId) setupRecovery = recovery;
      else recovery?.fill(0);
    }
    if (format === 'bad' || format.format !== FORMAT_NAME || typeof format.folderId !== 'string') {
      return {
        ok: false,
        status: 'failed',
        message: 'format.json in the sync folder is unreadable (still downloading?); will retry.',
      };
    }
    if (format.minReaderVersion > READER_VERSION) {
      return {
        ok: false,
        status: 'unsupported-format',
        message: `This sync folder was written by a newer version of the app (format ${format.version}). Update the app to sync; nothing was changed.`,
      };
    }
    const pinProblem = pinMismatch(pin, format);
    if (pinProblem) return { ok: false, status: 'folder-changed', message: pinProblem };
    folderFormat = Math.min(format.version, FORMAT_VERSION);
    compressFiles = folderFormat >= COMPRESSED_FORMAT;
    signed = folderFormat >= SIGNED_FORMAT;
    if (signed && !signer) {
      return {
        ok: false,
        status: 'failed',
        message: 'This sync folder needs a device key, which this installation has not got.',
      };
    }
    const keys = await setUpKeys(pin);
    if (!keys.ok) return keys;
    const next = nextPin(pin, {
      format,
      version: folderFormat,
      encrypted: key !== null,
      ...(keys.check ? { keyCheck: keys.check } : {}),
      formatText,
    });
    if (JSON.stringify(next) !== JSON.stringify(pin)) await db.setState(pinStateKey, next);
    return { ok: true, format };
  }

  /**
   * keys.json: missing in a folder known encrypted stops the round; out-of-bounds derivation
   * parameters are refused; a key other than the one known is refused (a changed passphrase,
   * which re-wraps the same key, is fine).
   */
  async function setUpKeys(
    pin: FolderPin | undefined,
  ): Promise<{ ok: true; check?: string } | Fail> {
    const keysBytes = await folder.read(KEYS_FILE, FILE_LIMITS.keys.stored);
    if (keysBytes === null) {
      key = null;
      keyFor = null;
      if (pin?.encrypted) {
        return {
          ok: false,
          status: 'keys-missing',
          message:
            'keys.json has disappeared from this encrypted sync folder (a sync client glitch, or someone removed it). Nothing was read or published; restore keys.json (the folder’s version history, or a copy from another computer) to sync again.',
        };
      }
      return { ok: true };
    }
    const keysText = fromBytes(keysBytes);
    const keys = parseKeysFile(keysText);
    if (keys === null) {
      return { ok: false, status: 'failed', message: 'keys.json is unreadable; will retry.' };
    }
    const problem = keysFileProblem(keys);
    if (problem) {
      return {
        ok: false,
        status: 'failed',
        message: `${problem}: refused. Nothing was read or published.`,
      };
    }
    if (key && keyFor === keysText) return { ok: true };
    key = null;
    if (passphrase === null) {
      return {
        ok: false,
        status: 'locked',
        message: 'This sync folder is encrypted: enter its passphrase to sync.',
      };
    }
    const wrong: Fail = {
      ok: false,
      status: 'wrong-passphrase',
      message: pin?.encrypted
        ? 'The passphrase does not unlock keys.json (changed on another device?). Nothing was read or published.'
        : 'Wrong passphrase: the sync folder could not be unlocked. Nothing was changed.',
    };
    // A passphrase that already failed for these keys is not derived again every round.
    if (failedFor === `${keysText}\u0000${passphrase}`) return wrong;
    let unlocked: { key: WorkspaceKey; check: string };
    try {
      unlocked = await unlockWorkspaceKeyChecked(keys, passphrase);
    } catch (error) {
      if (error instanceof WrongPassphraseError) {
        failedFor = `${keysText}\u0000${passphrase}`;
        return wrong;
      }
      throw error;
    }
    if (pin?.keyCheck !== undefined && pin.keyCheck !== unlocked.check) {
      return {
        ok: false,
        status: 'keys-missing',
        message:
          'keys.json was replaced by one holding a different key than this folder’s. Nothing was read or published; restore the original keys.json.',
      };
    }
    key = unlocked.key;
    keyFor = keysText;
    return { ok: true, check: unlocked.check };
  }

  async function readJsonRaw<T>(path: string, kind: FileKindName): Promise<T | 'missing' | 'bad'> {
    let bytes: Uint8Array | null;
    try {
      bytes = await folder.read(path, FILE_LIMITS[kind].stored);
    } catch (error) {
      if (folderErrorCode(error) === 'TOOBIG') return 'bad';
      throw error;
    }
    if (path === FORMAT_FILE && bytes !== null) formatText = fromBytes(bytes);
    if (bytes === null) return 'missing';
    try {
      return JSON.parse(fromBytes(bytes)) as T;
    } catch {
      return 'bad';
    }
  }

  // ---------- own files ----------

  /** The plain bytes of one own segment, regenerated from the local log (deterministic). */
  async function segmentBytes(seg: SegmentInfo, prev: string | null): Promise<Uint8Array> {
    const header: SegmentHeader = { t: 'seg', format: folderFormat, device: me, n: seg.n, prev };
    const changes = (await db.ownChanges(me, seg.firstSeq - 1, seg.lastSeq)).filter(inScope);
    let text = encodeLine(header);
    changes.forEach((c, i) => {
      text += encodeLine({ p: seg.firstP + i, c });
    });
    return toBytes(text);
  }

  function prevHashOf(own: OwnState, index: number): string | null {
    return index > 0 ? (own.segments[index - 1]?.hash ?? null) : null;
  }

  /** Publishes new own changes; resolves to the number of change lines written. */
  async function publish(
    own: OwnState,
    rebuild: boolean,
    progress: (p: SyncProgress) => void,
  ): Promise<number> {
    const outbox = (await db.ownChanges(me, own.writtenSeq)).filter(inScope);
    const lastSeq = await db.lastOwnSeq(me);
    if (outbox.length === 0 && !rebuild) {
      own.writtenSeq = Math.max(own.writtenSeq, lastSeq);
      return 0;
    }
    const dirty = new Set<number>();
    const built = new Map<number, Uint8Array>(); // sealed this round: hashed bytes, written as is
    if (rebuild) for (const seg of own.segments) dirty.add(seg.n);
    let done = 0;
    while (done < outbox.length) {
      let last = own.segments[own.segments.length - 1];
      if (!last || last.hash !== undefined) {
        const first = outbox[done] as ChangeRecord;
        last = {
          n: own.nextSegment,
          firstP: own.lastP + 1,
          lastP: own.lastP,
          firstSeq: first.seq,
          lastSeq: first.seq - 1,
          bytes: 0,
        };
        own.nextSegment += 1;
        own.segments.push(last);
      }
      let size = last.bytes ?? 0;
      let lines = last.lastP - last.firstP + 1;
      while (done < outbox.length && lines < segmentMaxLines && size < segmentMaxBytes) {
        const change = outbox[done] as ChangeRecord;
        size += JSON.stringify(change).length + 24;
        lines += 1;
        last.lastP += 1;
        last.lastSeq = change.seq;
        done += 1;
      }
      last.bytes = size;
      own.lastP = last.lastP;
      dirty.add(last.n);
      if (lines >= segmentMaxLines || size >= segmentMaxBytes) {
        // Sealed: its hash is final, the next change starts a new segment that names it.
        const index = own.segments.length - 1;
        const bytes = await segmentBytes(last, prevHashOf(own, index));
        built.set(last.n, bytes);
        last.hash = await sha256Hex(bytes);
      }
      progress({ phase: 'writing', done, total: outbox.length });
    }
    for (let i = 0; i < own.segments.length; i++) {
      const seg = own.segments[i] as SegmentInfo;
      if (!dirty.has(seg.n)) continue;
      const plain = built.get(seg.n) ?? (await segmentBytes(seg, prevHashOf(own, i)));
      await writePlain(devicePath(me, segmentName(seg.n)), plain);
    }
    own.writtenSeq = Math.max(lastSeq, outbox[outbox.length - 1]?.seq ?? 0);
    return outbox.length;
  }

  async function writeHead(
    own: OwnState,
    cursors: Record<string, number>,
    folderId: string,
  ): Promise<void> {
    const token = randomToken();
    // Remember the token BEFORE writing: a head with a token we never remember is another writer.
    own.tokens = [...own.tokens, token].slice(-OWN_TOKENS_KEPT);
    await db.setState(ownKey(folderId), own);
    const head: HeadFile = {
      format: folderFormat,
      ...(signed ? { folderId } : {}),
      deviceId: me,
      ...(options.deviceName ? { deviceName: options.deviceName } : {}),
      ...(options.actor ? { actor: options.actor } : {}),
      lastP: own.lastP,
      firstP: own.segments[0]?.firstP ?? own.lastP + 1,
      segments: own.segments,
      ...(own.snapshot ? { snapshot: own.snapshot } : {}),
      token,
      writtenAt: now().toISOString(),
      cursors,
    };
    await writePlain(devicePath(me, HEAD_FILE), toBytes(`${JSON.stringify(head)}\n`));
  }

  /** Writes a snapshot when enough segments piled up, and compacts old own segments. */
  async function snapshotAndCompact(own: OwnState, ownLastP: number): Promise<boolean> {
    const vector = { [me]: ownLastP };
    let changed = false;
    const age = (snap: SnapshotInfo): number => now().getTime() - Date.parse(snap.writtenAt);
    // 1. Compaction: own sealed segments covered by a snapshot visible for long enough.
    const snap = own.snapshot;
    if (snap && age(snap) >= compactAfterMs) {
      const covered = snap.vector[me] ?? 0;
      while (own.segments.length > 1) {
        const seg = own.segments[0] as SegmentInfo;
        if (seg.hash === undefined || seg.lastP > covered) break;
        await folder.remove(devicePath(me, segmentName(seg.n)));
        own.segments.shift();
        changed = true;
      }
    }
    // 2. A new snapshot once enough sealed segments are not covered by one, and the current one
    //    has done its job (old enough): so a busy device still compacts.
    const coveredOwn = own.snapshot?.vector[me] ?? 0;
    const uncovered = own.segments.filter(
      (seg) => seg.hash !== undefined && seg.lastP > coveredOwn,
    );
    if (uncovered.length >= snapshotAfterSegments && (!snap || age(snap) >= compactAfterMs)) {
      // Only this device's own changes (those that still decide a field, and its creates), and
      // only its own position: a snapshot speaks for its device alone (each device's stream is
      // its snapshot plus its later segments), so it can never move a reader past anyone else.
      const changes = (await db.snapshotChanges(options.engagementIds)).filter(
        (c) => c.deviceId === me,
      );
      const n = own.nextSnapshot;
      const header: SnapshotHeader = { t: 'snap', format: folderFormat, device: me, n, vector };
      let text = encodeLine(header);
      for (const c of changes) text += encodeLine({ c });
      await writePlain(devicePath(me, snapshotName(n)), toBytes(text));
      own.snapshot = { n, vector, writtenAt: now().toISOString(), lines: changes.length };
      own.nextSnapshot = n + 1;
      if (snap) await folder.remove(devicePath(me, snapshotName(snap.n)));
      changed = true;
    }
    return changed;
  }

  // ---------- reading peers ----------

  interface PeerRead {
    changes: unknown[];
    positions: Set<number>;
    read: boolean;
  }

  /** How a peer's files are checked. */
  interface PeerTrust {
    /** The key that must have signed its files (null in an unsigned folder). */
    key: Uint8Array | null;
    /** A removed device: positions after this one are ignored. */
    upTo?: number;
  }

  /** Keeps the lines of one file that may be applied (lineFilter.ts). */
  const accept = (
    peer: string,
    p: number | null,
    c: unknown,
    trust: PeerTrust,
    out: PeerRead,
    refused: Refused,
  ): void =>
    acceptLine(
      peer,
      p,
      c,
      { scope, ...(trust.upTo !== undefined ? { upTo: trust.upTo } : {}) },
      out,
      refused,
    );

  const reportRefused = (
    peer: string,
    path: string,
    refused: Refused,
    warnings: SyncWarning[],
    quietForeign = false,
  ): void => {
    warnings.push(...refusedWarnings(peer, deviceLabel(peer), path, refused, quietForeign));
  };

  /** A device's name for messages: its published name and id. */
  function deviceLabel(deviceId: string): string {
    const name = lastDevices.get(deviceId)?.name;
    return name ? `"${name}" (${deviceId})` : deviceId;
  }

  /** Reads what is new from one peer (not applied yet). */
  async function readPeer(
    peer: string,
    state: PeerState,
    trust: PeerTrust,
    folderId: string,
    warnings: SyncWarning[],
  ): Promise<PeerRead> {
    const out: PeerRead = { changes: [], positions: new Set(), read: false };
    const entries = await folder.list(deviceDir(peer));
    const entryOf = new Map(entries.map((e) => [e.name, e]));
    const headPath = devicePath(peer, HEAD_FILE);
    let head: HeadFile | null = null;
    const headEntry = entryOf.get(HEAD_FILE);
    if (headEntry && !skipFailing(headPath, headEntry)) {
      try {
        head = await readJson<HeadFile>(headPath, 'head', trust.key, headEntry.size);
        if (head && signed && (head.deviceId !== peer || head.folderId !== folderId)) {
          throw new BadSignatureError(headPath, 'head of another device or folder');
        }
      } catch (error) {
        if (!fileFailed(error, peer, headPath, headEntry, warnings)) throw error;
        return out;
      }
    }
    if (head && typeof head.lastP === 'number') {
      state.deviceName = typeof head.deviceName === 'string' ? head.deviceName : undefined;
      state.actor = typeof head.actor === 'string' ? head.actor : undefined;
      state.published = head.lastP;
      state.writtenAt = head.writtenAt;
      if (head.lastP < state.p) {
        warnings.push({
          code: 'peer-rolled-back',
          deviceId: peer,
          message: `${head.deviceName ?? peer} published less than before (folder restored from an older copy?). Nothing was deleted here.`,
        });
      }
    }
    const copies = entries
      .map((e) => ({ e, kind: classifyFile(e.name) }))
      .filter((x) => (x.kind.kind === 'segment' || x.kind.kind === 'snapshot') && x.kind.copy)
      .filter((x) => !state.copies.includes(`${x.e.name}|${x.e.size}|${x.e.mtimeMs}`));
    const removedPast =
      trust.upTo !== undefined && head !== null && state.p >= trust.upTo && head.lastP > state.p;
    if (removedPast && head) {
      warnings.push({
        code: 'device-removed',
        deviceId: peer,
        path: headPath,
        message: `${deviceLabel(peer)} was removed from this folder: the ${head.lastP - state.p} change(s) it published since are ignored.`,
      });
    }
    const upToDate =
      head !== null && typeof head.lastP === 'number' && (head.lastP <= state.p || removedPast);
    if (upToDate && copies.length === 0) return out;
    out.read = true;

    const segments = entries
      .map((e) => classifyFile(e.name))
      .filter(
        (k): k is { kind: 'segment'; n: number; copy: boolean } => k.kind === 'segment' && !k.copy,
      )
      .map((k) => k.n)
      .sort((a, b) => a - b);
    const listed = new Map<number, SegmentInfo>();
    for (const seg of Array.isArray(head?.segments) ? (head?.segments ?? []) : []) {
      listed.set(seg.n, seg);
    }

    // A gap before the first available segment (compacted): join through the snapshot.
    const firstAvailable = head?.firstP ?? 1;
    if (!upToDate && firstAvailable > state.p + 1 && head?.snapshot) {
      await readSnapshot(peer, state, trust, head.snapshot, entryOf, out, warnings);
    }

    if (!upToDate) {
      await readSegments(peer, state, trust, head, segments, listed, entryOf, out, warnings);
    }

    // Conflicted copies of the peer's files: recover their changes (idempotence dedupes).
    for (const { e, kind } of copies) {
      if (kind.kind !== 'segment' && kind.kind !== 'snapshot') continue;
      const proper = devicePath(
        peer,
        kind.kind === 'segment' ? segmentName(kind.n) : snapshotName(kind.n),
      );
      const path = devicePath(peer, e.name);
      const file = await readLinesOf(path, peer, warnings, {
        kind: kind.kind,
        trust,
        proper,
        entry: e,
      });
      if (file) {
        const refused = noneRefused();
        const copyOut: PeerRead = { changes: [], positions: new Set(), read: true };
        for (const line of file.values) {
          const { p, c } = line as { p?: unknown; c?: unknown };
          if (c === undefined) continue;
          accept(peer, typeof p === 'number' ? p : null, c, trust, copyOut, refused);
        }
        out.changes.push(...copyOut.changes);
        reportRefused(peer, path, refused, warnings, !signed && kind.kind === 'snapshot');
      }
      state.copies = [...state.copies, `${e.name}|${e.size}|${e.mtimeMs}`].slice(-64);
    }
    return out;
  }

  /**
   * Joins a peer through its snapshot: only when whole, only the peer's own changes, and only
   * the peer's own position moves (what it signed about itself).
   */
  async function readSnapshot(
    peer: string,
    state: PeerState,
    trust: PeerTrust,
    info: SnapshotInfo,
    entryOf: Map<string, FolderEntry>,
    out: PeerRead,
    warnings: SyncWarning[],
  ): Promise<void> {
    const name = snapshotName(info.n);
    const snapPath = devicePath(peer, name);
    const snap = await readLinesOf(snapPath, peer, warnings, {
      kind: 'snapshot',
      trust,
      entry: entryOf.get(name),
    });
    if (!snap) return;
    const header = snap.values[0] as Partial<SnapshotHeader> | undefined;
    // A snapshot is used only whole: a download cut at a line boundary looks complete.
    const whole = snap.values.length - 1 === info.lines && snap.badLines === 0;
    if (header?.t !== 'snap' || snap.incompleteTail || !whole) return;
    if (signed && header.device !== peer) return;
    const covered = header.vector?.[peer];
    if (typeof covered !== 'number' || !Number.isInteger(covered) || covered < 0) return;
    if (trust.upTo !== undefined && covered > trust.upTo) return;
    const refused = noneRefused();
    for (const line of snap.values.slice(1)) {
      const c = (line as { c?: unknown }).c;
      if (c !== undefined) accept(peer, null, c, trust, out, refused);
    }
    // Older builds put every device's deciding changes in a snapshot: in an unsigned folder
    // the others' are skipped quietly (each device's own stream carries them).
    reportRefused(peer, snapPath, refused, warnings, !signed);
    state.p = Math.max(state.p, covered);
  }

  /** Reads a peer's segments that hold positions not read yet. */
  async function readSegments(
    peer: string,
    state: PeerState,
    trust: PeerTrust,
    head: HeadFile | null,
    segments: number[],
    listed: Map<number, SegmentInfo>,
    entryOf: Map<string, FolderEntry>,
    out: PeerRead,
    warnings: SyncWarning[],
  ): Promise<void> {
    const present = new Set(segments);
    for (const info of listed.values()) {
      if (!present.has(info.n) && info.lastP > state.p) {
        warnings.push({
          code: 'unreadable-file',
          deviceId: peer,
          path: devicePath(peer, segmentName(info.n)),
          message: `${segmentName(info.n)} of ${head?.deviceName ?? peer} is listed but not in the folder yet (still arriving, or removed); its changes will be read when it is there.`,
        });
      }
    }
    // The segments not read yet; each one's folder read starts while the one before it is
    // decompressed and decoded (in the app a read is an IPC round trip to main and a disk or
    // network read: a new device's first sync spent 0.7 of its 1.8 s of reading waiting).
    const unread = segments.filter((n) => {
      const info = listed.get(n);
      if (info && info.lastP <= state.p) return false;
      const entry = entryOf.get(segmentName(n));
      return !(entry && skipFailing(devicePath(peer, segmentName(n)), entry));
    });
    const startRead = (n: number | undefined): Promise<Uint8Array | null> | undefined => {
      if (n === undefined) return undefined;
      const entry = entryOf.get(segmentName(n));
      if (entry && entry.size > FILE_LIMITS.segment.stored) return undefined;
      const path = devicePath(peer, segmentName(n));
      const pending = Promise.resolve().then(() => folder.read(path, FILE_LIMITS.segment.stored));
      pending.catch(() => undefined); // reported when awaited (readLinesOf), never unhandled
      return pending;
    };
    let next = startRead(unread[0]);
    for (const [i, n] of unread.entries()) {
      const info = listed.get(n);
      const started = next;
      next = startRead(unread[i + 1]);
      const path = devicePath(peer, segmentName(n));
      const entry = entryOf.get(segmentName(n));
      const file = await readLinesOf(path, peer, warnings, {
        kind: 'segment',
        trust,
        entry,
        ...(started ? { started } : {}),
      });
      if (!file) continue;
      const header = file.values[0] as Partial<SegmentHeader> | undefined;
      if (signed && (header?.t !== 'seg' || header.device !== peer || header.n !== n)) {
        warnings.push({
          code: 'foreign-change',
          deviceId: peer,
          path,
          message: `${path} does not say it is ${deviceLabel(peer)}'s segment ${n}: refused.`,
        });
        continue;
      }
      const known = state.hashes[String(n - 1)];
      if (header?.t === 'seg' && known && header.prev !== known) {
        warnings.push({
          code: 'chain-broken',
          deviceId: peer,
          path,
          message: `${path} does not follow the segment read before it: ${state.deviceName ?? peer}'s history was rewritten or replaced. Its changes were merged, nothing was deleted.`,
        });
      }
      const refused = noneRefused();
      for (const line of file.values) {
        const { p, c } = line as { p?: unknown; c?: unknown };
        if (typeof p !== 'number' || !Number.isInteger(p) || c === undefined) continue;
        if (p <= state.p) continue;
        accept(peer, p, c, trust, out, refused);
      }
      reportRefused(peer, path, refused, warnings);
      const sealed = info?.hash !== undefined || n < (segments[segments.length - 1] ?? n);
      if (sealed && !file.incompleteTail && file.badLines === 0) {
        const hash = await sha256Hex(file.bytes);
        if (info?.hash && info.hash !== hash) {
          warnings.push({
            code: 'chain-broken',
            deviceId: peer,
            path,
            message: `${path} differs from what its device published (altered or still arriving).`,
          });
        }
        // Only a hash confirmed by the device's head is remembered for the chain check (a
        // download cut at a line boundary looks complete but must not become the reference).
        if (info?.hash === hash) state.hashes[String(n)] = hash;
        const keep = Object.keys(state.hashes)
          .map(Number)
          .sort((a, b) => b - a)
          .slice(0, HASHES_KEPT);
        state.hashes = Object.fromEntries(
          keep.map((k) => [String(k), state.hashes[String(k)] as string]),
        );
      }
    }
  }

  const skipFailing = (path: string, entry: FolderEntry): boolean =>
    failures.skip(path, entry, roundNo);

  /**
   * Reports a file that could not be used (once while it stays the same: it is then retried
   * after 2, 4, 8... up to 64 rounds) and resolves true; false for errors that are not the
   * file's fault (the caller rethrows them).
   */
  function fileFailed(
    error: unknown,
    peer: string,
    path: string,
    entry: FolderEntry | undefined,
    warnings: SyncWarning[],
  ): boolean {
    const who = deviceLabel(peer);
    let warning: SyncWarning;
    if (error instanceof BadSignatureError) {
      warning = {
        code: 'bad-signature',
        deviceId: peer,
        path,
        message: `${path} is not validly signed by ${who} (${error.message.slice(path.length + 2)}): ignored.`,
      };
    } else if (error instanceof UnsealedFileError) {
      warning = {
        code: 'unsealed-file',
        deviceId: peer,
        path,
        message: `${path} (${who}) is not encrypted, in an encrypted folder: refused.`,
      };
    } else if (error instanceof FileTooLargeError || folderErrorCode(error) === 'TOOBIG') {
      warning = {
        code: 'too-large',
        deviceId: peer,
        path,
        message: `${path} (${who}) is larger than any file of its kind may be: not read.`,
      };
    } else if (error instanceof TamperedFileError) {
      warning = {
        code: 'tampered-file',
        deviceId: peer,
        path,
        message: `${path} failed authentication (altered, or still arriving); it is ignored.`,
      };
    } else if (folderErrorCode(error) === 'OUTSIDE') {
      warning = {
        code: 'fs-error',
        deviceId: peer,
        path,
        message: `${path} (${who}) was refused (a link out of the folder): not read.`,
      };
    } else {
      return false;
    }
    if (failures.record(path, entry, roundNo)) warnings.push(warning);
    return true;
  }

  async function readLinesOf(
    path: string,
    peer: string,
    warnings: SyncWarning[],
    how: {
      kind: 'segment' | 'snapshot';
      trust: PeerTrust;
      proper?: string;
      entry?: FolderEntry | undefined;
      started?: Promise<Uint8Array | null>;
    },
  ): Promise<(ReturnType<typeof decodeLines> & { bytes: Uint8Array }) | null> {
    let file: Awaited<ReturnType<typeof readPlain>>;
    if (how.entry && skipFailing(path, how.entry)) return null;
    try {
      file = await readPlain(path, how.kind, how.trust.key, {
        ...(how.proper ? { proper: how.proper } : {}),
        ...(how.entry ? { size: how.entry.size } : {}),
        ...(how.started ? { started: how.started } : {}),
      });
    } catch (error) {
      if (fileFailed(error, peer, path, how.entry, warnings)) return null;
      const code = folderErrorCode(error);
      warnings.push({
        code: 'fs-error',
        deviceId: peer,
        path,
        message: `${code} reading ${path}; will retry.`,
      });
      return null;
    }
    if (file === null) return null;
    const read = decodeLines(file.text);
    // A cut in a gzipped file can fall on a line boundary: the file is still incomplete.
    const decoded = file.truncated ? { ...read, incompleteTail: true } : read;
    if (file.damaged) {
      warnings.push({
        code: 'bad-lines',
        deviceId: peer,
        path,
        message: `${path} has damaged compressed data (or inflates past its limit); the lines before the damage were read.`,
      });
      failures.record(path, how.entry, roundNo, 64);
    }
    if (decoded.badLines > 0) {
      warnings.push({
        code: 'bad-lines',
        deviceId: peer,
        path,
        message: `${decoded.badLines} damaged line(s) in ${path} were skipped.`,
      });
    }
    return { ...decoded, bytes: file.bytes };
  }

  // ---------- duplicate device id ----------

  /** The change ids published under a device id (every segment, copies included). */
  async function idsUnder(deviceId: string, warnings: SyncWarning[]): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const entry of await folder.list(deviceDir(deviceId))) {
      const kind = classifyFile(entry.name);
      if (kind.kind !== 'segment') continue;
      const file = await readLinesOf(devicePath(deviceId, entry.name), deviceId, warnings, {
        kind: 'segment',
        trust: { key: keyBytes(myKey ?? undefined) },
        proper: devicePath(deviceId, segmentName(kind.n)),
        entry,
      });
      for (const line of file?.values ?? []) {
        const c = (line as { c?: { id?: unknown } }).c;
        if (typeof c?.id === 'string') ids.add(c.id);
      }
    }
    return ids;
  }

  async function takeFreshId(
    shipped: ReadonlySet<string>,
    warnings: SyncWarning[],
  ): Promise<{ from: string; to: string }> {
    const from = me;
    const to = options.regenerateDeviceId ? await options.regenerateDeviceId() : newId();
    const moved = await db.reassignDevice(from, to, shipped);
    me = to;
    warnings.push({
      code: 'duplicate-device-id',
      deviceId: from,
      message: `Another installation was writing as this device (copied profile or restored backup). This one now uses a new device id; ${moved} unpublished change(s) moved to it.`,
    });
    return { from, to };
  }

  /**
   * How far ahead a remote HLC may be before it is clamped. Normally `maxDriftMs`. But when at
   * least two other devices are all ahead of this one by more than that, and agree with each
   * other (within maxDriftMs), it is THIS device's clock that is behind: their time is adopted
   * (so an edit made here after seeing theirs still wins) and this device is flagged instead.
   */
  function clockPolicy(changes: unknown[]): { maxDriftMs: number; localBehindMs: number | null } {
    const latest = new Map<string, number>();
    for (const c of changes) {
      const { deviceId, hlc } = (c ?? {}) as { deviceId?: unknown; hlc?: unknown };
      if (typeof deviceId !== 'string' || typeof hlc !== 'string' || deviceId === me) continue;
      const wall = Date.parse(hlc.slice(0, 24));
      if (Number.isNaN(wall)) continue;
      latest.set(deviceId, Math.max(latest.get(deviceId) ?? 0, wall));
    }
    const local = now().getTime();
    const walls = [...latest.values()];
    const ahead = walls.filter((w) => w - local > maxDriftMs);
    if (walls.length >= 2 && ahead.length === walls.length) {
      const spread = Math.max(...ahead) - Math.min(...ahead);
      if (spread <= maxDriftMs) {
        return { maxDriftMs: Number.POSITIVE_INFINITY, localBehindMs: Math.min(...ahead) - local };
      }
    }
    return { maxDriftMs, localBehindMs: null };
  }

  // ---------- own head ----------

  /** Reads one of this device's own files without requiring it sealed (turning encryption on). */
  function readOwnPlain(path: string, kind: FileKindName, started?: Promise<Uint8Array | null>) {
    return readFolderFile({ ...policy, key, signed }, path, kind, {
      signer: keyBytes(myKey ?? undefined),
      ...(started ? { started } : {}),
    }).catch((error: unknown) => {
      if (!(error instanceof UnsealedFileError)) throw error;
      return readFolderFile({ ...policy, key: null, signed }, path, kind, {
        signer: keyBytes(myKey ?? undefined),
        ...(started ? { started } : {}),
      });
    });
  }

  /** This device's head in the folder (null when missing or not validly its own). */
  async function readOwnHead(): Promise<{ head: HeadFile | null; sealed: boolean }> {
    const path = devicePath(me, HEAD_FILE);
    let raw: Uint8Array | null;
    try {
      raw = await folder.read(path, FILE_LIMITS.head.stored);
    } catch (error) {
      if (folderErrorCode(error) === 'TOOBIG') return { head: null, sealed: false };
      throw error;
    }
    if (raw === null) return { head: null, sealed: false };
    const inner = signed && isSigned(raw) ? raw.subarray(ENVELOPE_BYTES) : raw;
    try {
      const file = await readOwnPlain(path, 'head', Promise.resolve(raw));
      const head = file ? (JSON.parse(file.text) as HeadFile) : null;
      return { head: typeof head === 'object' ? head : null, sealed: isSealed(inner) };
    } catch (error) {
      if (
        error instanceof TamperedFileError ||
        error instanceof BadSignatureError ||
        error instanceof FileTooLargeError ||
        error instanceof SyntaxError
      ) {
        return { head: null, sealed: false };
      }
      throw error;
    }
  }

  /** Signs this device's snapshot written before the folder was signed (upgrade). */
  async function resignOwnSnapshot(info: SnapshotInfo): Promise<void> {
    const path = devicePath(me, snapshotName(info.n));
    const raw = await folder.read(path, FILE_LIMITS.snapshot.stored).catch(() => null);
    if (raw === null || isSigned(raw)) return;
    const legacy: ReadPolicy = { ...policy, key, signed: false };
    const file = await readFolderFile(legacy, path, 'snapshot', {
      signer: null,
      started: Promise.resolve(raw),
    }).catch(() => null);
    if (file && !file.truncated && !file.damaged) await writePlain(path, file.bytes);
  }

  // ---------- roster (signed folders) ----------

  interface RosterRead {
    /** The peers whose files are read, and how. */
    trust: Map<string, PeerTrust>;
    /** This device's standing. */
    self: KeyStanding;
    /** This device's key fingerprint. */
    selfFingerprint: string;
    /** What the Sync tab shows of each device. */
    shown: Map<string, Partial<PeerInfo>>;
    /** True when this device's statements changed this round (roster.json is written). */
    statementsChanged: boolean;
  }

  const rosterStateKey = (folderId: string): string => `roster:${folderId}:${me}`;

  /** This device's statements, with what the user asked for since the last round added. */
  async function ownStatements(
    folderId: string,
    format: FormatFile,
    states: Map<string, PeerState>,
    warnings: SyncWarning[],
  ): Promise<{ statements: RosterStatement[]; changed: boolean }> {
    const stored = await db.getState<{ statements: RosterStatement[] }>(rosterStateKey(folderId));
    const statements = [...(stored?.statements ?? [])];
    let changed = stored === undefined;
    const at = now().toISOString();
    for (const secret of [setupRecovery, typedRecovery]) {
      if (!secret || !myKey) continue;
      const recovery = await signerFromSecret(secret);
      if (toB64(recovery.publicKey) !== format.recoveryKey) {
        warnings.push({
          code: 'device-waiting',
          deviceId: me,
          message: 'That recovery key is not this folder’s: nothing was approved.',
        });
        continue;
      }
      const sig = await signBytes(recoveryStatement(folderId, myKey, me), secret);
      statements.push({ op: 'approve', key: myKey, deviceId: me, at, recovery: toB64(sig) });
      changed = true;
    }
    setupRecovery?.fill(0);
    typedRecovery?.fill(0);
    setupRecovery = null;
    typedRecovery = null;
    for (const action of pendingActions) {
      const device = lastDevices.get(action.deviceId);
      if (!device || device.key === myKey) {
        warnings.push({
          code: 'device-waiting',
          deviceId: action.deviceId,
          message: `${action.deviceId} is not a device of this folder (or has no readable key): nothing was ${action.op === 'approve' ? 'approved' : 'removed'}.`,
        });
        continue;
      }
      statements.push(
        action.op === 'approve'
          ? { op: 'approve', key: device.key, deviceId: action.deviceId, at }
          : {
              op: 'remove',
              key: device.key,
              deviceId: action.deviceId,
              at,
              upTo: states.get(action.deviceId)?.p ?? 0,
            },
      );
      changed = true;
    }
    pendingActions = [];
    if (changed) await db.setState(rosterStateKey(folderId), { statements });
    return { statements, changed };
  }

  /**
   * Reads every device's signed device.json and roster.json, and works out who may write: the
   * peers whose files are read (approved, or removed up to a position), and what the Sync tab
   * shows. A device key that changed under a known device id is refused.
   */
  async function readRoster(
    folderId: string,
    format: FormatFile,
    dirs: FolderEntry[],
    states: Map<string, PeerState>,
    warnings: SyncWarning[],
  ): Promise<RosterRead> {
    const inputs: RosterInput[] = [];
    const files = new Map<string, DeviceFile>();
    for (const dir of dirs) {
      const peer = dir.name;
      const state = states.get(peer) as PeerState;
      const read = await readIdentity(peer, folderId, state, warnings);
      if (!read) continue;
      files.set(peer, read.device);
      inputs.push({ deviceId: peer, key: read.device.publicKey, statements: read.statements });
    }
    // The user's approvals and removals name devices by id: their keys are the ones just read.
    for (const [id, file] of files) lastDevices.set(id, { key: file.publicKey });
    const own = await ownStatements(folderId, format, states, warnings);
    inputs.unshift({ deviceId: me, key: myKey ?? '', statements: own.statements });
    const recoveryKey = format.recoveryKey ? fromB64(format.recoveryKey, 32) : null;
    const standings = await computeRoster(folderId, recoveryKey, inputs);
    const trust = new Map<string, PeerTrust>();
    const shown = new Map<string, Partial<PeerInfo>>();
    const devices = new Map<string, { key: string; name?: string }>();
    const nameOf = (id: string): string =>
      id === 'recovery'
        ? 'recovery key'
        : id === me
          ? (options.deviceName ?? 'this device')
          : (files.get(id)?.deviceName ?? id);
    for (const input of inputs) {
      const standing = standings.get(input.key) ?? { status: 'pending', approvedBy: [] };
      const file = files.get(input.deviceId);
      devices.set(input.deviceId, {
        key: input.key,
        ...(file?.deviceName ? { name: file.deviceName } : {}),
      });
      const print = await fingerprint(fromB64(input.key, 32) ?? new Uint8Array(32));
      shown.set(input.deviceId, {
        fingerprint: print,
        standing: standing.status,
        approvedBy: standing.approvedBy.map(nameOf),
        ...(file ? { joinedAt: file.joinedAt } : {}),
        ...(file?.deviceName && !states.get(input.deviceId)?.deviceName
          ? { deviceName: file.deviceName }
          : {}),
      });
      if (input.deviceId === me) continue;
      const key = fromB64(input.key, 32);
      if (standing.status === 'approved' && key) trust.set(input.deviceId, { key });
      else if (standing.status === 'removed' && key) {
        trust.set(input.deviceId, { key, upTo: standing.upTo ?? 0 });
      } else {
        warnings.push({
          code: 'device-waiting',
          deviceId: input.deviceId,
          path: devicePath(input.deviceId, DEVICE_FILE),
          message: `"${file?.deviceName ?? input.deviceId}" (${input.deviceId}, key ${print}) asks to join this folder. Nothing it writes is applied until it is approved on the Sync tab.`,
        });
      }
    }
    lastDevices = devices;
    const self = standings.get(myKey ?? '') ?? { status: 'pending' as const, approvedBy: [] };
    return {
      trust,
      self,
      selfFingerprint: shown.get(me)?.fingerprint ?? '',
      shown,
      statementsChanged: own.changed,
    };
  }

  /** A peer's verified device.json and roster statements; null (reported) when not usable. */
  async function readIdentity(
    peer: string,
    folderId: string,
    state: PeerState,
    warnings: SyncWarning[],
  ): Promise<{ device: DeviceFile; statements: RosterStatement[] } | null> {
    const entries = await folder.list(deviceDir(peer));
    const entryOf = new Map(entries.map((e) => [e.name, e]));
    const devPath = devicePath(peer, DEVICE_FILE);
    const devEntry = entryOf.get(DEVICE_FILE);
    if (!devEntry) {
      if (entries.some((e) => classifyFile(e.name).kind !== 'ignore')) {
        warnings.push({
          code: 'bad-signature',
          deviceId: peer,
          path: devicePath(peer, HEAD_FILE),
          message: `${deviceDir(peer)} holds files but no signed device.json: it is not a device of this folder, nothing of it is read.`,
        });
      }
      return null;
    }
    if (skipFailing(devPath, devEntry)) return null;
    // Unchanged since the last round (same sizes and times, same folder and key): the verified
    // identity is reused, so an idle round checks no signature.
    const rosterEntry0 = entryOf.get(ROSTER_FILE);
    const version = [
      folderId,
      key === null ? '' : keyFor,
      devEntry.size,
      devEntry.mtimeMs,
      rosterEntry0?.size,
      rosterEntry0?.mtimeMs,
    ].join('|');
    const cached = identities.get(peer);
    if (cached && cached.version === version && cached.result.device.publicKey === state.key) {
      return cached.result;
    }
    let device: DeviceFile | null;
    let statements: RosterStatement[] = [];
    try {
      const file = await readPlain(devPath, 'device', null, { size: devEntry.size });
      device = file ? parseDeviceFile(JSON.parse(file.text)) : null;
      const signerKey = file?.signerKey ?? null;
      if (
        !device ||
        device.deviceId !== peer ||
        device.folderId !== folderId ||
        !signerKey ||
        toB64(signerKey) !== device.publicKey
      ) {
        throw new BadSignatureError(devPath, 'not this device’s own statement for this folder');
      }
      if (state.key !== undefined && state.key !== device.publicKey) {
        warnings.push({
          code: 'device-key-changed',
          deviceId: peer,
          path: devPath,
          message: `${devPath} now names another key than the one this device knows for ${peer}: refused (a device keeps its key; a new key is a new device).`,
        });
        return null;
      }
      state.key = device.publicKey;
      const rosterPath = devicePath(peer, ROSTER_FILE);
      const rosterEntry = entryOf.get(ROSTER_FILE);
      if (rosterEntry && !skipFailing(rosterPath, rosterEntry)) {
        const roster = await readPlain(rosterPath, 'roster', signerKey, {
          size: rosterEntry.size,
        }).then((f) => (f ? parseRosterFile(JSON.parse(f.text)) : null));
        if (roster && roster.folderId === folderId && roster.deviceId === peer) {
          statements = roster.statements;
        }
      }
    } catch (error) {
      if (error instanceof SyntaxError) return null;
      if (!fileFailed(error, peer, devPath, devEntry, warnings)) throw error;
      return null;
    }
    identities.set(peer, { version, result: { device, statements } });
    return { device, statements };
  }

  /** Writes this device's device.json (when missing) and roster.json (when changed or missing). */
  async function publishRosterFiles(
    folderId: string,
    changed: boolean,
    rewrite: boolean,
  ): Promise<void> {
    const names = new Set((await folder.list(deviceDir(me))).map((e) => e.name));
    if ((rewrite || !names.has(DEVICE_FILE)) && myKey) {
      const device: DeviceFile = {
        t: 'device',
        folderId,
        deviceId: me,
        publicKey: myKey,
        ...(options.deviceName ? { deviceName: options.deviceName } : {}),
        ...(options.actor ? { actor: options.actor } : {}),
        joinedAt: now().toISOString(),
      };
      await writePlain(devicePath(me, DEVICE_FILE), toBytes(`${JSON.stringify(device)}\n`));
    }
    if (rewrite || changed || !names.has(ROSTER_FILE)) {
      const stored = await db.getState<{ statements: RosterStatement[] }>(rosterStateKey(folderId));
      const roster = { t: 'roster', folderId, deviceId: me, statements: stored?.statements ?? [] };
      await writePlain(devicePath(me, ROSTER_FILE), toBytes(`${JSON.stringify(roster)}\n`));
    }
  }

  // ---------- the round ----------

  async function round(progress: (p: SyncProgress) => void): Promise<SyncReport> {
    roundNo += 1;
    policy.sawSealed = false;
    const started = now();
    const startedMs = Date.now();
    const report: SyncReport = {
      status: 'ok',
      sent: 0,
      received: 0,
      duplicates: 0,
      parked: 0,
      conflicts: 0,
      peers: [],
      warnings: [],
      idle: true,
      encrypted: false,
      signed: false,
      startedAt: started.toISOString(),
      durationMs: 0,
    };
    const finish = (): SyncReport => ({ ...report, durationMs: Date.now() - startedMs });
    try {
      progress({ phase: 'checking', done: 0, total: 1 });
      if (!(await folder.available())) {
        report.status = 'offline';
        report.message =
          'The sync folder is not available (disconnected, moved or renamed). Changes wait here.';
        return finish();
      }
      const setup = await setUp();
      if (!setup.ok) {
        report.status = setup.status;
        report.message = setup.message;
        return finish();
      }
      report.encrypted = key !== null;
      report.signed = signed;
      if (setupRecovery) report.recoveryKey = formatRecoveryKey(setupRecovery);
      const folderId = setup.format.folderId;
      let own = await loadOwn(folderId);

      // Own files: another writer under this id? emptied or rolled back?
      let rebuild = false;
      const { head: ownHeadRead, sealed: ownHeadSealed } = await readOwnHead();
      let ownHead = ownHeadRead;
      if (ownHead && typeof ownHead.token === 'string' && !own.tokens.includes(ownHead.token)) {
        const shipped = await idsUnder(me, report.warnings);
        const known = await db.knownChangeIds([...shipped]);
        if (known.size < shipped.size) {
          report.deviceIdChanged = await takeFreshId(shipped, report.warnings);
          own = await loadOwn(folderId);
          ownHead = null;
        } else if (own.lastP === 0 && Array.isArray(ownHead.segments)) {
          // Our own files, but this database forgot writing them (state lost): adopt them.
          own.segments = ownHead.segments;
          own.lastP = ownHead.lastP;
          own.writtenSeq = Math.max(0, ...ownHead.segments.map((seg) => seg.lastSeq));
          own.nextSegment = Math.max(0, ...ownHead.segments.map((seg) => seg.n)) + 1;
          if (ownHead.snapshot) {
            own.snapshot = ownHead.snapshot;
            own.nextSnapshot = ownHead.snapshot.n + 1;
          }
          own.tokens = [ownHead.token];
        } else {
          rebuild = true;
        }
      } else if (own.lastP > 0 && (ownHead === null || ownHead.lastP < own.lastP)) {
        rebuild = true;
        // An unsigned own snapshot (the folder was just upgraded to signed) is signed in place:
        // it may hold what compaction already removed from the segments.
        if (signed && own.snapshot) await resignOwnSnapshot(own.snapshot);
        report.warnings.push({
          code: 'own-files-restored',
          deviceId: me,
          message:
            "This device's files in the sync folder were missing or older than expected (folder emptied or restored from a backup?); they were written again.",
        });
      } else if (key !== null && ownHead !== null && !ownHeadSealed) {
        rebuild = true; // encryption was turned on: re-seal own files
        // The snapshot too: it may hold what compaction already removed from the segments, so
        // it is re-sealed in place rather than dropped; the provider never keeps a plain copy.
        // Read as text (gunzipped) and written again: writePlain compresses and seals it once.
        if (own.snapshot) {
          const path = devicePath(me, snapshotName(own.snapshot.n));
          const file = await readOwnPlain(path, 'snapshot').catch(() => null);
          if (file && !file.truncated && !file.damaged) await writePlain(path, file.bytes);
        }
      }

      // Peers.
      progress({ phase: 'reading', done: 0, total: 1 });
      const dirs = (await folder.list(DEVICES_DIR)).filter(
        (e) => e.kind === 'dir' && e.name !== me && /^[0-9a-f-]{36}$/i.test(e.name),
      );
      const states = new Map<string, PeerState>();
      for (const dir of dirs) states.set(dir.name, await loadPeer(folderId, dir.name));
      const roster = signed
        ? await readRoster(folderId, setup.format, dirs, states, report.warnings)
        : null;
      const summaries: ApplySummary[] = [];
      const reads: { peer: string; state: PeerState; read: PeerRead }[] = [];
      for (const dir of dirs) {
        const state = states.get(dir.name) as PeerState;
        const trust: PeerTrust | undefined = roster ? roster.trust.get(dir.name) : { key: null };
        if (!trust) continue; // waiting for approval, or not a signed device: nothing is read
        try {
          reads.push({
            peer: dir.name,
            state,
            read: await readPeer(dir.name, state, trust, folderId, report.warnings),
          });
        } catch (error) {
          report.warnings.push({
            code: 'fs-error',
            deviceId: dir.name,
            message: `${folderErrorCode(error)} reading ${dir.name}; will retry.`,
          });
        }
        progress({ phase: 'reading', done: reads.length, total: dirs.length });
      }
      const clock = clockPolicy(reads.flatMap((r) => r.read.changes));
      if (clock.localBehindMs !== null) {
        report.warnings.push({
          code: 'clock-skew',
          deviceId: me,
          message: `This device's clock seems about ${Math.round(clock.localBehindMs / 3_600_000)} h behind the other devices; their time was adopted. Check this computer's date and time.`,
        });
      }
      const total = reads.reduce((n, r) => n + r.read.changes.length, 0);
      let appliedSoFar = 0;
      // Said before the first batch (which can take seconds): the screen shows it, and the app
      // holds back its own heavy work (the daily backup) while changes are applied.
      if (total > 0) progress({ phase: 'applying', done: 0, total });
      for (const { peer, state, read } of reads) {
        if (!read.read) continue;
        report.idle = false;
        for (let i = 0; i < read.changes.length; i += applyBatch) {
          const batch = read.changes.slice(i, i + applyBatch);
          summaries.push(await db.apply(batch, { maxDriftMs: clock.maxDriftMs }));
          appliedSoFar += batch.length;
          progress({ phase: 'applying', done: appliedSoFar, total });
        }
        while (read.positions.has(state.p + 1)) state.p += 1;
        await db.setState(peerKey(folderId, peer), state);
      }
      for (const [peer, state] of states) {
        if (!dirs.some((d) => d.name === peer)) await db.setState(peerKey(folderId, peer), state);
      }
      const skewed = new Map<string, number>();
      for (const s of summaries) {
        report.received += s.applied;
        report.duplicates += s.duplicates;
        report.parked += s.parked;
        report.conflicts += s.conflicts;
        for (const d of s.skewedDevices)
          skewed.set(d.deviceId, Math.max(skewed.get(d.deviceId) ?? 0, d.driftMs));
      }
      for (const [deviceId, driftMs] of skewed) {
        report.warnings.push({
          code: 'clock-skew',
          deviceId,
          message: `${states.get(deviceId)?.deviceName ?? deviceId}'s clock is about ${Math.round(driftMs / 60_000)} min ahead of this device's; its time was not adopted (its edits may win until the clocks agree). Check both clocks.`,
        });
      }
      if (report.parked > 0) {
        report.warnings.push({
          code: 'parked',
          message: `${report.parked} change(s) from a newer app version were kept aside; they apply after you update.`,
        });
      }

      // Publish: never in the clear into a folder that turned out encrypted.
      if (policy.sawSealed && key === null) {
        report.status = 'keys-missing';
        report.message =
          'This sync folder holds encrypted files but no keys.json (removed, or not arrived yet). Nothing was published; restore keys.json to sync.';
        return finish();
      }
      if (roster) {
        await publishRosterFiles(folderId, roster.statementsChanged, rebuild);
        report.waitingForApproval = roster.self.status !== 'approved';
        if (report.waitingForApproval) {
          report.message = `This device is waiting for approval: on a computer already syncing this folder, open Sync and approve "${options.deviceName ?? me}" (key ${roster.selfFingerprint}). Or approve it here with the folder's recovery key.`;
        }
      }
      const sent = await publish(own, rebuild, progress);
      report.sent = sent;
      const cursors: Record<string, number> = {};
      for (const [peer, state] of states) cursors[peer] = state.p;
      progress({ phase: 'compacting', done: 0, total: 1 });
      const compacted = await snapshotAndCompact(own, own.lastP);
      const cursorsMoved = Object.entries(cursors).some(
        ([peer, p]) => (ownHead?.cursors?.[peer] ?? 0) !== p,
      );
      if (sent > 0 || rebuild || compacted || ownHead === null || cursorsMoved) {
        await writeHead(own, cursors, folderId);
        if (sent > 0 || rebuild || compacted) report.idle = false;
      }
      await db.setState(ownKey(folderId), own);
      if (!report.idle) await db.retryParked();

      // Devices for the UI.
      report.peers = [
        {
          deviceId: me,
          deviceName: options.deviceName,
          actor: options.actor,
          published: own.lastP,
          read: own.lastP,
          writtenAt: now().toISOString(),
          self: true,
        },
        ...[...states].map(([deviceId, s]) => ({
          deviceId,
          deviceName: s.deviceName,
          actor: s.actor,
          published: s.published,
          read: s.p,
          writtenAt: s.writtenAt,
          self: false,
        })),
      ].map((peer) => ({ ...peer, ...(roster?.shown.get(peer.deviceId) ?? {}) }));
      return finish();
    } catch (error) {
      const code = error instanceof FolderError ? error.code : folderErrorCode(error);
      report.status = 'failed';
      report.message =
        code === 'ENOSPC'
          ? 'The disk holding the sync folder is full. Changes wait here; free some space.'
          : code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
            ? `The sync folder is busy or locked (${code}). Changes wait here; will retry.`
            : `Sync failed: ${error instanceof Error ? error.message : String(error)}. Changes wait here.`;
      report.warnings.push({ code: 'fs-error', message: report.message });
      return finish();
    }
  }

  return {
    sync(onProgress) {
      if (running) return running;
      running = round(onProgress ?? (() => {})).finally(() => {
        running = null;
      });
      return running;
    },
    setPassphrase(value) {
      passphrase = value;
      key = null;
      keyFor = null;
    },
    approveDevice(deviceId) {
      pendingActions.push({ op: 'approve', deviceId });
      return this.sync();
    },
    removeDevice(deviceId) {
      pendingActions.push({ op: 'remove', deviceId });
      return this.sync();
    },
    approveWithRecoveryKey(text) {
      if (!this.queueRecoveryKey(text)) {
        return Promise.reject(new Error('That is not a recovery key (64 hexadecimal digits).'));
      }
      return this.sync();
    },
    queueRecoveryKey(text) {
      const secret = parseRecoveryKey(text);
      if (secret) typedRecovery = secret;
      return secret !== null;
    },
    async upgradeFolder() {
      if (!signer) throw new Error('This installation has no device key.');
      const format = await readJsonRaw<FormatFile>(FORMAT_FILE, 'format');
      if (format === 'missing' || format === 'bad' || format.format !== FORMAT_NAME) {
        throw new Error('The sync folder has no readable format.json.');
      }
      if (format.version >= SIGNED_FORMAT) throw new Error('This folder is already signed.');
      const recovery = newSecretKey();
      const upgraded: FormatFile = {
        ...format,
        version: SIGNED_FORMAT,
        minReaderVersion: SIGNED_FORMAT,
        recoveryKey: toB64((await signerFromSecret(recovery)).publicKey),
      };
      await folder.write(FORMAT_FILE, toBytes(`${JSON.stringify(upgraded, null, 2)}\n`));
      const pin = await db.getState<FolderPin>(pinStateKey);
      if (pin) await db.setState(pinStateKey, { ...pin, formatText: undefined });
      setupRecovery = recovery;
      return this.sync();
    },
    async changePassphrase(oldValue, newValue) {
      const text = await folder.read(KEYS_FILE, FILE_LIMITS.keys.stored);
      const keys = text === null ? null : parseKeysFile(fromBytes(text));
      if (keys === null || keysFileProblem(keys) !== null) {
        throw new Error('This sync folder has no usable keys.json to change.');
      }
      const rewrapped = await rewrapWorkspaceKey(keys, oldValue, newValue);
      await folder.write(KEYS_FILE, toBytes(`${JSON.stringify(rewrapped, null, 2)}\n`));
      passphrase = newValue;
      key = null;
      keyFor = null;
      return this.sync();
    },
    async enableEncryption(value) {
      if ((await folder.read(KEYS_FILE)) !== null) {
        throw new Error('This sync folder is already encrypted.');
      }
      const created: { key: WorkspaceKey; file: KeysFile } = await createWorkspaceKey(value);
      await folder.write(KEYS_FILE, toBytes(`${JSON.stringify(created.file, null, 2)}\n`));
      passphrase = value;
      key = null;
      keyFor = null;
      return this.sync();
    },
    deviceId: () => me,
  };
}
