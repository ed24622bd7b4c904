// Verify names a device key by the sync roster (issue 16, item 5): its name and standing as the
// engine verified them, never more; a key the roster does not hold stays unknown.
import { afterEach, describe, expect, it } from 'vitest';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  knownDeviceKeys,
  rosterDevices,
  shownDeviceName,
  verifiedRoster,
  type RosterPeer,
} from '../../../shared/memo/rosterDevices';
import { verifyMemoFile, type FileForVerify } from '../../../shared/memo/verify';
import { verifySignature } from '../../../shared/memo/verifySigned';
import type { MemoRecord } from '../../../shared/model/memo';
import { newSecretKey, signerFromSecret, toB64 } from '../../../shared/sync/identity';
import { closeAll, engagement, makeDevice, tempDir } from '../sync/harness';
import { signedSampleMemo, signingDeps } from './signing';

afterEach(closeAll);

const KEY = (n: number): string => toB64(new Uint8Array(32).fill(n));

const peer = (over: Partial<RosterPeer>): RosterPeer => ({
  deviceId: 'dev-d',
  deviceName: "Dana's laptop",
  self: false,
  publicKey: KEY(1),
  standing: 'approved',
  approvedBy: ['recovery key'],
  approvedAt: '2026-12-01T09:30:00.000Z',
  ...over,
});

const md = (text: string): FileForVerify => ({
  fileName: 'memo.md',
  kind: 'markdown',
  sha256: '0'.repeat(64),
  text,
  pdfTitle: null,
});

describe('rosterDevices: naming', () => {
  it('names an approved device by its name, the day it was approved and by whom', () => {
    expect(rosterDevices([peer({ approvedBy: ['recovery key', 'Alex desk'] })])).toEqual([
      {
        publicKey: KEY(1),
        label:
          "“Dana's laptop”, approved in the sync roster on 2026-12-01 (UTC) by the recovery key, “Alex desk”",
        vouches: true,
      },
    ]);
  });

  it('a removed device is named revoked, a waiting one not approved; neither vouches', () => {
    const [removed, pending] = rosterDevices([
      peer({ standing: 'removed', removedAt: '2026-12-03T10:00:00.000Z' }),
      peer({ publicKey: KEY(2), deviceName: 'Spare', standing: 'pending', approvedBy: [] }),
    ]);
    expect(removed).toEqual({
      publicKey: KEY(1),
      label: "“Dana's laptop”, revoked: removed from the sync roster on 2026-12-03 (UTC)",
      vouches: false,
    });
    expect(pending).toEqual({
      publicKey: KEY(2),
      label: '“Spare”, not approved in the sync roster (it asks to join)',
      vouches: false,
    });
  });

  it('says no more than the roster: no date when none counted, no device without key or standing', () => {
    const devices = rosterDevices([
      peer({ approvedAt: undefined, approvedBy: [] }),
      peer({ publicKey: KEY(2), standing: undefined }), // an unsigned folder's device
      peer({ publicKey: undefined }),
      peer({ deviceName: 'Second claim on the same key' }),
    ]);
    expect(devices).toEqual([
      { publicKey: KEY(1), label: "“Dana's laptop”, approved in the sync roster", vouches: true },
    ]);
  });

  it('this device is named as such, and its own key vouches whatever its standing', () => {
    expect(
      rosterDevices([peer({ self: true, deviceName: 'Laptop', standing: 'pending' })]),
    ).toEqual([
      {
        publicKey: KEY(1),
        label: 'this device (“Laptop”), not approved in the sync roster (it asks to join)',
        vouches: true,
      },
    ]);
  });

  it('a hostile name cannot pass for a standing, reorder the sentence or run on', () => {
    const spoof = shownDeviceName('Eve”, approved in the sync roster on 2020-01-01 “x', 'e');
    expect(spoof).toBe("“Eve', approved in the sync roster on 2020-01-01 'x”");
    expect(shownDeviceName('Dana\u202e\u0007 pot\npal', 'd')).toBe('“Dana pot pal”');
    expect(shownDeviceName('x'.repeat(5_000), 'd')).toHaveLength(82);
    expect(shownDeviceName(undefined, 'dev\u202e-9')).toBe('device dev-9');
    expect(shownDeviceName('  \u2066 ', 'dev-9')).toBe('device dev-9');
  });
});

describe('knownDeviceKeys', () => {
  it('the roster names first; this device and record issuers only for keys it does not hold', async () => {
    const deps = signingDeps('dev-r');
    const { signed } = await signedSampleMemo(deps);
    const recordKey = toB64((await deps.keys.signer()).publicKey);
    const memo = { memoId: 'M-1', version: 1, signed } as unknown as MemoRecord;
    const known = knownDeviceKeys([peer({})], KEY(9), [memo]);
    expect(known.map((d) => [d.publicKey, d.label])).toEqual([
      [
        KEY(1),
        "“Dana's laptop”, approved in the sync roster on 2026-12-01 (UTC) by the recovery key",
      ],
      [KEY(9), 'this device'],
      [recordKey, 'device dev-r, which issued M-1 v1 of this engagement'],
    ]);
    // this device in the roster: named by it; a key in none of them is not named at all
    const self = knownDeviceKeys([peer({ self: true, publicKey: KEY(9) })], KEY(9), []);
    expect(self.map((d) => d.label)).toEqual([
      "this device (“Dana's laptop”), approved in the sync roster on 2026-12-01 (UTC) by the recovery key",
    ]);
    expect(knownDeviceKeys([peer({})], KEY(9), [memo]).some((d) => d.publicKey === KEY(7))).toBe(
      false,
    );
  });

  it('the roster of the last round, a round run when none ran, nothing from an unsigned folder', async () => {
    const report = (signed: boolean) => ({ signed, peers: [peer({})] });
    let rounds = 0;
    const source = (last: unknown) => ({
      getState: () => ({ report: last }) as never,
      syncNow: () => {
        rounds += 1;
        return Promise.resolve(report(true) as never);
      },
    });
    expect(await verifiedRoster(source(report(true)))).toHaveLength(1);
    expect(rounds).toBe(0);
    expect(await verifiedRoster(source(null))).toHaveLength(1);
    expect(rounds).toBe(1);
    expect(await verifiedRoster(source(report(false)))).toEqual([]);
  });
});

