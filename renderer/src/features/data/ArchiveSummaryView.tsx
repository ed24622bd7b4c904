import type { ArchiveSummary } from '@shared/archive/format';
import { ENTITY_LABELS } from './labels';

/** What an archive or a backup holds: the engagement and its record counts. */
export function ArchiveSummaryView({ summary }: { summary: ArchiveSummary }) {
  const rows = Object.entries(summary.counts).filter(([entity]) => entity !== 'engagement');
  return (
    <div className="data-summary">
      <p className="data-summary-title">
        <strong>{summary.client}</strong> — {summary.title}
        {summary.archived ? <span className="badge badge-archived">archived</span> : null}
      </p>
      <table className="dataio-table data-counts">
        <caption className="visually-hidden">Records in the file</caption>
        <thead>
          <tr>
            <th scope="col">Records</th>
            <th scope="col">Count</th>
            <th scope="col">Of which deleted</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([entity, count]) => (
            <tr key={entity}>
              <th scope="row">{ENTITY_LABELS[entity] ?? entity}</th>
              <td>{count}</td>
              <td>{summary.deleted[entity] ?? 0}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">History entries</th>
            <td>{summary.changes}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
