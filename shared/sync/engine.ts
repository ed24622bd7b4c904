/**
 * The folder sync engine: one `sync()` round reads what the other devices published in the
 * shared folder, applies it, and publishes this device's new changes. See DESIGN.md for the
 * format and the reasons, and its "Code map" for the modules under `engine/` this file wires.
 *
 * The engine never deletes anything locally, writes only under `devices/<its id>/`, and
 * reports every problem it meets (skew, broken chains, rolled-back peers, unreadable files,
 * file-system errors) instead of throwing; a failed round leaves the outbox waiting.
 */
import {
  createWorkspaceKey,
  keysFileProblem,
  parseKeysFile,
  rewrapWorkspaceKey,
  type KeysFile,
  type WorkspaceKey,
} from './crypto';
import { newSecretKey, parseRecoveryKey, signerFromSecret, toB64 } from './identity';
import { FILE_LIMITS } from './limits';
import type { FolderPin } from './pin';
import {
  FORMAT_FILE,
  FORMAT_NAME,
  KEYS_FILE,
  SIGNED_FORMAT,
  fromBytes,
  toBytes,
  type FormatFile,
} from './format';
import { createEngineContext } from './engine/context';
import { readJsonRaw } from './engine/io';
import { round } from './engine/round';
import type { SyncEngine, SyncEngineOptions, SyncReport } from './engine/types';

export type {
  AttachmentTransfer,
  PeerInfo,
  SyncEngine,
  SyncEngineOptions,
  SyncProgress,
  SyncReport,
  SyncTuning,
  SyncWarning,
} from './engine/types';

/** Creates an engine for one folder. */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const ctx = createEngineContext(options);
  let running: Promise<SyncReport> | null = null;
  const sync = (onProgress?: Parameters<SyncEngine['sync']>[0]): Promise<SyncReport> => {
    if (running) return running;
    running = round(ctx, onProgress ?? (() => {})).finally(() => {
      running = null;
    });
    return running;
  };
  /**
   * A round that starts after the caller's change (a queued approval, a new key, encryption
   * off): a round already running began before it, so its report would not show the change. It
   * is waited for (whatever its outcome), then a new round runs (or one another caller started).
   */
  const roundAfterChange = (): Promise<SyncReport> =>
    running
      ? running.then(
          () => sync(),
          () => sync(),
        )
      : sync();
  return {
    sync,
    setPassphrase(value) {
      ctx.passphrase = value;
      ctx.key = null;
      ctx.keyFor = null;
    },
    approveDevice(deviceId) {
      ctx.pendingActions.push({ op: 'approve', deviceId });
      return roundAfterChange();
    },
    removeDevice(deviceId) {
      ctx.pendingActions.push({ op: 'remove', deviceId });
      return roundAfterChange();
    },
    disableEncryption() {
      if (!ctx.signed) {
        return Promise.reject(
          new Error('Turning encryption off needs a signed folder: upgrade it first.'),
        );
      }
      if (ctx.key === null || ctx.retired) {
        return Promise.reject(
          new Error('This sync folder is not encrypted, or its passphrase is not entered here.'),
        );
      }
      if (!ctx.selfApproved) {
        return Promise.reject(new Error('Only an approved device can turn encryption off.'));
      }
      ctx.pendingActions.push({ op: 'encryption-off', deviceId: ctx.me });
      return roundAfterChange();
    },
    approveWithRecoveryKey(text) {
      if (!this.queueRecoveryKey(text)) {
        return Promise.reject(new Error('That is not a recovery key (64 hexadecimal digits).'));
      }
      return roundAfterChange();
    },
    queueRecoveryKey(text) {
      const secret = parseRecoveryKey(text);
      if (secret) ctx.typedRecovery = secret;
      return secret !== null;
    },
    async upgradeFolder() {
      if (!ctx.signer) throw new Error('This installation has no device key.');
      const format = await readJsonRaw<FormatFile>(ctx, FORMAT_FILE, 'format');
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
      await ctx.folder.write(FORMAT_FILE, toBytes(`${JSON.stringify(upgraded, null, 2)}\n`));
      const pin = await ctx.db.getState<FolderPin>(ctx.pinStateKey);
      if (pin) await ctx.db.setState(ctx.pinStateKey, { ...pin, formatText: undefined });
      ctx.setupRecovery = recovery;
      return roundAfterChange();
    },
    async changePassphrase(oldValue, newValue) {
      const text = await ctx.folder.read(KEYS_FILE, FILE_LIMITS.keys.stored);
      const keys = text === null ? null : parseKeysFile(fromBytes(text));
      if (keys === null || keysFileProblem(keys) !== null) {
        throw new Error('This sync folder has no usable keys.json to change.');
      }
      const rewrapped = await rewrapWorkspaceKey(keys, oldValue, newValue);
      await ctx.folder.write(KEYS_FILE, toBytes(`${JSON.stringify(rewrapped, null, 2)}\n`));
      ctx.passphrase = newValue;
      ctx.key = null;
      ctx.keyFor = null;
      return roundAfterChange();
    },
    async enableEncryption(value) {
      // A keys.json whose key was retired (encryption turned off) is replaced by a new key.
      if ((await ctx.folder.read(KEYS_FILE)) !== null && !ctx.retired) {
        throw new Error('This sync folder is already encrypted.');
      }
      const created: { key: WorkspaceKey; file: KeysFile } = await createWorkspaceKey(value);
      await ctx.folder.write(KEYS_FILE, toBytes(`${JSON.stringify(created.file, null, 2)}\n`));
      ctx.passphrase = value;
      ctx.key = null;
      ctx.keyFor = null;
      return roundAfterChange();
    },
    deviceId: () => ctx.me,
  };
}
