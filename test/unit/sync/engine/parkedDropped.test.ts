import { describe, expect, it } from 'vitest';
import type { ApplySummary } from '../../../../shared/sync/database';
import type { PeerState } from '../../../../shared/sync/engine/context';
import { parkedDroppedWarnings } from '../../../../shared/sync/engine/parkedDropped';

const summary = (parkedDropped?: ApplySummary['parkedDropped']): ApplySummary => ({
  applied: 0,
  duplicates: 0,
  parked: 0,
  rejected: 0,
  conflicts: 0,
  skewedDevices: [],
  ...(parkedDropped ? { parkedDropped } : {}),
});

describe('parkedDroppedWarnings', () => {
  it('one warning per device, summed over the round, naming it', () => {
    const states = new Map<string, PeerState>([
      ['dev-b', { p: 0, hashes: {}, copies: [], published: 0, deviceName: 'Partner laptop' }],
    ]);
    const warnings = parkedDroppedWarnings(
      [
        summary([{ deviceId: 'dev-b', dropped: 2 }]),
        summary(),
        summary([
          { deviceId: 'dev-b', dropped: 3 },
          { deviceId: 'dev-c', dropped: 1 },
        ]),
      ],
      states,
    );
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ code: 'parked-dropped', deviceId: 'dev-b' });
    expect(warnings[0]?.message).toMatch(/^Partner laptop .* its 5 oldest kept-aside/);
    expect(warnings[1]).toMatchObject({ code: 'parked-dropped', deviceId: 'dev-c' });
    expect(warnings[1]?.message).toMatch(/^dev-c .* its 1 oldest/);
  });

  it('nothing dropped: no warning', () => {
    expect(parkedDroppedWarnings([summary(), summary([])], new Map())).toEqual([]);
  });
});
