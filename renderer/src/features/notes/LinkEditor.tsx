import { useId, useState } from 'react';
import { Controller, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { linkableEntitySchema, type LinkableEntity, type RecordLink } from '@shared/model/link';
import { useRecordNames, useRecords } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { LINKABLE_LABELS, recordLabel } from './recordLabel';

/** Links of a note or decision to other records of the engagement (value: RecordLink[]). */
export function LinkEditor<T extends FieldValues>({
  form,
  name,
  engagementId,
  selfId,
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  engagementId: string;
  /** The record being edited (it cannot link to itself). */
  selfId?: string;
}) {
  const { db } = useWorkbench();
  const id = useId();
  const [kind, setKind] = useState<LinkableEntity>('raisedIssue');
  const [choice, setChoice] = useState('');
  const candidates = useRecords(db, kind, engagementId);
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => {
        const links: RecordLink[] = Array.isArray(field.value) ? (field.value as RecordLink[]) : [];
        return (
          <fieldset className="link-editor span-2">
            <legend>Linked records</legend>
            <LinkChips
              links={links}
              onRemove={(link) =>
                field.onChange(links.filter((l) => !(l.entity === link.entity && l.id === link.id)))
              }
            />
            <div className="link-editor-add">
              <label htmlFor={`${id}-kind`} className="visually-hidden">
                Kind of record to link
              </label>
              <select
                id={`${id}-kind`}
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as LinkableEntity);
                  setChoice('');
                }}
              >
                {linkableEntitySchema.options.map((k) => (
                  <option key={k} value={k}>
                    {LINKABLE_LABELS[k]}
                  </option>
                ))}
              </select>
              <label htmlFor={`${id}-record`} className="visually-hidden">
                Record to link
              </label>
              <select
                id={`${id}-record`}
                value={choice}
                onChange={(e) => setChoice(e.target.value)}
              >
                <option value="">Choose a {LINKABLE_LABELS[kind].toLowerCase()}…</option>
                {(candidates ?? [])
                  .filter((r) => r.id !== selfId && !links.some((l) => l.id === r.id))
                  .map((r) => (
                    <option key={r.id} value={r.id}>
                      {recordLabel(r)}
                    </option>
                  ))}
              </select>
              <button
                type="button"
                className="button"
                disabled={choice === ''}
                onClick={() => {
                  field.onChange([...links, { entity: kind, id: choice }]);
                  setChoice('');
                }}
              >
                Add link
              </button>
            </div>
          </fieldset>
        );
      }}
    />
  );
}

/** The links as chips; with onRemove each gets a remove button, with onOpen each opens its record. */
export function LinkChips({
  links,
  onRemove,
  onOpen,
}: {
  links: readonly RecordLink[];
  onRemove?: (link: RecordLink) => void;
  onOpen?: (link: RecordLink) => void;
}) {
  const { db } = useWorkbench();
  const names = useRecordNames(
    db,
    links.map((l) => l.id),
  );
  if (links.length === 0) return <p className="muted link-none">No linked records.</p>;
  return (
    <ul className="link-chips">
      {links.map((link) => {
        const label = names?.get(link.id) ?? LINKABLE_LABELS[link.entity];
        return (
          <li key={`${link.entity}:${link.id}`} className="link-chip">
            <span className="muted">{LINKABLE_LABELS[link.entity]}:</span>{' '}
            {onOpen ? (
              <button type="button" className="link-button" onClick={() => onOpen(link)}>
                {label}
              </button>
            ) : (
              label
            )}
            {onRemove ? (
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove link to ${label}`}
                onClick={() => onRemove(link)}
              >
                ×
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
