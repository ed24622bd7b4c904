import type { PeerInfo } from '@shared/sync/engine';

/** Gives the verified sync roster of an engagement (the sync feature provides it). */
export type SyncRosterSource = (engagementId: string) => Promise<readonly PeerInfo[]>;

let source: SyncRosterSource | null = null;

/**
 * The sync feature's engine runs in this window and verifies the roster each round; it provides
 * it here, so another feature (Verify, which names the device that signed a memo) reads it
 * without importing the sync feature.
 */
export function provideSyncRoster(next: SyncRosterSource): void {
  source = next;
}

/** The devices of an engagement's sync roster as last verified; none when nothing provides it. */
export async function syncRosterOf(engagementId: string): Promise<readonly PeerInfo[]> {
  return source ? source(engagementId) : [];
}
