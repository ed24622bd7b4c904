import { useEffect, useMemo, useState } from 'react';
import type { Decision } from '@shared/model/decision';
import type { Note } from '@shared/model/note';
import { recordsFeed, useNewestNotes, useRecord, useRecords } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { DataTable, type DataTableColumn } from '../../components/table/DataTable';
import { MasterDetail } from '../../components/layout/MasterDetail';
import { DeletedRecords, useRecordActions, useRecordKeys } from '../../components/records';
import { formatDate } from '../../lib/formatDate';
import { useUiStore } from '../../state/uiStore';
import type { EngagementScreenProps } from '../../app/screenProps';
import { choiceLabel } from '../../lib/choiceLabel';
import { DecisionDetail } from './DecisionDetail';
import { DecisionFormDialog } from './DecisionFormDialog';
import { NoteDetail } from './NoteDetail';
import { NoteFormDialog } from './NoteFormDialog';
import './notes.css';
import { ConflictBadge } from '../../components/conflicts/ConflictBadge';

type View = 'notes' | 'decisions';

interface NoteRow {
  note: Note;
  participants: string;
}

interface DecisionRow {
  decision: Decision;
  by: string;
  supersededBy: string;
}

const NOTE_COLUMNS: DataTableColumn<NoteRow>[] = [
  {
    id: 'date',
    header: 'Date',
    width: '118px',
    cell: (r) => formatDate(r.note.date),
    sortValue: (r) => r.note.date,
  },
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
  {
    id: 'participants',
    header: 'Participants',
    width: '1.4fr',
    cell: (r) => r.participants,
    filterText: (r) => r.participants,
  },
];

