import { describe, expect, it } from 'vitest';
import { encryptionOffVerdict } from '../../../shared/sync/encryptionOff';
import type { KeyStanding, RosterInput, RosterStatement } from '../../../shared/sync/roster';

const CHECK = 'c'.repeat(64);
const off = (key: string, deviceId: string, at: string, keyCheck = CHECK): RosterStatement => ({
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
    expect(encryptionOffVerdict(inputs, standings, CHECK)).toEqual({
      decision: { deviceId: 'A', at: '2026-03-02T10:00:00Z' },
      refused: [],
    });
  });

  it('refuses pending and removed devices, and reports them', () => {
    const inputs: RosterInput[] = [
      { deviceId: 'P', key: 'kP', statements: [off('kP', 'P', '2026-03-02T10:00:00Z')] },
      { deviceId: 'R', key: 'kR', statements: [off('kR', 'R', '2026-03-02T10:00:00Z')] },
      { deviceId: 'U', key: 'kU', statements: [off('kU', 'U', '2026-03-02T10:00:00Z')] },
    ];
    expect(encryptionOffVerdict(inputs, standings, CHECK)).toEqual({
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
    expect(encryptionOffVerdict(inputs, standings, CHECK)).toEqual({ decision: null, refused: [] });
    const genuine: RosterInput[] = [
      { deviceId: 'A', key: 'kA', statements: [off('kA', 'A', '2026-03-02T10:00:00Z')] },
    ];
    expect(encryptionOffVerdict(genuine, standings, null).decision).toBeNull();
    expect(encryptionOffVerdict(genuine, standings, undefined).decision).toBeNull();
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
    const want = { deviceId: 'B', at: '2026-03-02T10:00:00Z' };
    expect(encryptionOffVerdict([a, b], standings, CHECK).decision).toEqual(want);
    expect(encryptionOffVerdict([b, a], standings, CHECK).decision).toEqual(want);
  });
});
