import type { EntityName } from '@shared/model/registry';
import { useRecordActions } from './useRecordActions';
import './records.css';

/** Shown on a deleted record's detail: says it is deleted, with a Restore button. */
export function DeletedBanner({
  entity,
  id,
  noun,
  label,
}: {
  entity: EntityName;
  id: string;
  noun: string;
  label: string;
}) {
  const { restore } = useRecordActions(entity, noun);
  return (
    <div className="deleted-banner" role="note">
      This {noun.toLowerCase()} is deleted.
      <button
        type="button"
        className="button"
        aria-label={`Restore ${label}`}
        onClick={() => void restore(id, label)}
      >
        Restore
      </button>
    </div>
  );
}
