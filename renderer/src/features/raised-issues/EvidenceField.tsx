import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import type { EvidenceKind } from '@shared/model/raisedIssue';
import { SelectField, TextAreaField } from '../../components/form';
import type { RaisedIssueFormValues } from './raisedIssueForm';

/** The words of each kind: the text field's label, its hint, the add button. */
const KIND_TEXT: Record<EvidenceKind, { label: string; hint: string; add: string }> = {
  quote: { label: 'Quote', hint: 'Their words, verbatim.', add: 'Add quote' },
  reference: {
    label: 'Reference',
    hint: 'A log, a ticket, a document, an email.',
    add: 'Add reference',
  },
};

const KIND_OPTIONS = [
  { value: 'quote', label: 'Quote' },
  { value: 'reference', label: 'Reference' },
];

/** One piece of evidence: its kind, its words, and buttons to move or remove it. */
function EvidenceItem({
  form,
  index,
  count,
  onMove,
  onRemove,
}: {
  form: UseFormReturn<RaisedIssueFormValues>;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}) {
  const kind = useWatch({ control: form.control, name: `evidence.${index}.kind` });
  const text = KIND_TEXT[kind] ?? KIND_TEXT.quote;
  const name = `Evidence ${index + 1}`;
  return (
    <fieldset className="evidence-item" aria-label={name}>
      <div className="evidence-item-head">
        <span className="evidence-item-number" aria-hidden="true">
          {index + 1}
        </span>
        <SelectField
          form={form}
          name={`evidence.${index}.kind`}
          label="Kind"
          options={KIND_OPTIONS}
          className="evidence-kind"
        />
        <div className="evidence-item-actions">
          <button
            type="button"
            className="button button-ghost button-small"
            aria-label={`Move ${name.toLowerCase()} up`}
            title="Move up"
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            aria-label={`Move ${name.toLowerCase()} down`}
            title="Move down"
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button-ghost button-small button-danger"
            aria-label={`Remove ${name.toLowerCase()}`}
            onClick={() => onRemove(index)}
          >
            Remove
          </button>
        </div>
      </div>
      <TextAreaField
        form={form}
        name={`evidence.${index}.text`}
        label={text.label}
        hint={text.hint}
        rows={2}
      />
    </fieldset>
  );
}

/**
 * The issue's evidence as an editable list: quotes and references, each with its kind and
 * words, added, reordered and removed in place; each item's error shows on its field.
 */
export function EvidenceField({
  form,
  className,
}: {
  form: UseFormReturn<RaisedIssueFormValues>;
  className?: string;
}) {
  const { fields, append, remove, move } = useFieldArray({
    control: form.control,
    name: 'evidence',
  });
  const add = (kind: EvidenceKind) =>
    append({ kind, text: '' }, { focusName: `evidence.${fields.length}.text` });
  // A problem of the list as a whole (the store's), not of one item.
  const errors = form.formState.errors.evidence;
  const listError = errors?.message ?? errors?.root?.message;
  return (
    <fieldset
      className={`evidence-field${className ? ` ${className}` : ''}`}
      aria-invalid={listError ? true : undefined}
    >
      <legend>Evidence</legend>
      {fields.length === 0 ? (
        <p className="muted evidence-empty">
          No evidence yet: add the quotes and references that back the issue.
        </p>
      ) : (
        <ol className="evidence-items">
          {fields.map((field, index) => (
            <li key={field.id}>
              <EvidenceItem
                form={form}
                index={index}
                count={fields.length}
                onMove={move}
                onRemove={remove}
              />
            </li>
          ))}
        </ol>
      )}
      {listError ? (
        <span className="field-error" role="alert">
          Evidence {listError}
        </span>
      ) : null}
      <div className="evidence-add">
        <button type="button" className="button" onClick={() => add('quote')}>
          {KIND_TEXT.quote.add}
        </button>
        <button type="button" className="button" onClick={() => add('reference')}>
          {KIND_TEXT.reference.add}
        </button>
      </div>
    </fieldset>
  );
}
