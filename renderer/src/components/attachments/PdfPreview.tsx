import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { errorMessage } from '../../lib/errorMessage';
import { openPdf } from './pdfDocument';

/** One page of a PDF drawn on a canvas by pdf.js (no script, no annotation layer, no links). */
export function PdfPreview({ bytes, label }: { bytes: Uint8Array; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current: PDFDocumentProxy | null = null;
    let live = true;
    openPdf(bytes).then(
      (d) => {
        current = d;
        if (live) setDoc(d);
        else void d.destroy();
      },
      (error: unknown) => live && setProblem(`This PDF cannot be shown: ${errorMessage(error)}`),
    );
    return () => {
      live = false;
      void current?.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    const target = canvas.current;
    let task: { cancel(): void } | null = null;
    void doc.getPage(page).then((p) => {
      const viewport = p.getViewport({ scale: 1.3 });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      const render = p.render({ canvas: target, viewport, annotationMode: 0 });
      task = render;
      render.promise.catch(() => undefined);
    });
    return () => task?.cancel();
  }, [doc, page]);

  if (problem) return <p role="alert">{problem}</p>;
  if (!doc) return <p className="muted">Opening the PDF…</p>;
  return (
    <div className="pdf-preview">
      <div className="pdf-preview-nav">
        <button
          type="button"
          className="button"
          disabled={page <= 1}
          onClick={() => setPage(page - 1)}
        >
          Previous page
        </button>
        <span aria-live="polite">
          Page {page} of {doc.numPages}
        </span>
        <button
          type="button"
          className="button"
          disabled={page >= doc.numPages}
          onClick={() => setPage(page + 1)}
        >
          Next page
        </button>
      </div>
      <canvas ref={canvas} role="img" aria-label={`${label}, page ${page}`} />
    </div>
  );
}
