import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newSecretKey, signBytes, signerFromSecret, toB64 } from '../../../shared/sync/identity';
import {
  computeRoster,
  parseDeviceFile,
  parseRosterFile,
  recoveryStatement,
  type RosterStatement,
} from '../../../shared/sync/roster';

const FOLDER = 'folder-1';
const AT = '2026-03-02T09:00:00.000Z';

async function keyPair() {
  const secret = newSecretKey();
  return { secret, key: toB64((await signerFromSecret(secret)).publicKey) };
}

describe('computeRoster', () => {
  it('recovery approves the first; approved devices approve others; removal wins; strangers wait', async () => {
    const recovery = await keyPair();
    const recoveryPublic = (await signerFromSecret(recovery.secret)).publicKey;
    const [a, b, c, x] = await Promise.all([keyPair(), keyPair(), keyPair(), keyPair()]);
    const sig = toB64(await signBytes(recoveryStatement(FOLDER, a.key, 'A'), recovery.secret));
    const forged = toB64(await signBytes(recoveryStatement(FOLDER, x.key, 'X'), x.secret));
    const approve = (
      key: string,
      deviceId: string,
    ): Extract<RosterStatement, { op: 'approve' }> => ({
      op: 'approve',
      key,
      deviceId,
      at: AT,
    });
    const roster = await computeRoster(FOLDER, recoveryPublic, [
      {
        deviceId: 'A',
        key: a.key,
        statements: [{ ...approve(a.key, 'A'), recovery: sig }, approve(b.key, 'B')],
      },
      { deviceId: 'B', key: b.key, statements: [approve(c.key, 'C')] },
      { deviceId: 'C', key: c.key, statements: [] },
      // X approves itself, with its own key posing as the recovery key, and approves C's removal
      {
        deviceId: 'X',
        key: x.key,
        statements: [
          { ...approve(x.key, 'X'), recovery: forged },
          { op: 'remove', key: a.key, deviceId: 'A', at: AT, upTo: 0 },
        ],
      },
    ]);
    expect(roster.get(a.key)).toEqual({
      status: 'approved',
      approvedBy: ['recovery'],
      approvedAt: AT,
    });
    expect(roster.get(b.key)?.approvedBy).toEqual(['A']);
    expect(roster.get(c.key)?.status).toBe('approved');
    expect(roster.get(x.key)?.status).toBe('pending');

    const removed = await computeRoster(FOLDER, recoveryPublic, [
      {
        deviceId: 'A',
        key: a.key,
        statements: [
          { ...approve(a.key, 'A'), recovery: sig },
          approve(b.key, 'B'),
          { op: 'remove', key: b.key, deviceId: 'B', at: AT, upTo: 7 },
        ],
      },
      { deviceId: 'B', key: b.key, statements: [] },
    ]);
    expect(removed.get(b.key)).toMatchObject({ status: 'removed', upTo: 7 });
    // the recovery signature is bound to the folder
    const elsewhere = await computeRoster('folder-2', recoveryPublic, [
      { deviceId: 'A', key: a.key, statements: [{ ...approve(a.key, 'A'), recovery: sig }] },
    ]);
    expect(elsewhere.get(a.key)?.status).toBe('pending');
  });
});

describe('computeRoster: dates', () => {
  it('the earliest counted statement dates an approval or removal; others and malformed times do not', async () => {
    const recovery = await keyPair();
    const recoveryPublic = (await signerFromSecret(recovery.secret)).publicKey;
    const [a, b, x] = await Promise.all([keyPair(), keyPair(), keyPair()]);
    const sig = toB64(await signBytes(recoveryStatement(FOLDER, a.key, 'A'), recovery.secret));
    const roster = await computeRoster(FOLDER, recoveryPublic, [
      {
        deviceId: 'A',
        key: a.key,
        statements: [
          {
            op: 'approve',
            key: a.key,
            deviceId: 'A',
            at: '2026-03-01T08:00:00.000Z',
            recovery: sig,
          },
          // a forged recovery approval with an earlier time: not counted, so not its date
          {
            op: 'approve',
            key: a.key,
            deviceId: 'A',
            at: '2020-01-01T00:00:00.000Z',
            recovery: 'AA==',
          },
          { op: 'approve', key: b.key, deviceId: 'B', at: '2026-03-05T10:00:00.000Z' },
          { op: 'approve', key: b.key, deviceId: 'B', at: 'yesterday' },
          { op: 'remove', key: b.key, deviceId: 'B', at: '2026-03-09T10:00:00Z', upTo: 2 },
        ],
      },
      // X is not approved: its earlier approval of B and its removal time count for nothing
      {
        deviceId: 'X',
        key: x.key,
        statements: [
          { op: 'approve', key: b.key, deviceId: 'B', at: '2026-03-02T10:00:00.000Z' },
          { op: 'remove', key: b.key, deviceId: 'B', at: '2026-03-03T10:00:00.000Z', upTo: 9 },
        ],
      },
      {
        deviceId: 'B',
        key: b.key,
        statements: [{ op: 'approve', key: b.key, deviceId: 'B', at: '2019-01-01T00:00:00.000Z' }],
      },
    ]);
    expect(roster.get(a.key)?.approvedAt).toBe('2026-03-01T08:00:00.000Z');
    expect(roster.get(b.key)).toEqual({
      status: 'removed',
      approvedBy: ['A'],
      upTo: 2,
      approvedAt: '2026-03-05T10:00:00.000Z',
      removedAt: '2026-03-09T10:00:00Z',
    });
    expect(roster.get(x.key)).toEqual({ status: 'pending', approvedBy: [] });
  });
});

describe('roster and device file parsers', () => {
  it('never throw, and keep only well-formed statements (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const roster = parseRosterFile(value);
        if (roster) expect(Array.isArray(roster.statements)).toBe(true);
        parseDeviceFile(value);
      }),
      { seed: 7, numRuns: 300 },
    );
    const parsed = parseRosterFile({
      t: 'roster',
      folderId: FOLDER,
      deviceId: 'A',
      statements: [
        { op: 'approve', key: 'k', deviceId: 'B', at: AT },
        { op: 'remove', key: 'k', deviceId: 'B', at: AT, upTo: -1 },
        { op: 'remove', key: 'k', deviceId: 'B', at: AT, upTo: 3 },
        { op: 'other', key: 'k', deviceId: 'B', at: AT },
        null,
      ],
    });
    expect(parsed?.statements.map((s) => s.op)).toEqual(['approve', 'remove']);
    expect(
      parseDeviceFile({
        t: 'device',
        folderId: FOLDER,
        deviceId: 'A',
        publicKey: 'short',
        joinedAt: AT,
      }),
    ).toBeNull();
  });
});
