import { useLiveQuery } from 'dexie-react-hooks';
import type { EntityName } from '@shared/model/registry';
import { listRecordConflicts } from '../../../db/sync/conflicts';
import { useWorkbench } from '../../app/WorkbenchContext';
import { ConflictResolver, fieldLabel } from './ConflictResolver';
import './conflicts.css';

/**
 * The record's unresolved sync conflicts, in its detail pane: for each field edited on two
 * devices at once, both versions side by side and keep mine / take theirs / merge by editing.
 * Renders nothing when there is none.
 */
export function RecordConflicts({
  entity,
  recordId,
  label,
}: {
  entity: EntityName;
  recordId: string;
  /** Names the record when the pane shows another one (an issue's acknowledgement). */
  label?: string;
}) {
  const { db } = useWorkbench();
  const conflicts = useLiveQuery(
    () => listRecordConflicts(db, entity, recordId),
    [db, entity, recordId],
  );
  if (!conflicts || conflicts.length === 0) return null;
  const headingId = `record-conflicts-${recordId}`;
  return (
    <section className="record-conflicts" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {conflicts.length === 1
          ? 'A sync conflict to review'
          : `${conflicts.length} sync conflicts to review`}
      </h3>
      <ul className="sync-conflicts">
        {conflicts.map((c) => (
          <ConflictResolver
            key={c.id}
            conflict={c}
            heading={label ? `${label}: ${fieldLabel(c.field).toLowerCase()}` : fieldLabel(c.field)}
          />
        ))}
      </ul>
    </section>
  );
}
