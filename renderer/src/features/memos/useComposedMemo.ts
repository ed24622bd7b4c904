import { useEffect, useState } from 'react';
import { composeMemo, type ComposedMemo } from '@shared/memo/compose';
import type { TimeDisplay } from '@shared/time/display';
import type { MemoOptions, MemoSource } from '@shared/memo/buildMemo';

/**
 * Builds, fingerprints and renders the memo whenever the records or the options change (the
 * fingerprint is async: WebCrypto). Resolves to null until the first result.
 */
export function useComposedMemo(
  source: MemoSource | undefined,
  options: MemoOptions | null,
  display: TimeDisplay,
): { composed: ComposedMemo | null; error: string | null } {
  const [state, setState] = useState<{ composed: ComposedMemo | null; error: string | null }>({
    composed: null,
    error: null,
  });
  useEffect(() => {
    if (!source || !options) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      composeMemo(source, options, 'draft', display).then(
        (composed) => {
          if (!cancelled) setState({ composed, error: null });
        },
        (error: unknown) => {
          if (!cancelled) setState({ composed: null, error: String(error) });
        },
      );
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [source, options, display]);
  return state;
}