const DECISION_COLUMNS: DataTableColumn<DecisionRow>[] = [
  {
    id: 'decidedAt',
    header: 'Decided',
    width: '118px',
    cell: (r) => (r.decision.decidedAt ? formatDate(r.decision.decidedAt.slice(0, 10)) : 'not yet'),
    sortValue: (r) => r.decision.decidedAt ?? '',
  },
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
  {
    id: 'by',
    header: 'By',
    width: '1.1fr',
    priority: 2,
    cell: (r) => r.by,
    sortValue: (r) => r.by,
    filterText: (r) => r.by,
  },
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

/** How many of the newest notes show while the whole list loads. */
const FIRST_NOTES = 50;

type DialogState =
  { kind: 'note'; note: Note | null } | { kind: 'decision'; decision: Decision | null };

/** Dated Markdown notes and the decision log of the engagement. */
export function NotesScreen({ engagement }: EngagementScreenProps) {
  const { db } = useWorkbench();
  // Until the whole list is read (10,000 notes take a moment), the newest notes show at once:
  // the whole list is asked for only once they are on screen, unless it is at hand already
  // (prefetched from the tab, or shown before).
  const [wantAll, setWantAll] = useState(
    () => recordsFeed(db, 'note', engagement.id).getSnapshot().current,
  );
  const fullList = useRecords(db, 'note', wantAll ? engagement.id : null);
  const allNotes = wantAll ? fullList : undefined;
  const newest = useNewestNotes(db, engagement.id, FIRST_NOTES, allNotes === undefined);
  useEffect(() => {
    if (wantAll || newest === undefined) return;
    const frame = requestAnimationFrame(() => setWantAll(true));
    return () => cancelAnimationFrame(frame);
  }, [wantAll, newest]);
  const notes = allNotes ?? newest;
  const partial = allNotes === undefined && newest !== undefined;
  const decisions = useRecords(db, 'decision', engagement.id);
  const stakeholders = useRecords(db, 'stakeholder', engagement.id);
  const selected = useUiStore((s) => s.selectedRecord);
  const selectRecord = useUiStore((s) => s.selectRecord);
  const [view, setView] = useState<View>(selected?.entity === 'decision' ? 'decisions' : 'notes');
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const noteActions = useRecordActions('note', 'Note');
  const decisionActions = useRecordActions('decision', 'Decision');

  // A decision opened from elsewhere (search, a link) shows the decision log.
  useEffect(() => {
    if (selected?.entity === 'decision') setView('decisions');
    else if (selected?.entity === 'note') setView('notes');
  }, [selected]);

  const noteId = selected?.entity === 'note' ? selected.id : null;
  const decisionId = selected?.entity === 'decision' ? selected.id : null;
  const note = useRecord(db, 'note', noteId);
  const decision = useRecord(db, 'decision', decisionId);
  const currentNote = note && note.engagementId === engagement.id ? note : null;
  const currentDecision = decision && decision.engagementId === engagement.id ? decision : null;

  const names = useMemo(
    () => new Map((stakeholders ?? []).map((s) => [s.id, s.name])),
    [stakeholders],
  );
  const noteRows = useMemo<NoteRow[]>(
    () =>
      (notes ?? []).map((n) => ({
        note: n,
        participants: n.participantIds.map((id) => names.get(id) ?? 'unknown').join(', '),
      })),
    [notes, names],
  );
  const decisionRows = useMemo<DecisionRow[]>(() => {
    const titles = new Map((decisions ?? []).map((d) => [d.id, d.title]));
    return (decisions ?? []).map((d) => ({
      decision: d,
      by: d.decidedById ? (names.get(d.decidedById) ?? 'unknown') : '—',
      supersededBy: d.supersededById ? (titles.get(d.supersededById) ?? 'a deleted decision') : '',
    }));
  }, [decisions, names]);

  useRecordKeys([
    {
      key: 'n',
      run: () =>
        setDialog(
          view === 'notes' ? { kind: 'note', note: null } : { kind: 'decision', decision: null },
        ),
    },
    {
      key: 'e',
      run: () => {
        if (view === 'notes' && currentNote && !currentNote.deletedAt)
          setDialog({ kind: 'note', note: currentNote });
        if (view === 'decisions' && currentDecision && !currentDecision.deletedAt)
          setDialog({ kind: 'decision', decision: currentDecision });
      },
    },
    {
      key: 'Delete',
      run: () => {
        if (view === 'notes' && currentNote && !currentNote.deletedAt)
          void noteActions.softDelete(currentNote.id, currentNote.title);
        if (view === 'decisions' && currentDecision && !currentDecision.deletedAt)
          void decisionActions.softDelete(currentDecision.id, currentDecision.title);
      },
    },
  ]);

  const close = () => setDialog(null);

  return (
    <div className="stack">
      <div className="segmented" role="tablist" aria-label="Notes and decisions">
        {(['notes', 'decisions'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={view === v}
            className="segment"
            onClick={() => setView(v)}
          >
            {v === 'notes'
              ? `Notes (${partial ? '…' : (notes?.length ?? 0)})`
              : `Decision log (${decisions?.length ?? 0})`}
          </button>
        ))}
      </div>
      {view === 'notes' ? (
        <>
          <MasterDetail
            listWidth="wide"
            detailLabel="Note"
            emptyDetail="Choose a note to read it."
            list={
              <DataTable
                label="Notes"
                rows={noteRows}
                partial={partial}
                columns={NOTE_COLUMNS}
                rowKey={(r) => r.note.id}
                selectedKey={noteId}
                onSelect={(r) => selectRecord({ entity: 'note', id: r.note.id })}
                filterPlaceholder="Filter notes…"
                emptyMessage="No notes yet."
                toolbar={
                  <button
                    type="button"
                    className="button button-primary"
                    title="New note (N)"
                    onClick={() => setDialog({ kind: 'note', note: null })}
                  >
                    New note
                  </button>
                }
              />
            }
            detail={
              currentNote ? (
                <NoteDetail
                  note={currentNote}
                  names={names}
                  onEdit={() => setDialog({ kind: 'note', note: currentNote })}
                />
              ) : null
            }
          />
          <DeletedRecords
            entity="note"
            engagementId={engagement.id}
            noun="Note"
            plural="notes"
            labelOf={(n) => n.title}
          />
        </>
      ) : (
        <>
          <MasterDetail
            listWidth="wide"
            detailLabel="Decision"
            emptyDetail="Choose a decision to see its rationale."
            list={
              <DataTable
                label="Decisions"
                rows={decisionRows}
                columns={DECISION_COLUMNS}
                rowKey={(r) => r.decision.id}
                selectedKey={decisionId}
                onSelect={(r) => selectRecord({ entity: 'decision', id: r.decision.id })}
                filterPlaceholder="Filter decisions…"
                emptyMessage="No decisions logged yet."
                toolbar={
                  <button
                    type="button"
                    className="button button-primary"
                    title="Log decision (N)"
                    onClick={() => setDialog({ kind: 'decision', decision: null })}
                  >
                    Log decision
                  </button>
                }
              />
            }
            detail={
              currentDecision ? (
                <DecisionDetail
                  decision={currentDecision}
                  decisions={decisions ?? []}
                  names={names}
                  onEdit={() => setDialog({ kind: 'decision', decision: currentDecision })}
                />
              ) : null
            }
          />
          <DeletedRecords
            entity="decision"
            engagementId={engagement.id}
            noun="Decision"
            plural="decisions"
            labelOf={(d) => d.title}
          />
        </>
      )}
      {dialog?.kind === 'note' ? (
        <NoteFormDialog
          engagementId={engagement.id}
          note={dialog.note}
          stakeholders={stakeholders ?? []}
          onClose={close}
          onSaved={(saved) => {
            close();
            selectRecord({ entity: 'note', id: saved.id });
          }}
        />
      ) : null}
      {dialog?.kind === 'decision' ? (
        <DecisionFormDialog
          engagementId={engagement.id}
          decision={dialog.decision}
          decisions={decisions ?? []}
          stakeholders={stakeholders ?? []}
          onClose={close}
          onSaved={(saved) => {
            close();
            selectRecord({ entity: 'decision', id: saved.id });
          }}
        />
      ) : null}
    </div>
  );
}
