import { describe, expect, it } from 'vitest';
import { acceptLine, noneRefused, refusedWarnings } from '../../../shared/sync/lineFilter';

describe('line filter', () => {
  it('keeps the folder device’s in-scope changes; counts the rest; steps over foreign positions', () => {
    const out = { changes: [] as unknown[], positions: new Set<number>() };
    const refused = noneRefused();
    const rules = { scope: new Set(['E']) as ReadonlySet<string> | null, upTo: 4 };
    acceptLine('A', 1, { deviceId: 'A', engagementId: 'E' }, rules, out, refused);
    acceptLine('A', 2, { deviceId: 'B', engagementId: 'E' }, rules, out, refused);
    acceptLine('A', 3, { deviceId: 'A', engagementId: 'F' }, rules, out, refused);
    acceptLine('A', 4, null, rules, out, refused);
    acceptLine('A', 5, { deviceId: 'A', engagementId: 'E' }, rules, out, refused);
    acceptLine('A', null, { deviceId: 'A', engagementId: 'E' }, rules, out, refused);
    expect(out.changes).toHaveLength(2);
    expect([...out.positions].sort()).toEqual([1, 2, 3, 4]);
    expect(refused).toEqual({ foreign: 2, outOfScope: 1, afterRemoval: 1 });
    const warnings = refusedWarnings('A', '"Laptop" (A)', 'devices/A/seg-00000001.jsonl', refused);
    expect(warnings.map((w) => w.code)).toEqual([
      'foreign-change',
      'out-of-scope',
      'device-removed',
    ]);
    expect(warnings.every((w) => w.deviceId === 'A' && w.path?.endsWith('.jsonl'))).toBe(true);
    expect(refusedWarnings('A', 'A', 'p', refused, true).map((w) => w.code)).not.toContain(
      'foreign-change',
    );
  });
});
