/**
 * Every device's signed device.json and roster.json: read (verified, cached while unchanged) and this device's own written.
 */
import {
  DEVICE_FILE,
  HEAD_FILE,
  ROSTER_FILE,
  classifyFile,
  deviceDir,
  devicePath,
  toBytes,
} from '../format';
import type { FolderEntry } from '../folder';
import { BadSignatureError, toB64 } from '../identity';
import { type DeviceFile, type RosterStatement, parseDeviceFile, parseRosterFile } from '../roster';
import type { EngineCtx, PeerState } from './context';
import { readPlain, writePlain } from './io';
import { fileFailed, skipFailing } from './peerFiles';
import { rosterStateKey } from './state';
import type { SyncWarning } from './types';

type Identity = { device: DeviceFile; statements: RosterStatement[] };

/** A peer's verified device.json and roster statements; null (reported) when not usable. */
export async function readIdentity(
  ctx: EngineCtx,
  peer: string,
  folderId: string,
  state: PeerState,
  warnings: SyncWarning[],
): Promise<Identity | null> {
  const entries = await ctx.folder.list(deviceDir(peer));
  const entryOf = new Map(entries.map((e) => [e.name, e]));
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
  if (skipFailing(ctx, devicePath(peer, DEVICE_FILE), devEntry)) return null;
  // Unchanged since the last round (same sizes and times, same folder and key): the verified
  // identity is reused, so an idle round checks no signature.
  const rosterEntry = entryOf.get(ROSTER_FILE);
  const version = [
    folderId,
    ctx.key === null ? '' : ctx.keyFor,
    devEntry.size,
    devEntry.mtimeMs,
    rosterEntry?.size,
    rosterEntry?.mtimeMs,
  ].join('|');
  const cached = ctx.identities.get(peer);
  if (cached && cached.version === version && cached.result.device.publicKey === state.key) {
    return cached.result;
  }
  const result = await verifyIdentity(ctx, peer, folderId, state, devEntry, rosterEntry, warnings);
  if (result) ctx.identities.set(peer, { version, result });
  return result;
}

/** Reads and checks a peer's device.json (self-signed, its key pinned) and roster.json. */
async function verifyIdentity(
  ctx: EngineCtx,
  peer: string,
  folderId: string,
  state: PeerState,
  devEntry: FolderEntry,
  rosterEntry: FolderEntry | undefined,
  warnings: SyncWarning[],
): Promise<Identity | null> {
  const devPath = devicePath(peer, DEVICE_FILE);
  try {
    const file = await readPlain(ctx, devPath, 'device', null, { size: devEntry.size });
    const device = file ? parseDeviceFile(JSON.parse(file.text)) : null;
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
    const statements = await readStatements(ctx, peer, folderId, signerKey, rosterEntry);
    return { device, statements };
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    if (!fileFailed(ctx, error, peer, devPath, devEntry, warnings)) throw error;
    return null;
  }
}

/** The statements of a peer's roster.json signed by its key (none when missing or not its). */
async function readStatements(
  ctx: EngineCtx,
  peer: string,
  folderId: string,
  signerKey: Uint8Array,
  rosterEntry: FolderEntry | undefined,
): Promise<RosterStatement[]> {
  const rosterPath = devicePath(peer, ROSTER_FILE);
  if (!rosterEntry || skipFailing(ctx, rosterPath, rosterEntry)) return [];
  const file = await readPlain(ctx, rosterPath, 'roster', signerKey, { size: rosterEntry.size });
  const roster = file ? parseRosterFile(JSON.parse(file.text)) : null;
  return roster && roster.folderId === folderId && roster.deviceId === peer
    ? roster.statements
    : [];
}

/** Writes this device's device.json (when missing) and roster.json (when changed or missing). */
export async function publishRosterFiles(
  ctx: EngineCtx,
  folderId: string,
  changed: boolean,
  rewrite: boolean,
): Promise<void> {
  const names = new Set((await ctx.folder.list(deviceDir(ctx.me))).map((e) => e.name));
  if ((rewrite || !names.has(DEVICE_FILE)) && ctx.myKey) {
    const device: DeviceFile = {
      t: 'device',
      folderId,
      deviceId: ctx.me,
      publicKey: ctx.myKey,
      ...(ctx.options.deviceName ? { deviceName: ctx.options.deviceName } : {}),
      ...(ctx.options.actor ? { actor: ctx.options.actor } : {}),
      joinedAt: ctx.now().toISOString(),
    };
    await writePlain(ctx, devicePath(ctx.me, DEVICE_FILE), toBytes(`${JSON.stringify(device)}\n`));
  }
  if (rewrite || changed || !names.has(ROSTER_FILE)) {
    const stored = await ctx.db.getState<{ statements: RosterStatement[] }>(
      rosterStateKey(ctx, folderId),
    );
    const roster = {
      t: 'roster',
      folderId,
      deviceId: ctx.me,
      statements: stored?.statements ?? [],
    };
    await writePlain(ctx, devicePath(ctx.me, ROSTER_FILE), toBytes(`${JSON.stringify(roster)}\n`));
  }
}
