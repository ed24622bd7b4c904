/**
 * One sync round: check the folder's policy and this device's files, read and apply the peers,
 * publish. Each step is one function below, in the order the round runs them.
 */
import type { FormatFile } from '../format';
import type { ApplySummary } from '../database';
import { FolderError, folderErrorCode, type FolderEntry } from '../folder';
import type { HeadFile } from '../format';
import { formatRecoveryKey } from '../identity';
import { clockPolicy } from './clock';
import type { EngineCtx, OwnState, PeerState } from './context';
import { publishRosterFiles } from './identity';
import { idsUnder, readOwnHead, takeFreshId } from './ownFiles';
import { setUp } from './policy';
import { syncBlobs } from './blobs';
import { publish, writeHead } from './publish';
import type { PeerRead, PeerTrust } from './peerLines';
import { readPeer } from './readPeer';
import { readRoster, type RosterRead } from './roster';
import { healOwnSegments } from './selfHeal';
import { resignOwnSnapshot, rewriteOwnSnapshot, snapshotAndCompact } from './snapshot';
import { honourDecision } from './encryptionOff';
import { listPeers, loadOwn, ownKey, peerKey } from './state';
import type { SyncProgress, SyncReport } from './types';
import { parkedDroppedWarnings } from './parkedDropped';

type Progress = (p: SyncProgress) => void;

/** This device's files as found at the start of the round. */
interface OwnCheck {
  own: OwnState;
  ownHead: HeadFile | null;
  /** True when this device's files are written again in full. */
  rebuild: boolean;
}

/** The peers of the round and what was read of them. */
interface PeersRead {
  dirs: FolderEntry[];
  states: Map<string, PeerState>;
  roster: RosterRead | null;
  reads: { peer: string; state: PeerState; read: PeerRead }[];
}

