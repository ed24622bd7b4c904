/**
 * Changes kept aside that the store dropped over its cap (renderer/db/sync/parkedCap.ts): one
 * warning per device this round, naming it, so nothing is dropped in silence.
 */
import type { ApplySummary } from '../database';
import type { PeerState } from './context';
import type { SyncWarning } from './types';

/** One warning per device whose oldest kept-aside changes were dropped. */
export function parkedDroppedWarnings(
  summaries: readonly ApplySummary[],
  states: ReadonlyMap<string, PeerState>,
): SyncWarning[] {
  const byDevice = new Map<string, number>();
  for (const d of summaries.flatMap((s) => s.parkedDropped ?? [])) {
    byDevice.set(d.deviceId, (byDevice.get(d.deviceId) ?? 0) + d.dropped);
  }
  return [...byDevice].map(([deviceId, dropped]) => ({
    code: 'parked-dropped',
    deviceId,
    message: `${states.get(deviceId)?.deviceName ?? deviceId} sent more refused changes than are kept aside per device: its ${dropped} oldest kept-aside change(s) were dropped from this device (they stay in its files in the folder). A device that keeps sending refused changes can be removed on the Sync tab.`,
  }));
}
