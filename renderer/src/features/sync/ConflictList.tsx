import { useLiveQuery } from 'dexie-react-hooks';
import type { EntityName } from '@shared/model/registry';
import type { SyncConflict } from '@shared/sync/conflict';
import { entityNoun, recordHeadline } from '@shared/search/searchDocument';
import { listOpenConflicts } from '../../../db/sync/conflicts';
import { useWorkbench } from '../../app/WorkbenchContext';
import { ConflictResolver, fieldLabel } from '../../components/conflicts/ConflictResolver';
import '../../components/conflicts/conflicts.css';

/** One conflict, headed by the kind of record, its proper name and the field. */
function ConflictItem({ conflict }: { conflict: SyncConflict }) {
  const { store } = useWorkbench();
  const entity = conflict.entity as EntityName;
  const name = useLiveQuery(async () => {
    const row = (await store.db.entityTable(entity).get(conflict.recordId)) as
      Record<string, unknown> | undefined;
    return row ? recordHeadline(entity, row) : null;
  }, [store, entity, conflict.recordId]);
  const heading = `${entityNoun(entity)} “${name ?? '…'}”, ${fieldLabel(conflict.field).toLowerCase()}`;
  return <ConflictResolver conflict={conflict} heading={heading} />;
}

/** The open conflicts of the engagement. */
export function ConflictList({ engagementId }: { engagementId: string }) {
  const { db } = useWorkbench();
  const conflicts = useLiveQuery(() => listOpenConflicts(db, engagementId), [db, engagementId]);
  return (
    <section className="card" aria-labelledby="sync-conflicts-heading">
      <h2 id="sync-conflicts-heading">Conflicts to review</h2>
      {conflicts && conflicts.length > 0 ? (
        <ul className="sync-conflicts">
          {conflicts.map((c) => (
            <ConflictItem key={c.id} conflict={c} />
          ))}
        </ul>
      ) : (
        <p className="muted">
          {conflicts ? 'No conflicts: nothing was edited in two places at once.' : 'Loading…'}
        </p>
      )}
    </section>
  );
}
