import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { noteKindSchema, type Note } from '@shared/model/note';
import type { Stakeholder } from '@shared/model/stakeholder';
import { Dialog } from '../../components/Dialog';
import {
  DateTimeField,
  FormError,
  SelectField,
  StakeholderMultiSelect,
  TextAreaField,
  TextField,
  applyStoreErrors,
} from '../../components/form';
import { useWorkbench } from '../../app/WorkbenchContext';
import { useUiStore } from '../../state/uiStore';
import { choiceLabel } from '../raised-issues/raisedIssueForm';
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
  const pushToast = useUiStore((s) => s.pushToast);
  const [saveError, setSaveError] = useState<string | null>(null);
  const form = useForm<NoteFormValues>({
    resolver: zodResolver(noteFormSchema),
    defaultValues: toNoteForm(note),
  });
  const submit = form.handleSubmit(async (values) => {
    setSaveError(null);
    try {
      const fields = fromNoteForm(values);
      const saved = note
        ? await store.notes.update(note.id, fields)
        : await store.notes.create({ ...fields, engagementId });
      pushToast({
        tone: 'success',
        message: note ? 'Note saved.' : `Note “${saved.title}” saved.`,
      });
      onSaved(saved);
    } catch (error) {
      setSaveError(applyStoreErrors(form, error, Object.keys(noteFormSchema.shape)));
    }
  });
  return (
    <Dialog
      title={note ? 'Edit note' : 'New note'}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={form.formState.isSubmitting}
          >
            Save note
          </button>
        </>
      }
    >
      <FormError message={saveError} />
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
    </Dialog>
  );
}
