import { useMemo, useState } from 'react';
import type { EntityName } from '@shared/model/registry';
import { useRecordHistory, useRecordNames } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { formatChange, idsInChanges, type DisplayValue } from '@shared/notebook/historyFormat';
import './history.css';

/** Values longer than this are cut, with a button to show them whole. */
const LONG = 140;

function Value({ value, label }: { value: DisplayValue; label: string }) {
  const [expanded, setExpanded] = useState(false);
  if (value.empty) return <span className="history-empty">—</span>;
  if (value.text.length <= LONG || expanded) {
    return (
      <span className="history-value">
        {value.text}
        {expanded ? (
          <button
            type="button"
            className="link-button"
            aria-label={`Show less of ${label}`}
            onClick={() => setExpanded(false)}
          >
            less
          </button>
        ) : null}
      </span>
    );
  }
  return (
    <span className="history-value">
      {value.text.slice(0, LONG)}…{' '}
      <button
        type="button"
        className="link-button"
        aria-label={`Show all of ${label}`}
        onClick={() => setExpanded(true)}
      >
        more
      </button>
    </span>
  );
}

/**
 * The history of one record from the change log, newest first: each change with what was done,
 * when (in the user's locale), on which device and by whom, and each field's old and new value
 * (ids shown as names, dates in the locale, long texts cut with a "more" button).
 */
export function RecordHistory({
  entity,
  id,
  title = 'History',
}: {
  entity: EntityName;
  id: string;
  title?: string;
}) {
  const { db } = useWorkbench();
  const changes = useRecordHistory(db, entity, id);
  const ids = useMemo(() => (changes ? idsInChanges(changes) : []), [changes]);
  const names = useRecordNames(db, ids);
  const rows = useMemo(
    () => (changes ? [...changes].reverse().map((c) => formatChange(c, names ?? new Map())) : []),
    [changes, names],
  );
  const headingId = `history-${id}`;

  return (
    <section className="record-history" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {changes === undefined ? (
        <p className="muted">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="muted">No recorded changes.</p>
      ) : (
        <ol className="history-list">
          {rows.map((row) => (
            <li key={row.id} className="history-item">
              <p className="history-meta">
                <strong>{row.action}</strong> <time dateTime={row.at}>{row.when}</time>{' '}
                <span className="muted">on {row.who}</span>
              </p>
              {row.fields.length > 0 ? (
                <table className="history-fields">
                  <thead className="visually-hidden">
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Change</th>
                    </tr>
                  </thead>
                  <tbody>
                    {row.fields.map((f) => (
                      <tr key={f.field}>
                        <th scope="row">{f.label}</th>
                        <td>
                          {row.action === 'Created' ? null : (
                            <>
                              <span className="history-old">
                                <span className="visually-hidden">before: </span>
                                <Value value={f.old} label={`${f.label} before`} />
                              </span>
                              <span className="history-arrow" aria-hidden="true">
                                {' → '}
                              </span>
                            </>
                          )}
                          <span className="history-new">
                            {row.action === 'Created' ? null : (
                              <span className="visually-hidden">after: </span>
                            )}
                            <Value value={f.new} label={`${f.label} after`} />
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
