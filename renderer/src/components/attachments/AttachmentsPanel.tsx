import { useId, useRef, useState, type DragEvent } from 'react';
import type { AttachmentTarget } from '@shared/model/attachment';
import { useAttachmentsFor } from '../../../db/hooks/attachments';
import { useWorkbench } from '../../app/WorkbenchContext';
import { AttachmentRow } from './AttachmentRow';
import { EmailImportDialog } from './EmailImportDialog';
import { useAttachFiles } from './useAttachFiles';
import './attachments.css';

/**
 * The files attached to one record: a list, a drop zone and an "Attach file…" button. Self-
 * contained: a detail pane adds it with one line.
 */
export function AttachmentsPanel({
  target,
  engagementId,
  readOnly = false,
  compact = false,
}: {
  target: AttachmentTarget;
  engagementId: string;
  /** No attaching (a deleted record). */
  readOnly?: boolean;
  /** Only the list, nothing when empty (an acknowledgement in the timeline). */
  compact?: boolean;
}) {
  const { db } = useWorkbench();
  const attachments = useAttachmentsFor(db, target);
  const { attachFiles, busy, pendingEmail, closeEmail } = useAttachFiles(target);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const headingId = useId();
  const live = attachments?.filter((a) => a.deletedAt === null) ?? [];
  const deleted = attachments?.filter((a) => a.deletedAt !== null) ?? [];

  if (compact && live.length + deleted.length === 0) return null;

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    if (readOnly || compact) return;
    void attachFiles(Array.from(event.dataTransfer.files));
  }

  return (
    <section
      className={`attachments-panel${over ? ' attachments-over' : ''}${compact ? ' attachments-compact' : ''}`}
      aria-labelledby={headingId}
      onDragOver={(event) => {
        if (readOnly || compact) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h3 id={headingId}>Attachments</h3>
      {attachments === undefined ? <p className="muted">Loading…</p> : null}
      {attachments && live.length === 0 ? <p className="muted">No files attached.</p> : null}
      <ul className="attachment-list" aria-label="Attached files">
        {[...live, ...deleted].map((a) => (
          <AttachmentRow key={a.id} attachment={a} />
        ))}
      </ul>
      {readOnly || compact ? null : (
        <div className="attachments-drop">
          <button
            type="button"
            className="button"
            onClick={() => input.current?.click()}
            disabled={busy !== null}
          >
            Attach file…
          </button>
          <span className="muted">
            or drop files here (up to 100 MB each; an .eml or .msg email is read and proposed as a
            record)
          </span>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            aria-label="Files to attach"
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              event.target.value = '';
              void attachFiles(files);
            }}
          />
        </div>
      )}
      {busy ? (
        <p className="muted" role="status">
          {busy}
        </p>
      ) : null}
      {pendingEmail ? (
        <EmailImportDialog
          pending={pendingEmail}
          target={target}
          engagementId={engagementId}
          onClose={closeEmail}
        />
      ) : null}
    </section>
  );
}
