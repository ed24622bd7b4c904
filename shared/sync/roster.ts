/**
 * The roster of a signed folder (format 3): which device keys may write. See DESIGN.md
 * "Identity and roster".
 *
 * No file is written by two devices. Each device publishes, in its own folder and signed with
 * its own key, `device.json` (who it is: id, key, name, user, when it joined) and `roster.json`
 * (its statements: "I approve key K", "I remove key K, read up to position N"). The recovery key
 * made at folder setup (its public half is in format.json, pinned by every device on first
 * sight) signs "approve K" statements too; the device they approve publishes them.
 *
 * A key is approved when the recovery key approved it, or a device with an approved key did.
 * A removal by an approved key wins over every approval (a replacement gets a new key); what the
 * removed device published up to the highest position a remover had read stays valid.
 */
import { fromB64, toB64, verifyBytes } from './identity';

/** devices/<id>/device.json: a device's self-signed identity. */
export interface DeviceFile {
  /** Always 'device'. */
  t: 'device';
  /** The folder (format.json's folderId): a device.json copied from another folder fails. */
  folderId: string;
  /** The device id (must be its folder's name). */
  deviceId: string;
  /** Its Ed25519 public key (base64); the file's signature must be by this key. */
  publicKey: string;
  /** Its name (settings.deviceName). */
  deviceName?: string;
  /** Who uses it. */
  actor?: string;
  /** When it joined the folder (its clock, UTC ISO). */
  joinedAt: string;
}

/** One statement of a device's roster.json. */
export type RosterStatement =
  | {
      /** Approve a device key. */
      op: 'approve';
      /** The key approved (base64). */
      key: string;
      /** The device id it was shown with. */
      deviceId: string;
      /** When (the stating device's clock). */
      at: string;
      /** Set when the recovery key signed it: the signature (base64). */
      recovery?: string;
    }
  | {
      /** Remove a device key: its later writes are ignored. */
      op: 'remove';
      /** The key removed (base64). */
      key: string;
      /** The device id it used. */
      deviceId: string;
      /** When. */
      at: string;
      /** The removed device's position the remover had read: what stays valid. */
      upTo: number;
    }
  | {
      /**
       * Turn the folder's encryption off (see encryptionOff.ts): honoured by every device only
       * when the stating device is approved and the statement names the key in use.
       */
      op: 'encryption-off';
      /** The stating device's own key (base64): a statement copied into another roster fails. */
      key: string;
      /** The stating device's own id. */
      deviceId: string;
      /** When. */
      at: string;
      /** Check value of the workspace key being retired (crypto.ts keyCheck). */
      keyCheck: string;
      /**
       * SHA-256 (hex) of the keys.json holding that key when decided: lets a device without the
       * passphrase (a newcomer) know the keys.json left in the folder is the retired one.
       */
      keysHash?: string;
    };

/** devices/<id>/roster.json. */
export interface RosterFile {
  /** Always 'roster'. */
  t: 'roster';
  /** The folder. */
  folderId: string;
  /** The publishing device. */
  deviceId: string;
  /** Its statements. */
  statements: RosterStatement[];
}

/** Statements read per roster file at most (bounded work). */
export const MAX_STATEMENTS = 1_000;

const enc = new TextEncoder();

/** What the recovery key signs to approve a key. */
export function recoveryStatement(folderId: string, key: string, deviceId: string): Uint8Array {
  return enc.encode(`ews-recovery-approve-v1\n${folderId}\n${key}\n${deviceId}`);
}

/** Parses a device.json payload; null when malformed. */
export function parseDeviceFile(value: unknown): DeviceFile | null {
  const v = value as Partial<DeviceFile> | null;
  if (!v || v.t !== 'device') return null;
  if (typeof v.folderId !== 'string' || typeof v.deviceId !== 'string') return null;
  if (fromB64(v.publicKey, 32) === null || typeof v.joinedAt !== 'string') return null;
  const name = typeof v.deviceName === 'string' ? v.deviceName.slice(0, 200) : undefined;
  const actor = typeof v.actor === 'string' ? v.actor.slice(0, 200) : undefined;
  return {
    t: 'device',
    folderId: v.folderId,
    deviceId: v.deviceId,
    publicKey: v.publicKey as string,
    joinedAt: v.joinedAt.slice(0, 40),
    ...(name !== undefined ? { deviceName: name } : {}),
    ...(actor !== undefined ? { actor } : {}),
  };
}

/** Parses a roster.json payload (well-formed statements only, at most MAX_STATEMENTS). */
export function parseRosterFile(value: unknown): RosterFile | null {
  const v = value as Partial<RosterFile> | null;
  if (!v || v.t !== 'roster' || typeof v.folderId !== 'string') return null;
  if (typeof v.deviceId !== 'string' || !Array.isArray(v.statements)) return null;
  const statements: RosterStatement[] = [];
  for (const s of v.statements.slice(0, MAX_STATEMENTS) as Partial<RosterStatement>[]) {
    if (!s || typeof s.key !== 'string' || typeof s.deviceId !== 'string') continue;
    if (typeof s.at !== 'string') continue;
    if (s.op === 'approve') {
      const recovery = (s as { recovery?: unknown }).recovery;
      statements.push({
        op: 'approve',
        key: s.key,
        deviceId: s.deviceId,
        at: s.at,
        ...(typeof recovery === 'string' ? { recovery } : {}),
      });
    } else if (s.op === 'remove') {
      const upTo = (s as { upTo?: unknown }).upTo;
      if (typeof upTo !== 'number' || !Number.isInteger(upTo) || upTo < 0) continue;
      statements.push({ op: 'remove', key: s.key, deviceId: s.deviceId, at: s.at, upTo });
    } else if (s.op === 'encryption-off') {
      const keyCheck = (s as { keyCheck?: unknown }).keyCheck;
      if (typeof keyCheck !== 'string' || keyCheck.length > 128) continue;
      const keysHash = (s as { keysHash?: unknown }).keysHash;
      statements.push({
        op: 'encryption-off',
        key: s.key,
        deviceId: s.deviceId,
        at: s.at,
        keyCheck,
        ...(typeof keysHash === 'string' && keysHash.length <= 128 ? { keysHash } : {}),
      });
    }
  }
  return { t: 'roster', folderId: v.folderId, deviceId: v.deviceId, statements };
}

