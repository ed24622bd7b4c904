/**
 * The cap on changes kept aside (`syncParked`): an approved device gone bad (or a newer app
 * version writing a lot) could otherwise fill this device's database with refused changes.
 * Per device, at most {@link MAX_PARKED_PER_DEVICE} are kept; beyond that the device's oldest
 * (lowest sequence number) are dropped first, and the caller reports each device that lost
 * some, by name. Per device, so one device's flood never pushes out another's parked changes.
 * A dropped change is not lost from the folder: it stays in its device's files.
 */
import Dexie from 'dexie';
import { SYNC_PARKED_TABLE } from '@shared/sync/conflict';
import type { WorkbenchDB } from '../database';

/** Changes kept aside per device at most. */
export const MAX_PARKED_PER_DEVICE = 10_000;

/** A device whose oldest kept-aside changes were dropped. */
export interface ParkedDropped {
  /** The device. */
  deviceId: string;
  /** How many of its changes were dropped. */
  dropped: number;
}

/**
 * Drops, for each of `deviceIds`, its oldest parked changes beyond `max`. Resolves to the
 * devices that lost some (none when every device is under the cap).
 */
export async function capParked(
  db: WorkbenchDB,
  deviceIds: Iterable<string>,
  max = MAX_PARKED_PER_DEVICE,
): Promise<ParkedDropped[]> {
  const table = db.table(SYNC_PARKED_TABLE);
  const out: ParkedDropped[] = [];
  for (const deviceId of new Set(deviceIds)) {
    const ofDevice = () =>
      table
        .where('[deviceId+seq]')
        .between([deviceId, Dexie.minKey], [deviceId, Dexie.maxKey], true, true);
    const excess = (await ofDevice().count()) - max;
    if (excess <= 0) continue;
    const oldest = await ofDevice().limit(excess).primaryKeys();
    await table.bulkDelete(oldest);
    out.push({ deviceId, dropped: oldest.length });
  }
  return out;
}
