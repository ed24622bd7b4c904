/**
 * The roster of a signed folder: who may write, from every device's signed statements and this device's own.
 */
import type { FolderEntry } from '../folder';
import { DEVICE_FILE, type FormatFile, devicePath } from '../format';
import { fingerprint, fromB64, signBytes, signerFromSecret, toB64 } from '../identity';
import {
  type DeviceFile,
  type KeyStanding,
  type RosterInput,
  type RosterStatement,
  computeRoster,
  recoveryStatement,
} from '../roster';
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
}

/** This device's statements, with what the user asked for since the last round added. */
export async function ownStatements(
  ctx: EngineCtx,
  folderId: string,
  format: FormatFile,
  states: Map<string, PeerState>,
  warnings: SyncWarning[],
): Promise<{ statements: RosterStatement[]; changed: boolean }> {
  const stored = await ctx.db.getState<{ statements: RosterStatement[] }>(
    rosterStateKey(ctx, folderId),
  );
  const statements = [...(stored?.statements ?? [])];
  let changed = stored === undefined;
  const at = ctx.now().toISOString();
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
    statements.push({ op: 'approve', key: ctx.myKey, deviceId: ctx.me, at, recovery: toB64(sig) });
    changed = true;
  }
  ctx.setupRecovery?.fill(0);
  ctx.typedRecovery?.fill(0);
  ctx.setupRecovery = null;
  ctx.typedRecovery = null;
  for (const action of ctx.pendingActions) {
    const device = ctx.lastDevices.get(action.deviceId);
    if (!device || device.key === ctx.myKey) {
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
  ctx.pendingActions = [];
  if (changed) await ctx.db.setState(rosterStateKey(ctx, folderId), { statements });
  return { statements, changed };
}

/**
 * Reads every device's signed device.json and roster.json, and works out who may write: the
 * peers whose files are read (approved, or removed up to a position), and what the Sync tab
 * shows. A device key that changed under a known device id is refused.
 */
export async function readRoster(
  ctx: EngineCtx,
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
    const read = await readIdentity(ctx, peer, folderId, state, warnings);
    if (!read) continue;
    files.set(peer, read.device);
    inputs.push({ deviceId: peer, key: read.device.publicKey, statements: read.statements });
  }
  // The user's approvals and removals name devices by id: their keys are the ones just read.
  for (const [id, file] of files) ctx.lastDevices.set(id, { key: file.publicKey });
  const own = await ownStatements(ctx, folderId, format, states, warnings);
  inputs.unshift({ deviceId: ctx.me, key: ctx.myKey ?? '', statements: own.statements });
  const recoveryKey = format.recoveryKey ? fromB64(format.recoveryKey, 32) : null;
  const standings = await computeRoster(folderId, recoveryKey, inputs);
  const trust = new Map<string, PeerTrust>();
  const shown = new Map<string, Partial<PeerInfo>>();
  const devices = new Map<string, { key: string; name?: string }>();
  const nameOf = (id: string): string =>
    id === 'recovery'
      ? 'recovery key'
      : id === ctx.me
        ? (ctx.options.deviceName ?? 'this device')
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
    if (input.deviceId === ctx.me) continue;
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
  ctx.lastDevices = devices;
  const self = standings.get(ctx.myKey ?? '') ?? { status: 'pending' as const, approvedBy: [] };
  return {
    trust,
    self,
    selfFingerprint: shown.get(ctx.me)?.fingerprint ?? '',
    shown,
    statementsChanged: own.changed,
  };
}
