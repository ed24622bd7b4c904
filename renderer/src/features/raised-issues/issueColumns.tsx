import type { RaisedIssue } from '@shared/model/raisedIssue';
import type { AckState } from '@shared/notebook/issueTimeline';
import { ConflictBadge } from '../../components/conflicts/ConflictBadge';
import type { DataTableColumn } from '../../components/table/DataTable';
import { personColumn } from '../../components/table/columns';
import { choiceLabel } from '../../lib/choiceLabel';

/** One row of the list. */
export interface IssueRow {
  issue: RaisedIssue;
  raisedTo: string;
  days: number;
  ack: AckState;
  /** Per addressee: "Victor Hale: no answer" or "Rosa Lind: answered". */
  ackText: string;
}

const SEVERITY_RANK = { high: 3, medium: 2, low: 1 } as const;

export const ISSUE_COLUMNS: DataTableColumn<IssueRow>[] = [
  {
    id: 'title',
    header: 'Issue',
    width: '2.2fr',
    cell: (r) => (
      <>
        <ConflictBadge entity="raisedIssue" recordId={r.issue.id} />
        {r.issue.title}
      </>
    ),
    sortValue: (r) => r.issue.title,
    filterText: (r) => r.issue.title,
  },
  {
    id: 'status',
    header: 'Status',
    width: '112px',
    priority: 4,
    cell: (r) => (
      <span className={`badge badge-issue-${r.issue.status}`}>{choiceLabel(r.issue.status)}</span>
    ),
    sortValue: (r) => r.issue.status,
    filterText: (r) => r.issue.status,
  },
  {
    id: 'severity',
    header: 'Severity',
    width: '84px',
    priority: 2,
    cell: (r) => (
      <span className={`badge badge-severity-${r.issue.severity}`}>{r.issue.severity}</span>
    ),
    sortValue: (r) => SEVERITY_RANK[r.issue.severity],
    filterText: (r) => r.issue.severity,
  },
  personColumn(
    { id: 'raisedTo', header: 'Raised to', width: '1.2fr', priority: 3 },
    (r) => r.raisedTo,
  ),
  {
    id: 'days',
    header: 'Days',
    width: '56px',
    priority: 1,
    align: 'end',
    cell: (r) => r.days,
    sortValue: (r) => r.days,
  },
  {
    id: 'ack',
    header: 'Acknowledged',
    width: '1.3fr',
    cell: (r) => (
      <span className={`ack-state ack-${r.ack.replace(' ', '-')}`} title={r.ackText}>
        {r.ack === 'acknowledged' ? 'yes, by all' : r.ack}
        <span className="ack-people">{r.ackText}</span>
      </span>
    ),
    sortValue: (r) => r.ack,
    filterText: (r) => `${r.ack} ${r.ackText}`,
  },
];
