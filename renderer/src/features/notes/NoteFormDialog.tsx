import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { noteKindSchema, type Note } from '@shared/model/note';
import type { Stakeholder } from '@shared/model/stakeholder';
import {
  DateTimeField,
  SelectField,
  StakeholderMultiSelect,
  TextAreaField,
  TextField,
  RecordFormDialog,
} from '../../components/form';
import { useWorkbench } from '../../app/WorkbenchContext';
import { choiceLabel } from '../../lib/choiceLabel';
import { LinkEditor } from './LinkEditor';
import { fromNoteForm, noteFormSchema, toNoteForm, type NoteFormValues } from './noteForms';

/** Write a new note or edit one; a refused save keeps everything typed. */
export function NoteFormDialog({
  engagementId,
  note,
  stakeholders,
  onClose,
  onSaved,
}: {
  engagementId: string;
  note: Note | null;
  stakeholders: readonly Stakeholder[];
  onClose: () => void;
  onSaved: (note: Note) => void;
}) {
  const { store } = useWorkbench();
  const form = useForm<NoteFormValues>({
    resolver: zodResolver(noteFormSchema),
    defaultValues: toNoteForm(note),
  });
  return (
    <RecordFormDialog
      title={note ? 'Edit note' : 'New note'}
      form={form}
      submitLabel={'Save note'}
      onClose={onClose}
      save={(values) => {
        const fields = fromNoteForm(values);
        return note
          ? store.notes.update(note.id, fields)
          : store.notes.create({ ...fields, engagementId });
      }}
      savedMessage={(saved) => (note ? 'Note saved.' : `Note “${saved.title}” saved.`)}
      onSaved={onSaved}
      errorFields={Object.keys(noteFormSchema.shape)}
    >
      <div className="form-grid">
        <TextField form={form} name="title" label="Title" className="span-2" autoFocus />
        <DateTimeField form={form} name="date" label="Date" />
        <SelectField
          form={form}
          name="kind"
          label="Kind"
          options={noteKindSchema.options.map((k) => ({ value: k, label: choiceLabel(k) }))}
        />
        <StakeholderMultiSelect
          form={form}
          name="participantIds"
          label="Participants"
          stakeholders={stakeholders}
          className="span-2"
        />
        <TextAreaField
          form={form}
          name="body"
          label="Note"
          className="span-2"
          rows={10}
          hint="Markdown: **bold**, lists, tables, [links](https://…). HTML is shown as text."
        />
        <LinkEditor form={form} name="links" engagementId={engagementId} selfId={note?.id} />
      </div>
    </RecordFormDialog>
  );
}
