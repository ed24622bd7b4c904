import { lazy, Suspense, useEffect, useState } from 'react';
import { displayFileName } from '@shared/attachments/fileName';
import { previewKind } from '@shared/attachments/searchText';
import type { Attachment } from '@shared/model/attachment';
import { Dialog } from '../../components/Dialog';

/** pdf.js is loaded only when a PDF is previewed. */
const PdfPreview = lazy(() => import('./PdfPreview').then((m) => ({ default: m.PdfPreview })));

/** An image (blob: URL in an <img>) or a PDF (pdf.js on a canvas): nothing in it runs. */
export function PreviewDialog({
  attachment,
  blob,
  onClose,
}: {
  attachment: Attachment;
  blob: Blob;
  onClose: () => void;
}) {
  const name = displayFileName(attachment.fileName);
  const kind = previewKind(attachment.fileName, attachment.mediaType);
  const [url, setUrl] = useState<string | null>(null);
  const [bytes, setBytes] = useState<Uint8Array | null>(null);

  useEffect(() => {
    if (kind === 'image') {
      const u = URL.createObjectURL(blob);
      setUrl(u);
      return () => URL.revokeObjectURL(u);
    }
    let live = true;
    void blob.arrayBuffer().then((b) => live && setBytes(new Uint8Array(b)));
    return () => {
      live = false;
    };
  }, [blob, kind]);

  return (
    <Dialog
      title={name}
      description={`SHA-256 ${attachment.sha256}`}
      onClose={onClose}
      footer={
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="attachment-preview">
        {kind === 'image' && url ? <img src={url} alt={name} /> : null}
        {kind === 'pdf' && bytes ? (
          <Suspense fallback={<p className="muted">Opening the PDF…</p>}>
            <PdfPreview bytes={bytes} label={name} />
          </Suspense>
        ) : null}
      </div>
    </Dialog>
  );
}
