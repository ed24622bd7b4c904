import { useLiveQuery } from 'dexie-react-hooks';
import { entityNames, type EntityName } from '@shared/model/registry';
import { SYNC_PARKED_TABLE } from '@shared/sync/conflict';
import { entityNoun, recordHeadline } from '@shared/search/searchDocument';
import type { ParkedChange } from '../../../db/sync/applyChanges';
import { useWorkbench } from '../../app/WorkbenchContext';
import { formatDateTime } from '../../lib/formatDate';

interface ParkedRow {
  id: string;
  what: string;
  reason: string;
  device: string;
  parkedAt: string;
}

const isEntity = (value: unknown): value is EntityName =>
  typeof value === 'string' && (entityNames as readonly string[]).includes(value);

/**
 * The incoming changes of this engagement that were refused and kept aside (invalid, making a
 * record invalid, changing an issued memo, or from a newer app version), with the reason: never
 * applied, retried after each round.
 */
export function ParkedChanges({ engagementId }: { engagementId: string }) {
  const { db } = useWorkbench();
  const rows = useLiveQuery(async (): Promise<ParkedRow[]> => {
    const all = await db.table<ParkedChange, string>(SYNC_PARKED_TABLE).toArray();
    const mine = all.filter(
      (p) => (p.raw as { engagementId?: unknown } | null)?.engagementId === engagementId,
    );
    return Promise.all(
      mine.map(async (p) => {
        const raw = p.raw as { entity?: unknown; recordId?: unknown; deviceName?: unknown };
        const device =
          typeof raw.deviceName === 'string' && raw.deviceName.trim() !== ''
            ? `${raw.deviceName.slice(0, 60)} (…${p.deviceId.slice(-8)})`
            : `…${p.deviceId.slice(-12)}`;
        let what = 'a record';
        if (isEntity(raw.entity) && typeof raw.recordId === 'string') {
          const row = (await db.entityTable(raw.entity).get(raw.recordId)) as
            Record<string, unknown> | undefined;
          what = row
            ? `${entityNoun(raw.entity)} “${recordHeadline(raw.entity, row)}”`
            : `a ${entityNoun(raw.entity).toLowerCase()} not in this profile`;
        }
        return { id: p.id, what, reason: p.reason, device, parkedAt: p.parkedAt };
      }),
    );
  }, [db, engagementId]);
  if (!rows || rows.length === 0) return null;
  return (
    <section className="card" aria-labelledby="sync-parked-heading">
      <h2 id="sync-parked-heading">Changes kept aside</h2>
      <p className="muted">
        These changes from other devices were not applied: nothing in this profile was changed by
        them. They are tried again after each sync.
      </p>
      <table className="sync-table" aria-labelledby="sync-parked-heading">
        <thead>
          <tr>
            <th scope="col">Record</th>
            <th scope="col">Why</th>
            <th scope="col">Device</th>
            <th scope="col">Kept aside</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.what}</td>
              <td>{r.reason}</td>
              <td>{r.device}</td>
              <td>{formatDateTime(r.parkedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
