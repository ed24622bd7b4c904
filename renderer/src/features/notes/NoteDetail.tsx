import type { Note } from '@shared/model/note';
import { RecordHistory } from '../../components/history/RecordHistory';
import { DeleteButton, DeletedBanner } from '../../components/records';
import { formatDateTime } from '../../lib/formatDate';
import { useOpenRecord } from '../../app/openRecord';
import { choiceLabel } from '../../lib/choiceLabel';
import { LinkChips } from './LinkEditor';
import { MarkdownView } from './MarkdownView';
import { RecordConflicts } from '../../components/conflicts/RecordConflicts';
import { AttachmentsPanel } from '../../components/attachments/AttachmentsPanel';

/** One note: when, who took part, the Markdown text, its links and its history. */
export function NoteDetail({
  note,
  names,
  onEdit,
}: {
  note: Note;
  names: ReadonlyMap<string, string>;
  onEdit: () => void;
}) {
  const openRecord = useOpenRecord();
  const deleted = note.deletedAt !== null;
  return (
    <article className="record-detail" aria-labelledby={`note-title-${note.id}`}>
      {deleted ? <DeletedBanner entity="note" id={note.id} noun="Note" label={note.title} /> : null}
      <header className="record-detail-header">
        <h2 id={`note-title-${note.id}`}>{note.title}</h2>
        <p className="muted">
          {choiceLabel(note.kind)} · <time dateTime={note.date}>{formatDateTime(note.date)}</time>
          {note.participantIds.length > 0
            ? ` · with ${note.participantIds.map((id) => names.get(id) ?? 'unknown').join(', ')}`
            : ''}
        </p>
        {deleted ? null : (
          <div className="record-actions">
            <button
              type="button"
              className="button"
              onClick={onEdit}
              aria-label={`Edit ${note.title}`}
              title="Edit (E)"
            >
              Edit
            </button>
            <DeleteButton entity="note" id={note.id} noun="Note" label={note.title} />
          </div>
        )}
      </header>
      <RecordConflicts entity="note" recordId={note.id} />
      {note.body.trim() ? (
        <MarkdownView source={note.body} label="Note text" />
      ) : (
        <p className="muted">No text.</p>
      )}
      <section aria-label="Linked records">
        <h3>Linked records</h3>
        <LinkChips
          links={note.links}
          onOpen={(link) => void openRecord({ engagementId: note.engagementId, ...link })}
        />
      </section>
      <AttachmentsPanel
        target={{ entity: 'note', id: note.id }}
        engagementId={note.engagementId}
        readOnly={note.deletedAt !== null}
      />
      <RecordHistory entity="note" id={note.id} />
    </article>
  );
}
