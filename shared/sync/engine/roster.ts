/**
 * The roster of a signed folder: who may write, from every device's signed statements and this device's own.
 */
import type { FolderEntry } from '../folder';
import { DEVICE_FILE, type FormatFile, devicePath, sha256Hex, toBytes } from '../format';
import { fingerprint, fromB64, signBytes, signerFromSecret, toB64 } from '../identity';
import {
  type DeviceFile,
  type KeyStanding,
  type RosterInput,
  type RosterStatement,
  computeRoster,
  recoveryStatement,
} from '../roster';
import { type OffMatch, type OffVerdict, encryptionOffVerdict } from '../encryptionOff';
import type { EngineCtx, PeerState } from './context';
import { readIdentity } from './identity';
import type { PeerTrust } from './peerLines';
import { rosterStateKey } from './state';
import type { PeerInfo, SyncWarning } from './types';

export interface RosterRead {
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
  /** What the statements say about turning encryption off (for the key in use). */
  off: OffVerdict;
}

/**
 * This device's statements, with what the user asked for since the last round added (only when
 * `take`: a round that only looks at the roster leaves the user's requests for the next one).
 */
export async function ownStatements(
  ctx: EngineCtx,
  folderId: string,
  format: FormatFile,
  states: Map<string, PeerState>,
  warnings: SyncWarning[],
  take = true,
): Promise<{ statements: RosterStatement[]; changed: boolean }> {
  const stored = await ctx.db.getState<{ statements: RosterStatement[] }>(
    rosterStateKey(ctx, folderId),
  );
  const statements = [...(stored?.statements ?? [])];
  if (!take) return { statements, changed: false };
  const at = ctx.now().toISOString();
  const keysHash = ctx.keyFor === null ? null : await sha256Hex(toBytes(ctx.keyFor));
  const added = [
    ...(await recoveryApprovals(ctx, folderId, format, at, warnings)),
    ...ctx.pendingActions.flatMap((action) => {
      const statement = actionStatement(ctx, action, states, { at, keysHash }, warnings);
      return statement ? [statement] : [];
    }),
  ];
  ctx.pendingActions = [];
  statements.push(...added);
  const changed = stored === undefined || added.length > 0;
  if (changed) await ctx.db.setState(rosterStateKey(ctx, folderId), { statements });
  return { statements, changed };
}

/** This device's approval of itself by the recovery key (set up here, or typed), used once. */
async function recoveryApprovals(
  ctx: EngineCtx,
  folderId: string,
  format: FormatFile,
  at: string,
  warnings: SyncWarning[],
): Promise<RosterStatement[]> {
  const out: RosterStatement[] = [];
  for (const secret of [ctx.setupRecovery, ctx.typedRecovery]) {
    if (!secret || !ctx.myKey) continue;
    const recovery = await signerFromSecret(secret);
    if (toB64(recovery.publicKey) !== format.recoveryKey) {
      warnings.push({
        code: 'device-waiting',
        deviceId: ctx.me,
        message: 'That recovery key is not this folder’s: nothing was approved.',
      });
      continue;
    }
    const sig = await signBytes(recoveryStatement(folderId, ctx.myKey, ctx.me), secret);
    out.push({ op: 'approve', key: ctx.myKey, deviceId: ctx.me, at, recovery: toB64(sig) });
  }
  ctx.setupRecovery?.fill(0);
  ctx.typedRecovery?.fill(0);
  ctx.setupRecovery = null;
  ctx.typedRecovery = null;
  return out;
}

/** The statement of one user request (approve, remove, turn encryption off); null: refused. */
function actionStatement(
  ctx: EngineCtx,
  action: EngineCtx['pendingActions'][number],
  states: Map<string, PeerState>,
  when: { at: string; keysHash: string | null },
  warnings: SyncWarning[],
): RosterStatement | null {
  const { at } = when;
  if (action.op === 'encryption-off') {
    if (!ctx.myKey || ctx.keyCheck === null || ctx.retired) {
      warnings.push({
        code: 'encryption-off-refused',
        deviceId: ctx.me,
        message:
          'Encryption was not turned off: this folder is not encrypted, or its passphrase is not entered here.',
      });
      return null;
    }
    return {
      op: 'encryption-off',
      key: ctx.myKey,
      deviceId: ctx.me,
      at,
      keyCheck: ctx.keyCheck,
      // keys.json stays in the folder: its hash lets a newcomer know it is the retired one
      ...(when.keysHash !== null ? { keysHash: when.keysHash } : {}),
    };
  }
  const device = ctx.lastDevices.get(action.deviceId);
  if (!device || device.key === ctx.myKey) {
    warnings.push({
      code: 'device-waiting',
      deviceId: action.deviceId,
      message: `${action.deviceId} is not a device of this folder (or has no readable key): nothing was ${action.op === 'approve' ? 'approved' : 'removed'}.`,
    });
    return null;
  }
  return action.op === 'approve'
    ? { op: 'approve', key: device.key, deviceId: action.deviceId, at }
    : {
        op: 'remove',
        key: device.key,
        deviceId: action.deviceId,
        at,
        upTo: states.get(action.deviceId)?.p ?? 0,
      };
}

/**
 * Reads every device's signed device.json and roster.json, and works out who may write: the
 * peers whose files are read (approved, or removed up to a position), what the Sync tab
 * shows, and what the statements say about turning encryption off (for the key with check
 * `ctx.keyCheck`). A device key that changed under a known device id is refused.
 */
