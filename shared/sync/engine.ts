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
  openFile,
  parseKeysFile,
  sealFile,
  unlockWorkspaceKey,
  type KeysFile,
  type WorkspaceKey,
} from './crypto';
import type { ApplySummary, SyncDatabase } from './database';
import { gunzipPrefix, gzipBytes, isGzip } from './compression';
import { FolderError, folderErrorCode, type SyncFolder } from './folder';
import {
  COMPRESSED_FORMAT,
  DEVICES_DIR,
  FORMAT_FILE,
  FORMAT_NAME,
  FORMAT_VERSION,
  HEAD_FILE,
  KEYS_FILE,
  READER_VERSION,
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
  newFolderFormat?: 1 | 2;
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
    | 'duplicate-device-id';
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
  status: 'ok' | 'offline' | 'locked' | 'wrong-passphrase' | 'unsupported-format' | 'failed';
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

  const inScope = (c: ChangeRecord): boolean => scope === null || scope.has(c.engagementId);

  // ---------- file helpers ----------

  /**
   * Reads a file as plain text: opened when sealed, decompressed when gzipped (as far as it
   * goes: `truncated` when the download is still arriving, `damaged` when junk follows the
   * data); null when missing. `started`: the folder read of this path, already under way.
   */
  async function readPlain(
    path: string,
    started?: Promise<Uint8Array | null>,
  ): Promise<{ text: string; bytes: Uint8Array; truncated: boolean; damaged: boolean } | null> {
    let bytes = await (started ?? folder.read(path));
    if (bytes === null) return null;
    if (isSealed(bytes)) {
      if (!key) throw new TamperedFileError(path);
      bytes = await openFile(key, path, bytes);
    }
    if (isGzip(bytes)) {
      const inflated = gunzipPrefix(bytes);
      return { ...inflated, text: fromBytes(inflated.bytes) };
    }
    return { text: fromBytes(bytes), bytes, truncated: false, damaged: false };
  }

  /**
   * Writes plain bytes: segments and snapshots gzipped in a folder of format 2 or later, then
   * sealed when the folder is encrypted (compressed first: ciphertext does not compress).
   */
  async function writePlain(path: string, plain: Uint8Array): Promise<void> {
    const data =
      compressFiles && path.endsWith('.jsonl') && !isGzip(plain) ? gzipBytes(plain) : plain;
    await folder.write(path, key ? await sealFile(key, path, data) : data);
  }

  async function readJson<T>(path: string): Promise<T | null> {
    const file = await readPlain(path);
    if (file === null) return null;
    try {
      return JSON.parse(file.text) as T;
    } catch {
      return null;
    }
  }

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

  type Setup =
    { ok: true; format: FormatFile } | { ok: false; status: SyncReport['status']; message: string };

  async function setUp(): Promise<Setup> {
    let format = await readJsonRaw<FormatFile>(FORMAT_FILE);
    if (format === 'missing') {
      const version = options.newFolderFormat ?? FORMAT_VERSION;
      const fresh: FormatFile = {
        format: FORMAT_NAME,
        version,
        // gzipped files (format 2) are unreadable to a reader of format 1
        minReaderVersion: version,
        folderId: newId(),
        createdAt: now().toISOString(),
      };
      await folder.write(FORMAT_FILE, toBytes(`${JSON.stringify(fresh, null, 2)}\n`));
      format = await readJsonRaw<FormatFile>(FORMAT_FILE); // another device may have won
      if (format === 'missing' || format === 'bad') format = fresh;
    }
    if (format === 'bad' || format.format !== FORMAT_NAME || typeof format.folderId !== 'string') {
      return {
        ok: false,
        status: 'failed',
        message: 'format.json in the sync folder is unreadable (still downloading?); will retry.',
      };
    }
    folderFormat = Math.min(format.version, FORMAT_VERSION);
    compressFiles = folderFormat >= COMPRESSED_FORMAT;
    if (format.minReaderVersion > READER_VERSION) {
      return {
        ok: false,
        status: 'unsupported-format',
        message: `This sync folder was written by a newer version of the app (format ${format.version}). Update the app to sync; nothing was changed.`,
      };
    }
    const keysBytes = await folder.read(KEYS_FILE);
    if (keysBytes === null) {
      key = null;
      keyFor = null;
      return { ok: true, format };
    }
    const keysText = fromBytes(keysBytes);
    const keys = parseKeysFile(keysText);
    if (keys === null) {
      return { ok: false, status: 'failed', message: 'keys.json is unreadable; will retry.' };
    }
    if (key && keyFor === keysText) return { ok: true, format };
    if (passphrase === null) {
      return {
        ok: false,
        status: 'locked',
        message: 'This sync folder is encrypted: enter its passphrase to sync.',
      };
    }
    const wrong = {
      ok: false as const,
      status: 'wrong-passphrase' as const,
      message: 'Wrong passphrase: the sync folder could not be unlocked. Nothing was changed.',
    };
    // A passphrase that already failed for these keys is not derived again every round.
    if (failedFor === `${keysText}\u0000${passphrase}`) return wrong;
    try {
      key = await unlockWorkspaceKey(keys, passphrase);
      keyFor = keysText;
    } catch (error) {
      if (error instanceof WrongPassphraseError) {
        failedFor = `${keysText}\u0000${passphrase}`;
        return wrong;
      }
      throw error;
    }
    return { ok: true, format };
  }

  async function readJsonRaw<T>(path: string): Promise<T | 'missing' | 'bad'> {
    const bytes = await folder.read(path);
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
  async function snapshotAndCompact(
    own: OwnState,
    vector: Record<string, number>,
  ): Promise<boolean> {
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
      const changes = await db.snapshotChanges(options.engagementIds);
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

  /** Reads what is new from one peer (not applied yet). */
  async function readPeer(
    peer: string,
    state: PeerState,
    states: Map<string, PeerState>,
    warnings: SyncWarning[],
  ): Promise<PeerRead> {
    const out: PeerRead = { changes: [], positions: new Set(), read: false };
    let head: HeadFile | null = null;
    try {
      head = await readJson<HeadFile>(devicePath(peer, HEAD_FILE));
    } catch (error) {
      if (error instanceof TamperedFileError) {
        warnings.push({
          code: 'tampered-file',
          deviceId: peer,
          path: error.path,
          message: `${error.path} failed authentication; it is ignored.`,
        });
        return out;
      }
      throw error;
    }
    if (head && typeof head.lastP === 'number') {
      state.deviceName = head.deviceName;
      state.actor = head.actor;
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
    const entries = await folder.list(deviceDir(peer));
    const copies = entries
      .map((e) => ({ e, kind: classifyFile(e.name) }))
      .filter((x) => (x.kind.kind === 'segment' || x.kind.kind === 'snapshot') && x.kind.copy)
      .filter((x) => !state.copies.includes(`${x.e.name}|${x.e.size}|${x.e.mtimeMs}`));
    const upToDate = head !== null && typeof head.lastP === 'number' && head.lastP <= state.p;
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
    for (const seg of head?.segments ?? []) listed.set(seg.n, seg);

    // A gap before the first available segment (compacted): join through the snapshot.
    const firstAvailable = head?.firstP ?? 1;
    if (!upToDate && firstAvailable > state.p + 1 && head?.snapshot) {
      const snapPath = devicePath(peer, snapshotName(head.snapshot.n));
      const snap = await readLinesOf(snapPath, peer, warnings);
      if (snap) {
        const header = snap.values[0] as Partial<SnapshotHeader> | undefined;
        // A snapshot is used only whole: a download cut at a line boundary looks complete.
        const whole = snap.values.length - 1 === head.snapshot.lines && snap.badLines === 0;
        if (header?.t === 'snap' && !snap.incompleteTail && whole) {
          for (const line of snap.values.slice(1)) {
            const c = (line as { c?: unknown }).c;
            if (c !== undefined) out.changes.push(c);
          }
          for (const [device, position] of Object.entries(header.vector ?? {})) {
            if (device === me || typeof position !== 'number') continue;
            const target = device === peer ? state : states.get(device);
            if (target) target.p = Math.max(target.p, position);
            else states.set(device, { p: position, hashes: {}, copies: [], published: 0 });
          }
        }
      }
    }

    if (!upToDate) {
      const present = new Set(segments);
      for (const info of head?.segments ?? []) {
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
        return !(info && info.lastP <= state.p);
      });
      const startRead = (n: number | undefined): Promise<Uint8Array | null> | undefined => {
        if (n === undefined) return undefined;
        const path = devicePath(peer, segmentName(n));
        const pending = Promise.resolve().then(() => folder.read(path));
        pending.catch(() => undefined); // reported when awaited (readLinesOf), never unhandled
        return pending;
      };
      let next = startRead(unread[0]);
      for (const [i, n] of unread.entries()) {
        const info = listed.get(n);
        const started = next;
        next = startRead(unread[i + 1]);
        const path = devicePath(peer, segmentName(n));
        const file = await readLinesOf(path, peer, warnings, started);
        if (!file) continue;
        const header = file.values[0] as Partial<SegmentHeader> | undefined;
        const known = state.hashes[String(n - 1)];
        if (header?.t === 'seg' && known && header.prev !== known) {
          warnings.push({
            code: 'chain-broken',
            deviceId: peer,
            path,
            message: `${path} does not follow the segment read before it: ${state.deviceName ?? peer}'s history was rewritten or replaced. Its changes were merged, nothing was deleted.`,
          });
        }
        for (const line of file.values) {
          const { p, c } = line as { p?: unknown; c?: unknown };
          if (typeof p !== 'number' || c === undefined) continue;
          if (p <= state.p) continue;
          out.positions.add(p);
          out.changes.push(c);
        }
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

    // Conflicted copies of the peer's files: recover their changes (idempotence dedupes).
    for (const { e } of copies) {
      const file = await readLinesOf(devicePath(peer, e.name), peer, warnings);
      if (file) {
        for (const line of file.values) {
          const c = (line as { c?: unknown }).c;
          if (c !== undefined) out.changes.push(c);
        }
      }
      state.copies = [...state.copies, `${e.name}|${e.size}|${e.mtimeMs}`].slice(-64);
    }
    return out;
  }

  async function readLinesOf(
    path: string,
    peer: string,
    warnings: SyncWarning[],
    started?: Promise<Uint8Array | null>,
  ): Promise<(ReturnType<typeof decodeLines> & { bytes: Uint8Array }) | null> {
    let file: Awaited<ReturnType<typeof readPlain>>;
    try {
      file = await readPlain(path, started);
    } catch (error) {
      if (error instanceof TamperedFileError) {
        warnings.push({
          code: 'tampered-file',
          deviceId: peer,
          path,
          message: `${path} failed authentication (altered, or still arriving); it is ignored.`,
        });
        return null;
      }
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
        message: `${path} has damaged compressed data; the lines before the damage were read.`,
      });
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
      if (classifyFile(entry.name).kind !== 'segment') continue;
      const file = await readLinesOf(devicePath(deviceId, entry.name), deviceId, warnings);
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

  // ---------- the round ----------

  async function round(progress: (p: SyncProgress) => void): Promise<SyncReport> {
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
      const folderId = setup.format.folderId;
      let own = await loadOwn(folderId);

      // Own files: another writer under this id? emptied or rolled back?
      let rebuild = false;
      let ownHead: HeadFile | null = null;
      let ownHeadSealed = false;
      try {
        const bytes = await folder.read(devicePath(me, HEAD_FILE));
        ownHeadSealed = bytes !== null && isSealed(bytes);
        ownHead = bytes === null ? null : await readJson<HeadFile>(devicePath(me, HEAD_FILE));
      } catch (error) {
        if (!(error instanceof TamperedFileError)) throw error;
        ownHead = null;
      }
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
          const bytes = await folder.read(path);
          if (bytes !== null && !isSealed(bytes)) {
            const file = await readPlain(path);
            if (file && !file.truncated && !file.damaged) await writePlain(path, file.bytes);
          }
        }
      }

      // Peers.
      progress({ phase: 'reading', done: 0, total: 1 });
      const dirs = (await folder.list(DEVICES_DIR)).filter(
        (e) => e.kind === 'dir' && e.name !== me && /^[0-9a-f-]{36}$/i.test(e.name),
      );
      const states = new Map<string, PeerState>();
      for (const dir of dirs) states.set(dir.name, await loadPeer(folderId, dir.name));
      const summaries: ApplySummary[] = [];
      const reads: { peer: string; state: PeerState; read: PeerRead }[] = [];
      for (const dir of dirs) {
        const state = states.get(dir.name) as PeerState;
        try {
          reads.push({
            peer: dir.name,
            state,
            read: await readPeer(dir.name, state, states, report.warnings),
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

      // Publish.
      const sent = await publish(own, rebuild, progress);
      report.sent = sent;
      const cursors: Record<string, number> = {};
      for (const [peer, state] of states) cursors[peer] = state.p;
      const vector = { ...cursors, [me]: own.lastP };
      progress({ phase: 'compacting', done: 0, total: 1 });
      const compacted = await snapshotAndCompact(own, vector);
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
      ];
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
