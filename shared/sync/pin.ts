/**
 * What a device remembers of a folder, per folder (its path in the app), so that nothing the
 * folder's other writers do can silently weaken it: its id, the highest format seen, its
 * recovery key, that it is encrypted and with which key, and format.json as first seen.
 */
import type { FormatFile } from './format';

/** The remembered facts of one folder. */
export interface FolderPin {
  /** format.json's folderId. */
  folderId: string;
  /** The highest format seen: a folder is never read as an older, weaker format again. */
  version: number;
  /** Signed folders: the recovery key's public half. */
  recoveryKey?: string;
  /** Encrypted once seen encrypted: a missing keys.json then stops the round. */
  encrypted: boolean;
  /** Check value of the workspace key: a keys.json wrapping another key is refused. */
  keyCheck?: string;
  /** format.json as first seen: written back, the same, when the folder was emptied. */
  formatText?: string;
  /**
   * Encryption turned off by an approved device's signed decision (encryptionOff.ts): the check
   * value of the retired workspace key. That key still opens old sealed files; nothing is
   * sealed with it again.
   */
  offKeyCheck?: string;
  /** SHA-256 of the keys.json holding the retired key, when it was still there. */
  offKeysHash?: string;
}

/** Why format.json is not the folder this device knows (a sentence), or null when it is. */
export function pinMismatch(pin: FolderPin | undefined, format: FormatFile): string | null {
  if (!pin) return null;
  const what = 'Nothing was read or published.';
  if (pin.folderId !== format.folderId) {
    return `format.json now names another sync folder than the one this device joined (replaced?). ${what} If the folder was set up again on purpose, choose it again on the Sync tab.`;
  }
  if (format.version < pin.version) {
    return `format.json now says format ${format.version}, older than the format ${pin.version} this device knows for this folder: refused, a folder is never read as a weaker format. ${what}`;
  }
  if (pin.recoveryKey !== undefined && format.recoveryKey !== pin.recoveryKey) {
    return `format.json's recovery key changed (replaced?). ${what}`;
  }
  return null;
}

/** The pin after a round that reached the folder (only ever strengthened). */
export function nextPin(
  pin: FolderPin | undefined,
  seen: {
    format: FormatFile;
    version: number;
    encrypted: boolean;
    keyCheck?: string;
    formatText: string;
  },
): FolderPin {
  const keyCheck = seen.keyCheck ?? pin?.keyCheck;
  const recoveryKey = seen.format.recoveryKey ?? pin?.recoveryKey;
  return {
    folderId: seen.format.folderId,
    version: Math.max(pin?.version ?? 0, seen.version),
    ...(recoveryKey !== undefined ? { recoveryKey } : {}),
    encrypted: seen.encrypted || pin?.encrypted === true,
    ...(keyCheck !== undefined ? { keyCheck } : {}),
    formatText: pin?.formatText ?? seen.formatText,
    ...(pin?.offKeyCheck !== undefined ? { offKeyCheck: pin.offKeyCheck } : {}),
    ...(pin?.offKeysHash !== undefined ? { offKeysHash: pin.offKeysHash } : {}),
  };
}

/**
 * The pin once an approved device's decision to turn encryption off is honoured: no longer
 * encrypted, the key retired (a keys.json holding it no longer makes the folder encrypted; a
 * new key, encryption turned on again, does).
 */
export function pinTurnedOff(
  pin: FolderPin,
  retired: { keyCheck: string; keysHash?: string },
): FolderPin {
  const { keyCheck: _retired, offKeysHash: _old, ...rest } = pin;
  return {
    ...rest,
    encrypted: false,
    offKeyCheck: retired.keyCheck,
    ...(retired.keysHash !== undefined ? { offKeysHash: retired.keysHash } : {}),
  };
}
