import { useState } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/** Links are shown as text (a memo never navigates), images never load. */
const COMPONENTS: Components = {
  a: ({ children }) => <span className="memo-link-text">{children}</span>,
  img: ({ alt }) => <span>[image: {alt ?? ''}]</span>,
};

/**
 * The live preview: the exact Markdown that will be exported, rendered (raw HTML in it is shown
 * as text, never run), or as its source.
 */
export function MemoPreview({
  markdown,
  label,
  logo,
}: {
  markdown: string;
  label: string;
  /** The letterhead logo's data URL (checked when the memo was composed), shown above. */
  logo?: string | undefined;
}) {
  const [view, setView] = useState<'rendered' | 'source'>('rendered');
  return (
    <section className="memo-preview card" aria-label={label}>
      <div className="memo-preview-toolbar" role="group" aria-label="Preview view">
        <button
          type="button"
          className={`button button-ghost${view === 'rendered' ? ' is-active' : ''}`}
          aria-pressed={view === 'rendered'}
          onClick={() => setView('rendered')}
        >
          Formatted
        </button>
        <button
          type="button"
          className={`button button-ghost${view === 'source' ? ' is-active' : ''}`}
          aria-pressed={view === 'source'}
          onClick={() => setView('source')}
        >
          Markdown source
        </button>
      </div>
      {view === 'rendered' ? (
        // A scrolling region: focusable, so the keyboard can scroll it (WCAG 2.1.1).
        <div
          className="memo-document"
          data-testid="memo-preview"
          role="region"
          aria-label="Memo preview"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scroll container
          tabIndex={0}
        >
          {logo ? (
            <p className="memo-preview-logo">
              <img src={logo} alt="Letterhead logo" />
            </p>
          ) : null}
          <Markdown remarkPlugins={[remarkGfm]} components={COMPONENTS}>
            {markdown}
          </Markdown>
        </div>
      ) : (
        <pre className="memo-source" data-testid="memo-source">
          {markdown}
        </pre>
      )}
    </section>
  );
}