describe('Verify names devices by a real verified roster', () => {
  it('approved, removed, waiting and unknown keys, from the engine over a real folder', async () => {
    const root = await tempDir('ews-memo-roster-');
    const secrets = { dana: newSecretKey(), eve: newSecretKey(), sam: newSecretKey() };
    const signer = (secret: Uint8Array) => signerFromSecret(secret);
    const alex = await makeDevice(root, { name: 'Alex desk' });
    await alex.store.engagements.create(engagement);
    await alex.sync();
    const dana = await makeDevice(root, {
      name: "Dana's laptop",
      approve: false,
      signer: await signer(secrets.dana),
      start: '2026-03-02T09:00:00.000Z',
    });
    const eve = await makeDevice(root, {
      name: 'Eve tablet',
      approve: false,
      signer: await signer(secrets.eve),
    });
    const sam = await makeDevice(root, {
      name: 'Sam phone',
      approve: false,
      signer: await signer(secrets.sam),
    });
    for (const d of [dana, eve, sam]) await d.sync();
    await alex.sync();
    alex.clock.set('2026-03-05T14:00:00.000Z');
    await alex.engine.approveDevice(dana.engine.deviceId());
    await alex.engine.approveDevice(eve.engine.deviceId());
    alex.clock.set('2026-03-07T08:00:00.000Z');
    await alex.engine.removeDevice(eve.engine.deviceId());
    const report = await alex.sync();
    const roster = await verifiedRoster({
      getState: () => ({ report }) as never,
      syncNow: () => Promise.resolve(null),
    });
    const known = rosterDevices(roster);

    const verdictOf = async (secret: Uint8Array, deviceId: string) => {
      const { markdown } = await signedSampleMemo(signingDeps(deviceId, secret));
      const file = md(markdown);
      return verifySignature(file, verifyMemoFile(file, []), [], known);
    };
    const approved = await verdictOf(secrets.dana, dana.engine.deviceId());
    expect(approved.outcome).toBe('signed');
    expect(approved.signature?.device).toEqual({
      known: true,
      vouches: true,
      label: "“Dana's laptop”, approved in the sync roster on 2026-03-05 (UTC) by “Alex desk”",
    });
    expect(approved.message).toContain(
      "from “Dana's laptop”, approved in the sync roster on 2026-03-05 (UTC) by “Alex desk”",
    );

    const removed = await verdictOf(secrets.eve, eve.engine.deviceId());
    expect(removed.signature?.device.label).toBe(
      '“Eve tablet”, revoked: removed from the sync roster on 2026-03-07 (UTC)',
    );
    expect(removed.signature?.device.vouches).toBe(false);
    expect(removed.message).toContain('the roster does not vouch for that key');

    const waiting = await verdictOf(secrets.sam, sam.engine.deviceId());
    expect(waiting.signature?.device.label).toBe(
      '“Sam phone”, not approved in the sync roster (it asks to join)',
    );
    expect(waiting.message).toContain('the roster does not vouch for that key');

    // a key the roster does not hold stays unknown
    const stranger = await verdictOf(newSecretKey(), 'dev-stranger');
    expect(stranger.signature?.device).toEqual({ known: false, label: null, vouches: false });
    expect(stranger.message).toContain('whose key this app does not know');

    // hostile folder: Dana's genuine device.json copied under another device folder, and Sam's
    // roster.json replaced by one its key did not sign. The engine refuses both: the copy names
    // nobody, and Sam (whose files no longer verify) is not named at all.
    const devices = join(root, 'devices');
    await mkdir(join(devices, 'evil-copy'), { recursive: true });
    await copyFile(
      join(devices, dana.engine.deviceId(), 'device.json'),
      join(devices, 'evil-copy', 'device.json'),
    );
    await writeFile(join(devices, sam.engine.deviceId(), 'roster.json'), 'not signed by Sam');
    const hostile = await alex.sync();
    const again = rosterDevices(
      await verifiedRoster({
        getState: () => ({ report: hostile }) as never,
        syncNow: () => Promise.resolve(null),
      }),
    );
    expect(again.map((d) => d.label)).toEqual(
      known
        .filter((d) => d.label.startsWith('this device') || !d.label.includes('Sam'))
        .map((d) => d.label),
    );
    expect(again.filter((d) => d.label.includes("Dana's laptop"))).toHaveLength(1);
  }, 60_000);
});
