import type { EngagementScopedEntityName, EntityRecord } from '@shared/model/registry';
import { useDeletedRecords } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { formatDateTime } from '../../lib/formatDate';
import { useRecordActions } from './useRecordActions';
import './records.css';

/**
 * The deleted records of one entity in an engagement (the trash), folded away under a
 * "Deleted … (n)" disclosure, each with a Restore button. Shows nothing while there are none.
 */
export function DeletedRecords<N extends EngagementScopedEntityName>({
  entity,
  engagementId,
  noun,
  plural,
  labelOf,
}: {
  entity: N;
  engagementId: string;
  /** The record kind as a word, for example "Note". */
  noun: string;
  /** Its plural, for example "notes". */
  plural: string;
  /** The record's label (title or name). */
  labelOf: (record: EntityRecord<N>) => string;
}) {
  const { db } = useWorkbench();
  const deleted = useDeletedRecords(db, entity, engagementId);
  const { restore } = useRecordActions(entity, noun);
  if (!deleted || deleted.length === 0) return null;
  return (
    <details className="deleted-records">
      <summary>
        Deleted {plural} ({deleted.length})
      </summary>
      <ul>
        {deleted.map((record) => {
          const label = labelOf(record);
          return (
            <li key={record.id}>
              <span className="deleted-label">{label}</span>{' '}
              <span className="muted">deleted {formatDateTime(record.deletedAt)}</span>
              <button
                type="button"
                className="button"
                aria-label={`Restore ${label}`}
                onClick={() => void restore(record.id, label)}
              >
                Restore
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
