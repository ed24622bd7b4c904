/**
 * The folder's policy, checked at the start of every round: format.json (set up, version, pin) and keys.json (sticky encryption).
 */
import { newId } from '../../ids';
import {
  type KeysFile,
  type WorkspaceKey,
  WrongPassphraseError,
  keysFileProblem,
  parseKeysFile,
  unlockWorkspaceKeyChecked,
} from '../crypto';
import {
  COMPRESSED_FORMAT,
  FORMAT_FILE,
  FORMAT_NAME,
  FORMAT_VERSION,
  type FormatFile,
  KEYS_FILE,
  READER_VERSION,
  SIGNED_FORMAT,
  fromBytes,
  sha256Hex,
  toBytes,
} from '../format';
import { newSecretKey, signerFromSecret, toB64 } from '../identity';
import { FILE_LIMITS } from '../limits';
import { type FolderPin, nextPin, pinMismatch } from '../pin';
import type { EngineCtx } from './context';
import { honourRetiredKeys, honourWithoutKeys } from './encryptionOff';
import { readJsonRaw } from './io';
import type { SyncReport } from './types';

export type Fail = { ok: false; status: SyncReport['status']; message: string };
export type Setup = { ok: true; format: FormatFile } | Fail;

/** The folder's policy for this round: format.json, then keys.json; the pin strengthened. */
export async function setUp(ctx: EngineCtx): Promise<Setup> {
  let pin = await ctx.db.getState<FolderPin>(ctx.pinStateKey);
  const setup = await setUpFormat(ctx, pin);
  if (!setup.ok) return setup;
  const { format } = setup;
  let keys = await setUpKeys(ctx, pin);
  if (!keys.ok && keys.retiredProbe !== undefined) {
    // Locked, never known encrypted: keys.json may be the one an approved device retired.
    if (await honourRetiredKeys(ctx, format, pin, keys.retiredProbe)) {
      pin = await ctx.db.getState<FolderPin>(ctx.pinStateKey);
      keys = { ok: true };
    }
  }
  if (!keys.ok && keys.keysGone && pin) {
    const decided = await honourWithoutKeys(ctx, format, pin);
    if (decided === true) {
      pin = await ctx.db.getState<FolderPin>(ctx.pinStateKey);
      keys = { ok: true };
    } else if (decided !== false) keys = { ...keys, message: keys.message + decided };
  }
  if (!keys.ok) return keys;
  const next = nextPin(pin, {
    format,
    version: ctx.folderFormat,
    encrypted: ctx.key !== null && !ctx.retired,
    ...(keys.check ? { keyCheck: keys.check } : {}),
    formatText: ctx.formatText,
  });
  if (JSON.stringify(next) !== JSON.stringify(pin)) await ctx.db.setState(ctx.pinStateKey, next);
  return { ok: true, format };
}

/**
 * format.json: read (written back as first seen when the folder was emptied, created for a new
 * folder), checked against this build and the pin; the context set from its version.
 */
async function setUpFormat(ctx: EngineCtx, pin: FolderPin | undefined): Promise<Setup> {
  let format = await readJsonRaw<FormatFile>(ctx, FORMAT_FILE, 'format');
  if (format === 'missing' && pin?.formatText !== undefined) {
    // Emptied (or format.json lost): the folder this device knows is set up again as it was.
    await ctx.folder.write(FORMAT_FILE, toBytes(pin.formatText));
    format = await readJsonRaw<FormatFile>(ctx, FORMAT_FILE, 'format');
  }
  if (format === 'missing') format = await createFolder(ctx);
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
  ctx.folderFormat = Math.min(format.version, FORMAT_VERSION);
  ctx.compressFiles = ctx.folderFormat >= COMPRESSED_FORMAT;
  ctx.signed = ctx.folderFormat >= SIGNED_FORMAT;
  if (ctx.signed && !ctx.signer) {
    return {
      ok: false,
      status: 'failed',
      message: 'This sync folder needs a device key, which this installation has not got.',
    };
  }
  return { ok: true, format };
}

/** Sets up a new folder: format.json written (the recovery key kept for this round if ours). */
async function createFolder(ctx: EngineCtx): Promise<FormatFile> {
  const version = ctx.options.newFolderFormat ?? (ctx.signer ? FORMAT_VERSION : COMPRESSED_FORMAT);
  const recovery = version >= SIGNED_FORMAT ? newSecretKey() : null;
  const fresh: FormatFile = {
    format: FORMAT_NAME,
    version,
    // gzipped files (format 2) are unreadable to a reader of format 1, signed ones to 2
    minReaderVersion: version,
    folderId: newId(),
    createdAt: ctx.now().toISOString(),
    ...(recovery ? { recoveryKey: toB64((await signerFromSecret(recovery)).publicKey) } : {}),
  };
  await ctx.folder.write(FORMAT_FILE, toBytes(`${JSON.stringify(fresh, null, 2)}\n`));
  const read = await readJsonRaw<FormatFile>(ctx, FORMAT_FILE, 'format'); // another device may have won
  const format = read === 'missing' || read === 'bad' ? fresh : read;
  // Our folder: this device approves itself with the recovery key, shown once to the user.
  if (recovery && format.folderId === fresh.folderId) ctx.setupRecovery = recovery;
  else recovery?.fill(0);
  return format;
}

