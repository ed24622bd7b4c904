import { describe, expect, it } from 'vitest';
import { encryptionOffVerdict } from '../../../shared/sync/encryptionOff';
import type { KeyStanding, RosterInput, RosterStatement } from '../../../shared/sync/roster';

const CHECK = 'c'.repeat(64);
const BY_CHECK = { keyCheck: CHECK };
type OffStatement = Extract<RosterStatement, { op: 'encryption-off' }>;
const off = (key: string, deviceId: string, at: string, keyCheck = CHECK): OffStatement => ({
  op: 'encryption-off',
  key,
  deviceId,
  at,
  keyCheck,
});
const standing = (status: KeyStanding['status']): KeyStanding => ({ status, approvedBy: [] });

describe('encryptionOffVerdict', () => {
  const standings = new Map<string, KeyStanding>([
    ['kA', standing('approved')],
    ['kB', standing('approved')],
    ['kP', standing('pending')],
    ['kR', standing('removed')],
  ]);

  it('honours an approved device’s own statement for the key in use', () => {
    const inputs: RosterInput[] = [
      { deviceId: 'A', key: 'kA', statements: [off('kA', 'A', '2026-03-02T10:00:00Z')] },
    ];
    expect(encryptionOffVerdict(inputs, standings, BY_CHECK)).toEqual({
      decision: { deviceId: 'A', at: '2026-03-02T10:00:00Z', keyCheck: CHECK },
      refused: [],
    });
  });

  it('refuses pending and removed devices, and reports them', () => {
    const inputs: RosterInput[] = [
      { deviceId: 'P', key: 'kP', statements: [off('kP', 'P', '2026-03-02T10:00:00Z')] },
      { deviceId: 'R', key: 'kR', statements: [off('kR', 'R', '2026-03-02T10:00:00Z')] },
      { deviceId: 'U', key: 'kU', statements: [off('kU', 'U', '2026-03-02T10:00:00Z')] },
    ];
    expect(encryptionOffVerdict(inputs, standings, BY_CHECK)).toEqual({
      decision: null,
      refused: ['P', 'R', 'U'],
    });
  });

  it('ignores a statement for another key, one copied from another device, and any without a key in use', () => {
    const inputs: RosterInput[] = [
      { deviceId: 'A', key: 'kA', statements: [off('kA', 'A', '2026-03-02T10:00:00Z', 'old')] },
      // B's roster holds A's statement, copied: neither B's key nor B's id
      { deviceId: 'B', key: 'kB', statements: [off('kA', 'A', '2026-03-02T10:00:00Z')] },
      { deviceId: 'P', key: 'kP', statements: [off('kA', 'A', '2026-03-02T10:00:00Z')] },
    ];
    expect(encryptionOffVerdict(inputs, standings, BY_CHECK)).toEqual({
      decision: null,
      refused: [],
    });
    const genuine: RosterInput[] = [
      { deviceId: 'A', key: 'kA', statements: [off('kA', 'A', '2026-03-02T10:00:00Z')] },
    ];
    expect(encryptionOffVerdict(genuine, standings, null).decision).toBeNull();
  });

  it('without a key known, matches the hash of keys.json the statement names (never the check alone)', () => {
    const hash = 'h'.repeat(64);
    const named: OffStatement = { ...off('kA', 'A', '2026-03-02T10:00:00Z'), keysHash: hash };
    const inputs: RosterInput[] = [
      { deviceId: 'A', key: 'kA', statements: [named] },
      { deviceId: 'P', key: 'kP', statements: [{ ...named, key: 'kP', deviceId: 'P' }] },
    ];
    expect(encryptionOffVerdict(inputs, standings, { keysHash: hash })).toEqual({
      decision: { deviceId: 'A', at: '2026-03-02T10:00:00Z', keyCheck: CHECK },
      refused: ['P'],
    });
    expect(encryptionOffVerdict(inputs, standings, { keysHash: 'other' }).decision).toBeNull();
    // a statement of an older build (no keysHash) never matches a keys.json by hash
    const old: RosterInput[] = [
      { deviceId: 'A', key: 'kA', statements: [off('kA', 'A', '2026-03-02T10:00:00Z')] },
    ];
    expect(encryptionOffVerdict(old, standings, { keysHash: hash }).decision).toBeNull();
  });

  it('the earliest of several decisions, whatever the order of the inputs', () => {
    const a: RosterInput = {
      deviceId: 'A',
      key: 'kA',
      statements: [off('kA', 'A', '2026-03-02T11:00:00Z')],
    };
    const b: RosterInput = {
      deviceId: 'B',
      key: 'kB',
      statements: [off('kB', 'B', '2026-03-02T10:00:00Z')],
    };
    const want = { deviceId: 'B', at: '2026-03-02T10:00:00Z', keyCheck: CHECK };
    expect(encryptionOffVerdict([a, b], standings, BY_CHECK).decision).toEqual(want);
    expect(encryptionOffVerdict([b, a], standings, BY_CHECK).decision).toEqual(want);
  });
});
