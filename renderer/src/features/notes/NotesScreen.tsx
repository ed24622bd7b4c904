import type { EngagementScreenProps } from '../../app/screenProps';
import { MasterDetail } from '../../components/layout/MasterDetail';
import { DeletedRecords } from '../../components/records';
import { DataTable } from '../../components/table/DataTable';
import { DecisionDetail } from './DecisionDetail';
import { DecisionFormDialog } from './DecisionFormDialog';
import { NoteDetail } from './NoteDetail';
import { NoteFormDialog } from './NoteFormDialog';
import { DECISION_COLUMNS, NOTE_COLUMNS } from './noteColumns';
import { useNotesScreen } from './useNotesScreen';
import './notes.css';

/** Dated Markdown notes and the decision log of the engagement. */
export function NotesScreen({ engagement }: EngagementScreenProps) {
  const {
    notes,
    partial,
    decisions,
    stakeholders,
    selectRecord,
    view,
    setView,
    dialog,
    setDialog,
    noteId,
    decisionId,
    currentNote,
    currentDecision,
    names,
    noteRows,
    decisionRows,
    close,
  } = useNotesScreen(engagement);

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
