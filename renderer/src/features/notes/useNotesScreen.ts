import { useEffect, useMemo, useState } from 'react';
import type { Decision } from '@shared/model/decision';
import type { Engagement } from '@shared/model/engagement';
import type { Note } from '@shared/model/note';
import { recordsFeed, useNewestNotes, useRecord, useRecords } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { useRecordActions, useRecordKeys } from '../../components/records';
import { useUiStore } from '../../state/uiStore';
import type { DecisionRow, NoteRow } from './noteColumns';

export type View = 'notes' | 'decisions';

/** How many of the newest notes show while the whole list loads. */
const FIRST_NOTES = 50;

export type DialogState =
  { kind: 'note'; note: Note | null } | { kind: 'decision'; decision: Decision | null };

/**
 * The Notes tab's state: the notes (the newest first while the whole list loads), the decision
 * log, the chosen record and view, the rows of both lists, the open dialog and its keys.
 */
export function useNotesScreen(engagement: Engagement) {
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

  return {
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
  };
}
