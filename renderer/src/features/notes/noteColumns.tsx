import type { Decision } from '@shared/model/decision';
import type { Note } from '@shared/model/note';
import { ConflictBadge } from '../../components/conflicts/ConflictBadge';
import type { DataTableColumn } from '../../components/table/DataTable';
import { dateColumn, personColumn } from '../../components/table/columns';
import { choiceLabel } from '../../lib/choiceLabel';

export interface NoteRow {
  note: Note;
  participants: string;
}

export interface DecisionRow {
  decision: Decision;
  by: string;
  supersededBy: string;
}

export const NOTE_COLUMNS: DataTableColumn<NoteRow>[] = [
  dateColumn({ id: 'date', header: 'Date', width: '118px' }, (r) => r.note.date),
  {
    id: 'title',
    header: 'Title',
    width: '2.4fr',
    minWidth: 200,
    cell: (r) => (
      <>
        <ConflictBadge entity="note" recordId={r.note.id} />
        {r.note.title}
      </>
    ),
    sortValue: (r) => r.note.title,
    filterText: (r) => `${r.note.title} ${r.note.body}`,
  },
  {
    id: 'kind',
    header: 'Kind',
    width: '96px',
    priority: 1,
    cell: (r) => choiceLabel(r.note.kind),
    sortValue: (r) => r.note.kind,
    filterText: (r) => r.note.kind,
  },
  personColumn(
    { id: 'participants', header: 'Participants', width: '1.4fr' },
    (r) => r.participants,
    { sortable: false },
  ),
];

export const DECISION_COLUMNS: DataTableColumn<DecisionRow>[] = [
  dateColumn(
    { id: 'decidedAt', header: 'Decided', width: '118px' },
    (r) => r.decision.decidedAt,
    'not yet',
  ),
  {
    id: 'title',
    header: 'What',
    width: '2.2fr',
    minWidth: 200,
    cell: (r) => (
      <>
        <ConflictBadge entity="decision" recordId={r.decision.id} />
        {r.decision.title}
      </>
    ),
    sortValue: (r) => r.decision.title,
    filterText: (r) => `${r.decision.title} ${r.decision.rationale}`,
  },
  personColumn({ id: 'by', header: 'By', width: '1.1fr', priority: 2 }, (r) => r.by),
  {
    id: 'status',
    header: 'Status',
    width: '104px',
    cell: (r) => (
      <span className={`badge badge-decision-${r.decision.status}`}>
        {choiceLabel(r.decision.status)}
      </span>
    ),
    sortValue: (r) => r.decision.status,
    filterText: (r) => r.decision.status,
  },
  {
    id: 'supersededBy',
    header: 'Superseded by',
    width: '1.1fr',
    priority: 1,
    cell: (r) => r.supersededBy,
  },
];
