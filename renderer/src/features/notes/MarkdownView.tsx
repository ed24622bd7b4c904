import type { ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { useWorkbench } from '../../app/WorkbenchContext';
import { errorMessage } from '../../lib/errorMessage';
import { useUiStore } from '../../state/uiStore';
import { openableHref } from '@shared/notebook/safeLink';

/** A link that opens in the user's browser through main (never navigates the app's window). */
function ExternalLink({ href, children }: { href?: string; children?: ReactNode }) {
  const { client } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const target = openableHref(href);
  if (!target) return <span className="md-unsafe-link">{children}</span>;
  return (
    <a
      href={target}
      title={`Opens ${target} in your browser`}
      rel="noreferrer noopener"
      onClick={(event) => {
        event.preventDefault();
        if (target.startsWith('mailto:')) return;
        client.shell.openExternal(target).catch((error: unknown) => {
          pushToast({ tone: 'error', message: `Could not open the link: ${errorMessage(error)}` });
        });
      }}
    >
      {children}
    </a>
  );
}

/** Images are not loaded from notes (no tracking pixels, no remote fetches): their text shows. */
function ImagePlaceholder({ alt, src }: { alt?: string; src?: string }) {
  return <span className="md-image">[image: {alt || src || 'no description'}]</span>;
}

const COMPONENTS: Components = {
  a: ({ href, children }) => <ExternalLink href={href}>{children}</ExternalLink>,
  img: ({ alt, src }) => (
    <ImagePlaceholder alt={alt} src={typeof src === 'string' ? src : undefined} />
  ),
};

/**
 * A note's Markdown (with GitHub tables, task lists, strikethrough), rendered safely: raw HTML
 * is shown as text and never executed, images are not loaded, and links open only http(s)
 * addresses, in the user's browser.
 */
export function MarkdownView({ source, label }: { source: string; label?: string }) {
  return (
    <div className="markdown-body" aria-label={label}>
      <Markdown remarkPlugins={[remarkGfm]} components={COMPONENTS} skipHtml={false}>
        {source}
      </Markdown>
    </div>
  );
}
