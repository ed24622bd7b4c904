import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { EntityName } from '@shared/model/registry';
import type { SyncConflict } from '@shared/sync/conflict';
import { diffLines, type DiffLine } from '@shared/sync/textDiff';
import { conflictOvertaken, conflictSides, resolveConflict } from '../../../db/sync/conflicts';
import { useWorkbench } from '../../app/WorkbenchContext';
import { errorMessage } from '../../lib/errorMessage';
import { formatDateTime } from '../../lib/formatDate';
import { useUiStore } from '../../state/uiStore';
import './conflicts.css';

const text = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** "followUpNotes" → "Follow up notes". */
export function fieldLabel(field: string): string {
  let out = '';
  for (const ch of field) {
    out += ch >= 'A' && ch <= 'Z' ? ` ${ch.toLowerCase()}` : ch;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** One side of the diff: the lines only this side has are marked. */
function DiffSide({ caption, lines, tone }: { caption: string; lines: DiffLine[]; tone: string }) {
  return (
    <figure className={`conflict-side conflict-side-${tone}`}>
      <figcaption>{caption}</figcaption>
      <pre>
        {lines.map((line, i) => (
          <span key={i} className={line.kind === 'changed' ? 'conflict-line-changed' : undefined}>
            {line.kind === 'changed' ? <span className="visually-hidden">only here: </span> : null}
            {line.text}
            {'\n'}
          </span>
        ))}
      </pre>
    </figure>
  );
}

/**
 * One conflict: both versions side by side with the differing lines marked, and the three ways
 * out (keep mine, take theirs, merge by editing). Used on the Sync tab and in the record's
 * detail pane.
 */
export function ConflictResolver({
  conflict,
  heading,
}: {
  conflict: SyncConflict;
  heading: string;
}) {
  const { store } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const { mine, theirs } = conflictSides(conflict, store.deviceId);
  const [merging, setMerging] = useState<string | null>(null);
  const mineLost = conflict.loserDeviceId === store.deviceId;
  const otherName = mineLost ? conflict.winnerDeviceName : conflict.loserDeviceName;
  const otherId = mineLost ? conflict.winnerDeviceId : conflict.loserDeviceId;
  // The name is what the other device calls itself: shown with its id, as on the device list.
  const other = `${otherName ? `“${otherName.slice(0, 60)}”, ` : ''}device ${otherId.slice(-6)}`;
  const diff = diffLines(mine, theirs);
  const overtaken = useLiveQuery(async () => {
    const row = (await store.db
      .entityTable(conflict.entity as EntityName)
      .get(conflict.recordId)) as Record<string, unknown> | undefined;
    return row !== undefined && conflictOvertaken(conflict, row[conflict.field]);
  }, [store, conflict]);

  const resolve = async (choice: Parameters<typeof resolveConflict>[2]) => {
    try {
      await resolveConflict(store, conflict, choice);
      pushToast({ tone: 'success', message: 'Conflict resolved.' });
    } catch (error) {
      pushToast({ tone: 'error', message: `Could not resolve: ${errorMessage(error)}` });
    }
  };

  return (
    <li className="sync-conflict" aria-label={`Conflict: ${heading}`}>
      <p>
        <strong>{heading}</strong>{' '}
        <span className="muted">
          edited on two devices at once (found {formatDateTime(conflict.detectedAt)})
        </span>
      </p>
      {overtaken ? (
        <p className="conflict-overtaken" role="note">
          The record has been edited again since (perhaps this conflict was resolved on another
          device): it now holds neither text below. Choosing one replaces the current text.{' '}
          <button
            type="button"
            className="button"
            onClick={() => void resolve({ kind: 'keepCurrent' })}
          >
            Keep the current text
          </button>
        </p>
      ) : null}
      <div className="sync-conflict-sides">
        <DiffSide caption="Mine (this device)" lines={diff.left} tone="mine" />
        <DiffSide caption={`Theirs (${other})`} lines={diff.right} tone="theirs" />
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
        <div className="sync-actions" role="group" aria-label={`Resolve ${heading}`}>
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
            Merge by editing…
          </button>
        </div>
      )}
    </li>
  );
}
