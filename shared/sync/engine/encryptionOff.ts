/**
 * Turning encryption off, in the round: an approved device's signed decision (the rule in
 * `../encryptionOff.ts`) is honoured once, the pin says so from then on, and refused
 * statements are reported. Nothing else ever makes a folder seen encrypted plain.
 */
import type { OffDecision } from '../encryptionOff';
import { isSealed } from '../crypto';
import type { FolderEntry } from '../folder';
import { type FormatFile, HEAD_FILE, ROSTER_FILE, devicePath, sha256Hex, toBytes } from '../format';
import { ENVELOPE_BYTES, isSigned } from '../identity';
import { FILE_LIMITS } from '../limits';
import { type FolderPin, nextPin, pinTurnedOff } from '../pin';
import type { EngineCtx } from './context';
import { type RosterRead, readRoster } from './roster';
import { listPeers } from './state';
import type { SyncWarning } from './types';

/**
 * keys.json is gone from a folder known encrypted: the round goes on only when an approved
 * device decided to turn encryption off (its statement readable without the key: a deciding
 * device writes its files unsealed). Resolves to a sentence to add to the stop message when a
 * statement was refused, or true when the decision is honoured.
 */
export async function honourWithoutKeys(
  ctx: EngineCtx,
  format: FormatFile,
  pin: FolderPin,
): Promise<boolean | string> {
  if (!ctx.signed || pin.keyCheck === undefined) return false;
  const { dirs, states } = await listPeers(ctx, format.folderId);
  const scratch: SyncWarning[] = []; // files still sealed fail here; the round reports itself
  ctx.keyCheck = pin.keyCheck;
  let roster: RosterRead;
  try {
    roster = await readRoster(ctx, format.folderId, format, dirs, states, scratch, false);
  } finally {
    ctx.keyCheck = null;
  }
  const decision = roster.off.decision;
  if (!decision) return refusedText(roster) ?? false;
  await honour(ctx, pin, decision, roster, { keyCheck: pin.keyCheck });
  return true;
}

/**
 * A device that never knew the folder encrypted finds keys.json but has no passphrase: when an
 * approved device's signed decision names this very keys.json (its hash), the folder is plain
 * for it (the key retired, as on every other device) and no passphrase is asked. Anything
 * else (no decision, an unsigned or unapproved one) leaves the folder locked. True: honoured.
 */
export async function honourRetiredKeys(
  ctx: EngineCtx,
  format: FormatFile,
  pin: FolderPin | undefined,
  keysHash: string,
): Promise<boolean> {
  if (!ctx.signed) return false;
  const { dirs, states } = await listPeers(ctx, format.folderId);
  const scratch: SyncWarning[] = []; // sealed files fail here; they are read once unlocked
  ctx.offProbe = keysHash;
  let roster: RosterRead;
  try {
    roster = await readRoster(ctx, format.folderId, format, dirs, states, scratch, false);
  } finally {
    ctx.offProbe = null;
  }
  const decision = roster.off.decision;
  if (!decision || (await anyHeadSealed(ctx, dirs, roster))) return false;
  const seen = { format, version: ctx.folderFormat, encrypted: false, formatText: ctx.formatText };
  await honour(ctx, nextPin(pin, seen), decision, roster, {
    keyCheck: decision.keyCheck,
    keysHash,
  });
  return true;
}

/**
 * True when a device of the folder (any but a removed one: its identity may be sealed too, so
 * unreadable here) still publishes a sealed head: the decision may be stale (an old keys.json
 * put back after encryption was turned on again) or that device has not rewritten its files
 * yet; either way a device without the key does not go plain on it (a sealed head planted by
 * a folder writer only makes it ask for the passphrase, as before).
 */
async function anyHeadSealed(
  ctx: EngineCtx,
  dirs: readonly FolderEntry[],
  roster: RosterRead,
): Promise<boolean> {
  for (const { name: peer } of dirs) {
    if (peer === ctx.me || roster.trust.get(peer)?.upTo !== undefined) continue; // removed
    const bytes = await ctx.folder.read(devicePath(peer, HEAD_FILE), FILE_LIMITS.head.stored);
    if (bytes === null) continue;
    const payload = isSigned(bytes) ? bytes.subarray(ENVELOPE_BYTES) : bytes;
    if (isSealed(payload)) return true;
  }
  return false;
}

/** A decision read in an ordinary round (keys.json present and unlocked) is honoured. */
export async function honourDecision(
  ctx: EngineCtx,
  roster: RosterRead,
  warnings: SyncWarning[],
): Promise<void> {
  if (ctx.retired || ctx.key === null || ctx.keyCheck === null) return;
  for (const deviceId of roster.off.refused) {
    warnings.push({
      code: 'encryption-off-refused',
      deviceId,
      path: devicePath(deviceId, ROSTER_FILE),
      message: `${nameIn(ctx, roster, deviceId)} asks to turn this folder's encryption off, but is not an approved device: refused, the folder stays encrypted.`,
    });
  }
  const decision = roster.off.decision;
  if (!decision) return;
  const pin = await ctx.db.getState<FolderPin>(ctx.pinStateKey);
  if (!pin) return;
  const keysHash = ctx.keyFor === null ? undefined : await sha256Hex(toBytes(ctx.keyFor));
  await honour(ctx, pin, decision, roster, {
    keyCheck: ctx.keyCheck,
    ...(keysHash !== undefined ? { keysHash } : {}),
  });
}

async function honour(
  ctx: EngineCtx,
  pin: FolderPin,
  decision: OffDecision,
  roster: RosterRead,
  retired: { keyCheck: string; keysHash?: string },
): Promise<void> {
  await ctx.db.setState(ctx.pinStateKey, pinTurnedOff(pin, retired));
  ctx.retired = true;
  ctx.failures.clear(); // unsealed files refused before are read again
  ctx.offNotice = {
    code: 'encryption-off',
    deviceId: decision.deviceId,
    path: devicePath(decision.deviceId, ROSTER_FILE),
    message: `Encryption of this sync folder was turned off by ${nameIn(ctx, roster, decision.deviceId)} (an approved device) at ${decision.at}. This device now writes its files unencrypted: anyone with access to the folder can read them.`,
  };
}

function nameIn(ctx: EngineCtx, roster: RosterRead, deviceId: string): string {
  if (deviceId === ctx.me) return 'this device';
  const name = roster.shown.get(deviceId)?.deviceName ?? ctx.lastDevices.get(deviceId)?.name;
  return name ? `"${name}" (${deviceId})` : deviceId;
}

function refusedText(roster: RosterRead): string | null {
  if (roster.off.refused.length === 0) return null;
  return ` A statement turning encryption off by ${roster.off.refused.join(', ')} was refused: not an approved device.`;
}
