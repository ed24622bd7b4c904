import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { bytesToBase64 } from '@shared/encoding/base64';
import { displayFileName, fileNameWasCleaned } from '@shared/attachments/fileName';
import { previewKind } from '@shared/attachments/searchText';
import type { Attachment } from '@shared/model/attachment';
import { readAttachmentBytes } from '../../../db/attachmentBlobs';
import { useWorkbench } from '../../app/WorkbenchContext';
import { DeleteButton } from '../../components/records';
import { formatBytes } from '../../lib/formatBytes';
import { formatDateTime } from '../../lib/formatDate';
import { errorMessage } from '../../lib/errorMessage';
import { useUiStore } from '../../state/uiStore';
import { completePendingCheck } from './checkEmail';
import { DkimMark } from './DkimMark';
import { OpenWithSystemDialog } from './OpenWithSystemDialog';
import { PreviewDialog } from './PreviewDialog';

/** One attached file: name, size, type, who and when, fingerprint, DKIM, and its actions. */
export function AttachmentRow({ attachment }: { attachment: Attachment }) {
  const { db, store, client } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  // Live: bytes that arrive by sync (or a restore) after the row is shown replace the
  // "not arrived" note without reopening the record.
  const blob = useLiveQuery(
    async () => (await readAttachmentBytes(db, attachment.sha256)) ?? null,
    [db, attachment.sha256],
  );
  const [dialog, setDialog] = useState<'preview' | 'open' | null>(null);
  const name = displayFileName(attachment.fileName);
  const kind = previewKind(attachment.fileName, attachment.mediaType);
  const deleted = attachment.deletedAt !== null;

  // A check pending because the laptop was offline runs again at the next chance.
  useEffect(() => {
    if (!blob || attachment.email?.dkim.status !== 'pending' || deleted) return;
    void blob
      .arrayBuffer()
      .then((b) => completePendingCheck(client, store, attachment, new Uint8Array(b)))
      .catch(() => undefined);
  }, [blob, attachment, client, store, deleted]);

  async function openWithSystem() {
    setDialog(null);
    if (!blob) return;
    try {
      const bytes = bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
      const { opened } = await client.call('attachment.openWithSystem', {
        fileName: attachment.fileName,
        bytes,
      });
      if (!opened) pushToast({ tone: 'info', message: 'Opening files is not available here.' });
    } catch (error) {
      pushToast({ tone: 'error', message: errorMessage(error) });
    }
  }

  return (
    <li className={`attachment-row${deleted ? ' attachment-deleted' : ''}`}>
      <div className="attachment-main">
        <span className="attachment-name">{name}</span>{' '}
        <span className="muted">
          {formatBytes(attachment.size)} · {attachment.mediaType} · added{' '}
          {attachment.addedBy ? `by ${attachment.addedBy} ` : ''}
          {formatDateTime(attachment.addedAt)}
          {deleted ? ' · deleted' : ''}
        </span>
        {fileNameWasCleaned(attachment.fileName) ? (
          <span className="attachment-note">
            Name shown cleaned (folders, hidden or right-to-left characters removed).
          </span>
        ) : null}
        <code className="attachment-hash" title="SHA-256 of the file as stored">
          SHA-256 {attachment.sha256}
        </code>
        {attachment.email ? <DkimMark dkim={attachment.email.dkim} /> : null}
        {blob === null ? (
          <span className="attachment-note">The file has not arrived on this device yet.</span>
        ) : null}
      </div>
      {deleted ? null : (
        <div className="attachment-actions">
          {!blob ? null : kind ? (
            <button
              type="button"
              className="button"
              onClick={() => setDialog('preview')}
              aria-label={`Preview ${name}`}
            >
              Preview
            </button>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => setDialog('open')}
              aria-label={`Open ${name} with the system`}
            >
              Open…
            </button>
          )}
          {/* a record can be deleted before its bytes arrive: it is a record like any other */}
          <DeleteButton entity="attachment" id={attachment.id} noun="Attachment" label={name} />
        </div>
      )}
      {dialog === 'preview' && blob ? (
        <PreviewDialog attachment={attachment} blob={blob} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'open' ? (
        <OpenWithSystemDialog
          name={name}
          onConfirm={() => void openWithSystem()}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </li>
  );
}
