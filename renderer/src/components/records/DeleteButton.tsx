import { useRecordActions } from './useRecordActions';
import type { EntityName } from '@shared/model/registry';

/** A "Delete" button that soft-deletes one record (Undo in the toast). */
export function DeleteButton({
  entity,
  id,
  noun,
  label,
  onDeleted,
}: {
  entity: EntityName;
  id: string;
  /** The record kind, for example "Note". */
  noun: string;
  /** The record's title or name (the button is named "Delete <label>"). */
  label: string;
  /** Called after the record was deleted (for example to close its detail). */
  onDeleted?: () => void;
}) {
  const { softDelete } = useRecordActions(entity, noun);
  return (
    <button
      type="button"
      className="button button-danger"
      aria-label={`Delete ${label}`}
      onClick={() => {
        void softDelete(id, label).then((ok) => {
          if (ok) onDeleted?.();
        });
      }}
    >
      Delete
    </button>
  );
}