export async function readRoster(
  ctx: EngineCtx,
  folderId: string,
  format: FormatFile,
  dirs: FolderEntry[],
  states: Map<string, PeerState>,
  warnings: SyncWarning[],
  take = true,
): Promise<RosterRead> {
  const { inputs, files } = await readInputs(ctx, folderId, dirs, states, warnings);
  // The user's approvals and removals name devices by id: their keys are the ones just read.
  for (const [id, file] of files) ctx.lastDevices.set(id, { key: file.publicKey });
  const own = await ownStatements(ctx, folderId, format, states, warnings, take);
  inputs.unshift({ deviceId: ctx.me, key: ctx.myKey ?? '', statements: own.statements });
  const recoveryKey = format.recoveryKey ? fromB64(format.recoveryKey, 32) : null;
  const standings = await computeRoster(folderId, recoveryKey, inputs);
  const trust = new Map<string, PeerTrust>();
  const shown = new Map<string, Partial<PeerInfo>>();
  const devices = new Map<string, { key: string; name?: string }>();
  for (const input of inputs) {
    const standing = standings.get(input.key) ?? { status: 'pending', approvedBy: [] };
    const file = files.get(input.deviceId);
    devices.set(input.deviceId, {
      key: input.key,
      ...(file?.deviceName ? { name: file.deviceName } : {}),
    });
    const info = await shownInfo(ctx, input, standing, files, states);
    shown.set(input.deviceId, info);
    if (input.deviceId !== ctx.me) {
      const granted = trustOf(input, standing);
      if (granted) trust.set(input.deviceId, granted);
      else warnings.push(waitingWarning(input.deviceId, file, info.fingerprint ?? ''));
    }
  }
  ctx.lastDevices = devices;
  const self = standings.get(ctx.myKey ?? '') ?? { status: 'pending' as const, approvedBy: [] };
  ctx.selfApproved = self.status === 'approved';
  return {
    trust,
    self,
    selfFingerprint: shown.get(ctx.me)?.fingerprint ?? '',
    shown,
    statementsChanged: own.changed,
    off: encryptionOffVerdict(inputs, standings, offMatch(ctx)),
  };
}

/** What an encryption-off statement must name to count here (see encryptionOff.ts). */
function offMatch(ctx: EngineCtx): OffMatch | null {
  if (ctx.offProbe !== null) return { keysHash: ctx.offProbe };
  return ctx.keyCheck === null ? null : { keyCheck: ctx.keyCheck };
}

/** Every peer's verified identity and statements (unusable ones reported and left out). */
async function readInputs(
  ctx: EngineCtx,
  folderId: string,
  dirs: FolderEntry[],
  states: Map<string, PeerState>,
  warnings: SyncWarning[],
): Promise<{ inputs: RosterInput[]; files: Map<string, DeviceFile> }> {
  const inputs: RosterInput[] = [];
  const files = new Map<string, DeviceFile>();
  for (const dir of dirs) {
    const peer = dir.name;
    const state = states.get(peer) as PeerState;
    const read = await readIdentity(ctx, peer, folderId, state, warnings);
    if (!read) continue;
    files.set(peer, read.device);
    inputs.push({ deviceId: peer, key: read.device.publicKey, statements: read.statements });
  }
  return { inputs, files };
}

/** What the Sync tab shows of one device's standing. */
async function shownInfo(
  ctx: EngineCtx,
  input: RosterInput,
  standing: KeyStanding,
  files: Map<string, DeviceFile>,
  states: Map<string, PeerState>,
): Promise<Partial<PeerInfo>> {
  const nameOf = (id: string): string =>
    id === 'recovery'
      ? 'recovery key'
      : id === ctx.me
        ? (ctx.options.deviceName ?? 'this device')
        : (files.get(id)?.deviceName ?? id);
  const file = files.get(input.deviceId);
  return {
    fingerprint: await fingerprint(fromB64(input.key, 32) ?? new Uint8Array(32)),
    publicKey: input.key,
    standing: standing.status,
    approvedBy: standing.approvedBy.map(nameOf),
    ...(standing.approvedAt !== undefined ? { approvedAt: standing.approvedAt } : {}),
    ...(standing.removedAt !== undefined ? { removedAt: standing.removedAt } : {}),
    ...(file ? { joinedAt: file.joinedAt } : {}),
    ...(file?.deviceName && !states.get(input.deviceId)?.deviceName
      ? { deviceName: file.deviceName }
      : {}),
  };
}

/** How a peer's files are read: approved, or removed up to a position; null: not read. */
function trustOf(input: RosterInput, standing: KeyStanding): PeerTrust | null {
  const key = fromB64(input.key, 32);
  if (!key) return null;
  if (standing.status === 'approved') return { key };
  if (standing.status === 'removed') return { key, upTo: standing.upTo ?? 0 };
  return null;
}

function waitingWarning(
  deviceId: string,
  file: DeviceFile | undefined,
  print: string,
): SyncWarning {
  return {
    code: 'device-waiting',
    deviceId,
    path: devicePath(deviceId, DEVICE_FILE),
    message: `"${file?.deviceName ?? deviceId}" (${deviceId}, key ${print}) asks to join this folder. Nothing it writes is applied until it is approved on the Sync tab.`,
  };
}