function emptyReport(started: Date): SyncReport {
  return {
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
}

/** Runs one round; never throws (a failure is the report's status). */
export async function round(ctx: EngineCtx, progress: Progress): Promise<SyncReport> {
  ctx.roundNo += 1;
  ctx.policy.sawSealed = false;
  const startedMs = Date.now();
  const report = emptyReport(ctx.now());
  const finish = (): SyncReport => ({ ...report, durationMs: Date.now() - startedMs });
  try {
    await roundSteps(ctx, report, progress);
  } catch (error) {
    reportFailure(error, report);
  }
  return finish();
}

async function roundSteps(ctx: EngineCtx, report: SyncReport, progress: Progress): Promise<void> {
  progress({ phase: 'checking', done: 0, total: 1 });
  if (!(await ctx.folder.available())) {
    report.status = 'offline';
    report.message =
      'The sync folder is not available (disconnected, moved or renamed). Changes wait here.';
    return;
  }
  const setup = await setUp(ctx);
  if (!setup.ok) {
    report.status = setup.status;
    report.message = setup.message;
    return;
  }
  report.encrypted = ctx.key !== null && !ctx.retired;
  report.signed = ctx.signed;
  if (ctx.setupRecovery) report.recoveryKey = formatRecoveryKey(ctx.setupRecovery);
  const folderId = setup.format.folderId;
  const own = await checkOwnFiles(ctx, folderId, report);
  const peers = await readPeers(ctx, folderId, setup.format, report, progress);
  if (ctx.offNotice) {
    // Encryption turned off by an approved device's decision: own files written again unsealed.
    report.warnings.push(ctx.offNotice);
    ctx.offNotice = null;
    report.encrypted = false;
    own.rebuild = true;
    await rewriteOwnSnapshot(ctx, own.own);
  }
  await applyReads(ctx, folderId, peers, report, progress);
  // Publish: never in the clear into a folder that turned out encrypted.
  if (ctx.policy.sawSealed && ctx.key === null && !ctx.retired) {
    report.status = 'keys-missing';
    report.message =
      'This sync folder holds encrypted files but no keys.json (removed, or not arrived yet). Nothing was published; restore keys.json to sync.';
    return;
  }
  await publishRound(ctx, folderId, own, peers, report, progress);
  report.peers = devicesForUi(ctx, own.own, peers);
  const trusted = peers.roster ? [...peers.roster.trust.keys()] : peers.dirs.map((d) => d.name);
  await syncBlobs(ctx, trusted, report, progress);
}

/** Own files: another writer under this id? emptied or rolled back? turned encrypted? */
async function checkOwnFiles(
  ctx: EngineCtx,
  folderId: string,
  report: SyncReport,
): Promise<OwnCheck> {
  let own = await loadOwn(ctx, folderId);
  const { head: ownHeadRead, sealed: ownHeadSealed } = await readOwnHead(ctx);
  let ownHead = ownHeadRead;
  let rebuild = false;
  if (ownHead && typeof ownHead.token === 'string' && !own.tokens.includes(ownHead.token)) {
    const shipped = await idsUnder(ctx, ctx.me, report.warnings);
    const known = await ctx.db.knownChangeIds([...shipped]);
    if (known.size < shipped.size) {
      report.deviceIdChanged = await takeFreshId(ctx, shipped, report.warnings);
      own = await loadOwn(ctx, folderId);
      ownHead = null;
    } else if (own.lastP === 0 && Array.isArray(ownHead.segments)) {
      adoptOwnFiles(own, ownHead);
    } else {
      rebuild = true;
    }
  } else if (ctx.retired && ownHeadSealed && own.lastP > 0) {
    rebuild = true; // encryption was turned off: own files written again unsealed
    await rewriteOwnSnapshot(ctx, own);
  } else if (own.lastP > 0 && (ownHead === null || ownHead.lastP < own.lastP)) {
    rebuild = true;
    // An unsigned own snapshot (the folder was just upgraded to signed) is signed in place:
    // it may hold what compaction already removed from the segments.
    if (ctx.signed && own.snapshot) await resignOwnSnapshot(ctx, own.snapshot);
    report.warnings.push({
      code: 'own-files-restored',
      deviceId: ctx.me,
      message:
        "This device's files in the sync folder were missing or older than expected (folder emptied or restored from a backup?); they were written again.",
    });
  } else if (ctx.key !== null && !ctx.retired && ownHead !== null && !ownHeadSealed) {
    rebuild = true; // encryption was turned on: re-seal own files
    await rewriteOwnSnapshot(ctx, own);
  }
  return { own, ownHead, rebuild };
}

/** Our own files, but this database forgot writing them (state lost): adopt them. */
function adoptOwnFiles(own: OwnState, ownHead: HeadFile & { token: string }): void {
  own.segments = ownHead.segments;
  own.lastP = ownHead.lastP;
  own.writtenSeq = Math.max(0, ...ownHead.segments.map((seg) => seg.lastSeq));
  own.nextSegment = Math.max(0, ...ownHead.segments.map((seg) => seg.n)) + 1;
  if (ownHead.snapshot) {
    own.snapshot = ownHead.snapshot;
    own.nextSnapshot = ownHead.snapshot.n + 1;
  }
  own.tokens = [ownHead.token];
}

/** Reads every peer this device may read (the roster decides in a signed folder). */
async function readPeers(
  ctx: EngineCtx,
  folderId: string,
  format: FormatFile,
  report: SyncReport,
  progress: Progress,
): Promise<PeersRead> {
  progress({ phase: 'reading', done: 0, total: 1 });
  const { dirs, states } = await listPeers(ctx, folderId);
  const roster = ctx.signed
    ? await readRoster(ctx, folderId, format, dirs, states, report.warnings)
    : null;
  if (roster) await honourDecision(ctx, roster, report.warnings);
  const reads: PeersRead['reads'] = [];
  for (const dir of dirs) {
    const state = states.get(dir.name) as PeerState;
    const trust: PeerTrust | undefined = roster ? roster.trust.get(dir.name) : { key: null };
    if (!trust) continue; // waiting for approval, or not a signed device: nothing is read
    try {
      reads.push({
        peer: dir.name,
        state,
        read: await readPeer(ctx, dir.name, state, trust, folderId, report.warnings),
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
  return { dirs, states, roster, reads };
}

/** Applies what was read, in batches, and moves each peer's read position. */
async function applyReads(
  ctx: EngineCtx,
  folderId: string,
  { dirs, states, reads }: PeersRead,
  report: SyncReport,
  progress: Progress,
): Promise<void> {
  const clock = clockPolicy(
    ctx,
    reads.flatMap((r) => r.read.changes),
  );
  if (clock.localBehindMs !== null) {
    report.warnings.push({
      code: 'clock-skew',
      deviceId: ctx.me,
      message: `This device's clock seems about ${Math.round(clock.localBehindMs / 3_600_000)} h behind the other devices; their time was adopted. Check this computer's date and time.`,
    });
  }
  const summaries: ApplySummary[] = [];
  const total = reads.reduce((n, r) => n + r.read.changes.length, 0);
  let appliedSoFar = 0;
  // Said before the first batch (which can take seconds): the screen shows it, and the app
  // holds back its own heavy work (the daily backup) while changes are applied.
  if (total > 0) progress({ phase: 'applying', done: 0, total });
  for (const { peer, state, read } of reads) {
    if (!read.read) continue;
    report.idle = false;
    for (let i = 0; i < read.changes.length; i += ctx.applyBatch) {
      const batch = read.changes.slice(i, i + ctx.applyBatch);
      summaries.push(await ctx.db.apply(batch, { maxDriftMs: clock.maxDriftMs }));
      appliedSoFar += batch.length;
      progress({ phase: 'applying', done: appliedSoFar, total });
    }
    while (read.positions.has(state.p + 1)) state.p += 1;
    await ctx.db.setState(peerKey(ctx, folderId, peer), state);
  }
  for (const [peer, state] of states) {
    if (!dirs.some((d) => d.name === peer)) {
      await ctx.db.setState(peerKey(ctx, folderId, peer), state);
    }
  }
  addSummaries(summaries, states, report);
}

/** Adds up what applying did, with a warning per skewed clock and for parked changes. */
function addSummaries(
  summaries: ApplySummary[],
  states: Map<string, PeerState>,
  report: SyncReport,
): void {
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
  report.warnings.push(...refusedWarnings(summaries, states));
  report.warnings.push(...parkedDroppedWarnings(summaries, states));
}

/**
 * Changes refused by the apply (invalid, making their record invalid, changing an issued memo):
 * parked with their reason, never stored; one warning per device, naming it.
 */
function refusedWarnings(summaries: ApplySummary[], states: Map<string, PeerState>) {
  const byDevice = new Map<string, { count: number; reason: string }>();
  for (const r of summaries.flatMap((s) => s.refused ?? [])) {
    const seen = byDevice.get(r.deviceId);
    byDevice.set(r.deviceId, { count: (seen?.count ?? 0) + 1, reason: seen?.reason ?? r.reason });
  }
  return [...byDevice].map(([deviceId, { count, reason }]) => ({
    code: 'refused-change' as const,
    deviceId,
    message: `${count} change(s) from ${states.get(deviceId)?.deviceName ?? deviceId} were refused and kept aside, not applied (${reason}${count > 1 ? '; and others' : ''}). They are listed under "Changes kept aside".`,
  }));
}

/** Publishes: roster files, new segments, snapshot and compaction, the head when it moved. */
async function publishRound(
  ctx: EngineCtx,
  folderId: string,
  { own, ownHead, rebuild }: OwnCheck,
  { states, roster }: PeersRead,
  report: SyncReport,
  progress: Progress,
): Promise<void> {
  if (roster) {
    await publishRosterFiles(ctx, folderId, roster.statementsChanged, rebuild);
    report.waitingForApproval = roster.self.status !== 'approved';
    if (report.waitingForApproval) {
      report.message = `This device is waiting for approval: on a computer already syncing this folder, open Sync and approve "${ctx.options.deviceName ?? ctx.me}" (key ${roster.selfFingerprint}). Or approve it here with the folder's recovery key.`;
    }
  }
  const sent = await publish(ctx, own, rebuild, progress);
  report.sent = sent;
  const cursors: Record<string, number> = {};
  for (const [peer, state] of states) cursors[peer] = state.p;
  progress({ phase: 'compacting', done: 0, total: 1 });
  const compacted = await snapshotAndCompact(ctx, own, own.lastP);
  // Past own segments overwritten or removed by someone else are written again (not after a
  // rebuild: every segment was just written).
  if (!rebuild && (await healOwnSegments(ctx, own, report.warnings))) report.idle = false;
  const cursorsMoved = Object.entries(cursors).some(
    ([peer, p]) => (ownHead?.cursors?.[peer] ?? 0) !== p,
  );
  if (sent > 0 || rebuild || compacted || ownHead === null || cursorsMoved) {
    await writeHead(ctx, own, cursors, folderId);
    if (sent > 0 || rebuild || compacted) report.idle = false;
  }
  await ctx.db.setState(ownKey(ctx, folderId), own);
  if (!report.idle) await ctx.db.retryParked();
}

/** Every device of the folder, as the Sync tab shows it (this one first). */
function devicesForUi(
  ctx: EngineCtx,
  own: OwnState,
  { states, roster }: PeersRead,
): SyncReport['peers'] {
  return [
    {
      deviceId: ctx.me,
      deviceName: ctx.options.deviceName,
      actor: ctx.options.actor,
      published: own.lastP,
      read: own.lastP,
      writtenAt: ctx.now().toISOString(),
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
}

/** A round that threw: the report says why, in words for the user. */
function reportFailure(error: unknown, report: SyncReport): void {
  const code = error instanceof FolderError ? error.code : folderErrorCode(error);
  report.status = 'failed';
  report.message =
    code === 'ENOSPC'
      ? 'The disk holding the sync folder is full. Changes wait here; free some space.'
      : code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
        ? `The sync folder is busy or locked (${code}). Changes wait here; will retry.`
        : `Sync failed: ${error instanceof Error ? error.message : String(error)}. Changes wait here.`;
  report.warnings.push({ code: 'fs-error', message: report.message });
}
