import { useLiveQuery } from 'dexie-react-hooks';
import type { EntityName } from '@shared/model/registry';
import { listRecordConflicts } from '../../../db/sync/conflicts';
import { useWorkbench } from '../../app/WorkbenchContext';
import './conflicts.css';

/**
 * A small "Conflict" badge next to a record's name in its list while the record has an
 * unresolved sync conflict (one indexed read per visible row; rows are virtualised).
 */
export function ConflictBadge({ entity, recordId }: { entity: EntityName; recordId: string }) {
  const { db } = useWorkbench();
  const count = useLiveQuery(
    async () => (await listRecordConflicts(db, entity, recordId)).length,
    [db, entity, recordId],
  );
  if (!count) return null;
  const label = count === 1 ? 'Unresolved sync conflict' : `${count} unresolved sync conflicts`;
  return (
    <span className="conflict-badge" title={label}>
      Conflict<span className="visually-hidden">: {label.toLowerCase()}</span>
    </span>
  );
}
