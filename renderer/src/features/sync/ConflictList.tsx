import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { SyncConflict } from '@shared/sync/conflict';
import { conflictSides, listOpenConflicts, resolveConflict } from '../../../db/sync/conflicts';
import { useWorkbench } from '../../app/WorkbenchContext';
import { errorMessage } from '../../lib/errorMessage';
import { formatDateTime } from '../../lib/formatDate';
import { useUiStore } from '../../state/uiStore';

const text = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** One conflict: both versions side by side, and the three ways out. */
function ConflictItem({ conflict }: { conflict: SyncConflict }) {
  const { store } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const { mine, theirs } = conflictSides(conflict, store.deviceId);
  const [merging, setMerging] = useState<string | null>(null);
  const title = useLiveQuery(async () => {
    const row = (await store.db.entityTable(conflict.entity as never).get(conflict.recordId)) as
      { title?: unknown; client?: unknown } | undefined;
    return typeof row?.title === 'string'
      ? row.title
      : typeof row?.client === 'string'
        ? row.client
        : '';
  }, [store, conflict.entity, conflict.recordId]);
  const other =
    conflict.loserDeviceId === store.deviceId
      ? conflict.winnerDeviceName
      : conflict.loserDeviceName;

  const resolve = async (choice: Parameters<typeof resolveConflict>[2]) => {
    try {
      await resolveConflict(store, conflict, choice);
      pushToast({ tone: 'success', message: 'Conflict resolved.' });
    } catch (error) {
      pushToast({ tone: 'error', message: `Could not resolve: ${errorMessage(error)}` });
    }
  };

  const label = `${conflict.entity} “${title ?? ''}”, ${conflict.field}`;
  return (
    <li className="sync-conflict" aria-label={`Conflict: ${label}`}>
      <p>
        <strong>{label}</strong>{' '}
        <span className="muted">
          edited on two devices at once (found {formatDateTime(conflict.detectedAt)})
        </span>
      </p>
      <div className="sync-conflict-sides">
        <figure>
          <figcaption>Mine (this device)</figcaption>
          <pre>{text(mine)}</pre>
        </figure>
        <figure>
          <figcaption>Theirs ({other ?? 'other device'})</figcaption>
          <pre>{text(theirs)}</pre>
        </figure>
      </div>
      {merging !== null ? (
        <div className="sync-merge">
          <label className="field">
            <span>Merged text</span>
            <textarea rows={6} value={merging} onChange={(e) => setMerging(e.target.value)} />
          </label>
          <div className="sync-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => void resolve({ kind: 'merged', value: merging })}
            >
              Save merged text
            </button>
            <button type="button" className="button button-ghost" onClick={() => setMerging(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="sync-actions">
          <button
            type="button"
            className="button"
            onClick={() => void resolve({ kind: 'keepMine' })}
          >
            Keep mine
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void resolve({ kind: 'takeTheirs' })}
          >
            Take theirs
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setMerging(`${text(mine)}\n\n${text(theirs)}`)}
          >
            Merge…
          </button>
        </div>
      )}
    </li>
  );
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
