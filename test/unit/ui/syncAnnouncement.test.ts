import { describe, expect, it } from 'vitest';
import type { SyncReport } from '../../../shared/sync/engine';
import { syncAnnouncement } from '../../../renderer/src/app/syncAnnouncement';

const report = (over: Partial<SyncReport>): SyncReport =>
  ({
    status: 'ok',
    sent: 0,
    received: 0,
    duplicates: 0,
    parked: 0,
    conflicts: 0,
    peers: [],
    warnings: [],
    idle: true,
    encrypted: false,
    ...over,
  }) as SyncReport;

describe('what a sync round announces', () => {
  it('stays quiet for an idle round and before any round', () => {
    expect(syncAnnouncement(null)).toBeNull();
    expect(syncAnnouncement(report({}))).toBeNull();
  });

  it('says what came in, went out and needs review', () => {
    expect(syncAnnouncement(report({ idle: false, received: 3, sent: 1, conflicts: 2 }))).toBe(
      'Sync finished: 3 changes received, 1 change sent, 2 conflicts to review.',
    );
  });

  it('says why a round did not complete', () => {
    expect(
      syncAnnouncement(report({ status: 'wrong-passphrase', message: 'The passphrase is wrong' })),
    ).toBe('Sync did not complete: The passphrase is wrong.');
    expect(syncAnnouncement(report({ status: 'offline' }))).toBe('Sync did not complete: offline.');
  });
});