/** Recovery signatures already checked (an idle round checks none again). */
const checked = new Map<string, boolean>();

async function recoverySigned(
  folderId: string,
  recoveryKey: Uint8Array,
  key: string,
  deviceId: string,
  signature: string,
): Promise<boolean> {
  const id = [folderId, toB64(recoveryKey), key, deviceId, signature].join('|');
  const known = checked.get(id);
  if (known !== undefined) return known;
  const sig = fromB64(signature, 64);
  const ok =
    sig !== null &&
    (await verifyBytes(sig, recoveryStatement(folderId, key, deviceId), recoveryKey));
  if (checked.size > 1_000) checked.clear();
  checked.set(id, ok);
  return ok;
}

/** One device's verified contribution to the roster. */
export interface RosterInput {
  /** The device (its folder). */
  deviceId: string;
  /** Its key (base64), from its verified device.json. */
  key: string;
  /** Statements of its verified roster.json. */
  statements: readonly RosterStatement[];
}

/** A key's standing. */
export interface KeyStanding {
  /** approved, pending (nobody approved it yet) or removed. */
  status: 'approved' | 'pending' | 'removed';
  /** Who approved it: device ids, and 'recovery' for the recovery key. */
  approvedBy: string[];
  /** For a removed key: the last position of its stream that stays valid. */
  upTo?: number;
  /**
   * When it was first approved, by a statement that counted, by the clock of the device that
   * wrote it (the approver; for a recovery-key approval, the approved device itself, since the
   * recovery signature does not cover the time); absent when none carries a plain UTC time.
   */
  approvedAt?: string;
  /** For a removed key: when it was first removed, by a counted statement (the remover's clock). */
  removedAt?: string;
}

/** A statement's time, kept only when it is a plain UTC instant (anything else is not shown). */
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** The earlier of two statement times (a malformed one is ignored). */
function earlier(known: string | undefined, at: string): string | undefined {
  if (!UTC_INSTANT.test(at) || Number.isNaN(Date.parse(at))) return known;
  return known === undefined || Date.parse(at) < Date.parse(known) ? at : known;
}

/** Computes every key's standing from the devices' statements and the folder's recovery key. */
export async function computeRoster(
  folderId: string,
  recoveryKey: Uint8Array | null,
  devices: readonly RosterInput[],
): Promise<Map<string, KeyStanding>> {
  const by = new Map<string, Set<string>>();
  const approvedAt = new Map<string, string | undefined>();
  const approve = (key: string, who: string, at: string): boolean => {
    const set = by.get(key) ?? new Set<string>();
    const added = !by.has(key);
    set.add(who);
    by.set(key, set);
    approvedAt.set(key, earlier(approvedAt.get(key), at));
    return added;
  };
  if (recoveryKey) {
    for (const d of devices) {
      for (const s of d.statements) {
        if (s.op !== 'approve' || s.recovery === undefined) continue;
        if (await recoverySigned(folderId, recoveryKey, s.key, s.deviceId, s.recovery)) {
          approve(s.key, 'recovery', s.at);
        }
      }
    }
  }
  // Approvals by approved keys, until nothing changes (each pass adds at least one key).
  for (let changed = true; changed;) {
    changed = false;
    for (const d of devices) {
      if (!by.has(d.key)) continue;
      for (const s of d.statements) {
        if (s.op === 'approve' && s.recovery === undefined && s.key !== d.key) {
          if (approve(s.key, d.deviceId, s.at)) changed = true;
        }
      }
    }
  }
  const removed = new Map<string, number>();
  const removedAt = new Map<string, string | undefined>();
  for (const d of devices) {
    if (!by.has(d.key)) continue;
    for (const s of d.statements) {
      if (s.op !== 'remove') continue;
      removed.set(s.key, Math.max(removed.get(s.key) ?? 0, s.upTo));
      removedAt.set(s.key, earlier(removedAt.get(s.key), s.at));
    }
  }
  const out = new Map<string, KeyStanding>();
  for (const d of devices) {
    const upTo = removed.get(d.key);
    const approvedBy = [...(by.get(d.key) ?? [])];
    const approved = approvedAt.get(d.key);
    const dates = {
      ...(approved !== undefined ? { approvedAt: approved } : {}),
      ...(upTo !== undefined && removedAt.get(d.key) !== undefined
        ? { removedAt: removedAt.get(d.key) as string }
        : {}),
    };
    out.set(
      d.key,
      upTo !== undefined
        ? { status: 'removed', approvedBy, upTo, ...dates }
        : { status: approvedBy.length > 0 ? 'approved' : 'pending', approvedBy, ...dates },
    );
  }
  return out;
}