/** Keys set up: `check` is the new key's check value, for the pin. */
type KeysSetup =
  | { ok: true; check?: string }
  | (Fail & {
      keysGone?: true;
      /** keys.json's hash, to look for a decision about */ retiredProbe?: string;
    });

/**
 * keys.json: missing in a folder known encrypted stops the round (unless an approved device
 * decided to turn encryption off: see setUp); out-of-bounds derivation parameters are refused;
 * a key other than the one known is refused (a changed passphrase, which re-wraps the same key,
 * is fine); the key retired by such a decision only opens old sealed files.
 */
export async function setUpKeys(ctx: EngineCtx, pin: FolderPin | undefined): Promise<KeysSetup> {
  ctx.retired = false;
  const keysBytes = await ctx.folder.read(KEYS_FILE, FILE_LIMITS.keys.stored);
  if (keysBytes === null) {
    ctx.key = null;
    ctx.keyFor = null;
    ctx.keyCheck = null;
    ctx.retired = pin?.offKeyCheck !== undefined && !pin.encrypted;
    return pin?.encrypted ? { ...KEYS_GONE, keysGone: true } : { ok: true };
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
  if (ctx.key && ctx.keyFor === keysText) {
    ctx.retired = ctx.keyCheck !== null && pin?.offKeyCheck === ctx.keyCheck;
    return { ok: true };
  }
  ctx.key = null;
  ctx.keyCheck = null;
  // The keys.json of the key retired by a decision: without its passphrase the folder is plain.
  const keysHash = await sha256Hex(keysBytes);
  const retiredFile = pin?.offKeysHash !== undefined && pin.offKeysHash === keysHash;
  const unlocked = await unlockKeys(ctx, pin, keys, keysText);
  if (!unlocked.ok) {
    if (retiredFile) ctx.retired = true;
    if (retiredFile) return { ok: true };
    // A device that never knew the folder encrypted (a newcomer) and has no passphrase: setUp
    // looks for an approved device's decision that retired this very keys.json.
    const newcomer = unlocked.status === 'locked' && !pin?.encrypted && pin?.keyCheck === undefined;
    return newcomer ? { ...unlocked, retiredProbe: keysHash } : unlocked;
  }
  return adoptKey(ctx, pin, unlocked, keysText);
}

const KEYS_GONE: Fail = {
  ok: false,
  status: 'keys-missing',
  message:
    'keys.json has disappeared from this encrypted sync folder (a sync client glitch, or someone removed it). Nothing was read or published; restore keys.json (the folder’s version history, or a copy from another computer) to sync again.',
};

/** The workspace key of keys.json, with the passphrase typed (not derived twice if wrong). */
async function unlockKeys(
  ctx: EngineCtx,
  pin: FolderPin | undefined,
  keys: KeysFile,
  keysText: string,
): Promise<{ ok: true; key: WorkspaceKey; check: string } | Fail> {
  if (ctx.passphrase === null) {
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
  if (ctx.failedFor === `${keysText}\u0000${ctx.passphrase}`) return wrong;
  try {
    return { ok: true, ...(await unlockWorkspaceKeyChecked(keys, ctx.passphrase)) };
  } catch (error) {
    if (error instanceof WrongPassphraseError) {
      ctx.failedFor = `${keysText}\u0000${ctx.passphrase}`;
      return wrong;
    }
    throw error;
  }
}

/** Uses an unlocked key: the retired one only opens; another than the pinned one is refused. */
function adoptKey(
  ctx: EngineCtx,
  pin: FolderPin | undefined,
  unlocked: { key: WorkspaceKey; check: string },
  keysText: string,
): KeysSetup {
  const retired = pin?.offKeyCheck === unlocked.check;
  if (!retired && pin?.keyCheck !== undefined && pin.keyCheck !== unlocked.check) {
    return {
      ok: false,
      status: 'keys-missing',
      message:
        'keys.json was replaced by one holding a different key than this folder’s. Nothing was read or published; restore the original keys.json.',
    };
  }
  ctx.failures.clear(); // files refused before the key was known may open now
  ctx.key = unlocked.key;
  ctx.keyFor = keysText;
  ctx.keyCheck = unlocked.check;
  ctx.retired = retired;
  return retired ? { ok: true } : { ok: true, check: unlocked.check };
}
