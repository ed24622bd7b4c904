/**
 * How Verify names a device key the sync roster knows (issue 16, item 5): by the name the device
 * gave itself and its standing, exactly as the engine's verified roster shows it, never more.
 *
 * The input is the last sync round's device list (SyncReport.peers). The engine built it from
 * device.json and roster.json files whose signatures it checked, and from statements that
 * counted (an approval by the recovery key or an approved device, a removal by an approved
 * device); a device whose files did not verify is not in it. The name is the device's own claim
 * (signed by its own key): it is cleaned of control and bidirectional characters, shortened and
 * quoted, so a name such as "x, approved in the sync roster" cannot pass for the standing.
 */
import type { MemoRecord } from '../model/memo';
import type { PeerInfo, SyncReport } from '../sync/engine/types';
import { cleanText, joinLines } from './escape';
import { parseManifest } from './signedManifest';
import type { KnownDevice } from './verifySigned';

/** What of a roster device the naming reads. */
export type RosterPeer = Pick<
  PeerInfo,
  | 'deviceId'
  | 'deviceName'
  | 'self'
  | 'publicKey'
  | 'standing'
  | 'approvedBy'
  | 'approvedAt'
  | 'removedAt'
>;

/** Longest device name shown (a longer one is cut, with an ellipsis). */
const MAX_NAME = 80;

/** A device-given name, safe to put in a sentence: one line, no controls, no quotes, bounded. */
export function shownDeviceName(name: string | undefined, deviceId: string): string {
  const plain = joinLines(cleanText(name ?? ''))
    .split('“')
    .join("'")
    .split('”')
    .join("'")
    .split('"')
    .join("'");
  const cut = plain.length > MAX_NAME ? `${plain.slice(0, MAX_NAME - 1)}…` : plain;
  return cut === '' ? `device ${shownDeviceId(deviceId)}` : `“${cut}”`;
}

/** A device id as shown (ids are the engine's folder names: cleaned and bounded all the same). */
function shownDeviceId(deviceId: string): string {
  const id = joinLines(cleanText(deviceId));
  return id.length > 64 ? `${id.slice(0, 63)}…` : id;
}

/** The day of a statement's time, said to be UTC's (the engine keeps only plain UTC instants). */
const dayOf = (at: string | undefined): string | null => (at ? `${at.slice(0, 10)} (UTC)` : null);

/** Who approved it, as the roster names them (at most three, then a count). */
function approvers(peer: RosterPeer): string {
  const names = (peer.approvedBy ?? []).map((n) =>
    n === 'recovery key' ? 'the recovery key' : shownDeviceName(n, n),
  );
  if (names.length === 0) return '';
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? ` by ${shown} and ${names.length - 3} more` : ` by ${shown}`;
}

/** The standing of a roster device, in words; null for a device the roster gives none. */
function standingText(peer: RosterPeer): string | null {
  if (peer.standing === 'approved') {
    const day = dayOf(peer.approvedAt);
    return `approved in the sync roster${day ? ` on ${day}` : ''}${approvers(peer)}`;
  }
  if (peer.standing === 'removed') {
    const day = dayOf(peer.removedAt);
    return `revoked: removed from the sync roster${day ? ` on ${day}` : ''}`;
  }
  if (peer.standing === 'pending') return 'not approved in the sync roster (it asks to join)';
  return null;
}

/**
 * The device keys of the verified roster, named with their standing. Only an approved key (or
 * this device's own) vouches; a removed or never-approved one is named but trusted for nothing. A device without a
 * key or a standing (an unsigned folder) is left out: its keys stay unknown.
 */
export function rosterDevices(peers: readonly RosterPeer[]): KnownDevice[] {
  const out: KnownDevice[] = [];
  for (const peer of peers) {
    const standing = standingText(peer);
    if (!peer.publicKey || standing === null) continue;
    if (out.some((d) => d.publicKey === peer.publicKey)) continue;
    const name = peer.self
      ? `this device (${shownDeviceName(peer.deviceName, peer.deviceId)})`
      : shownDeviceName(peer.deviceName, peer.deviceId);
    out.push({
      publicKey: peer.publicKey,
      label: `${name}, ${standing}`,
      // this installation's own key is known to it whatever the roster says of it
      vouches: peer.self || peer.standing === 'approved',
    });
  }
  return out;
}

/** A sync session as the roster is read from it (the renderer's; the engine runs there). */
export interface RosterSession {
  getState(): { report: SyncReport | null };
  syncNow(): Promise<SyncReport | null>;
}

/**
 * The devices of the sync roster as the engine last verified them: the last round's report, or
 * a round run now when none ran yet. Empty when the folder is not a signed one, or there is none.
 */
export async function verifiedRoster(session: RosterSession): Promise<readonly PeerInfo[]> {
  const report = session.getState().report ?? (await session.syncNow());
  return report?.signed ? report.peers : [];
}

/**
 * The device keys Verify names: the sync roster's (by name and standing), this device's own key
 * (null: none here), and the devices that issued this engagement's memos. A key in none of them
 * stays unknown.
 */
export function knownDeviceKeys(
  roster: readonly RosterPeer[],
  ownKey: string | null,
  memos: readonly MemoRecord[],
): KnownDevice[] {
  const out = rosterDevices(roster);
  const add = (device: KnownDevice) => {
    if (!out.some((d) => d.publicKey === device.publicKey)) out.push(device);
  };
  if (ownKey !== null) add({ publicKey: ownKey, label: 'this device' });
  for (const m of memos) {
    const manifest = m.signed ? parseManifest(m.signed.text) : null;
    if (manifest) {
      add({
        publicKey: manifest.device.publicKey,
        label: `device ${manifest.device.id}, which issued ${m.memoId} v${m.version} of this engagement`,
      });
    }
  }
  return out;
}
