import { useCallback, useEffect, useRef, useState } from 'react';
import type { MemoDraftInput } from '@shared/model/memoDraft';
import { errorMessage } from '../../lib/errorMessage';

/** Where the autosave of the open draft stands. */
export type DraftSaveState =
  /** Nothing waiting (the stored draft, if any, is up to date). */
  | { kind: 'idle' }
  /** Typed; saved after a short pause, or as soon as the tab closes. */
  | { kind: 'pending' }
  /** Being written. */
  | { kind: 'saving' }
  /** The last save failed; the draft is still in the composer. */
  | { kind: 'failed'; message: string };

/** How long typing must pause before the draft is written. */
export const AUTOSAVE_DELAY_MS = 500;

/**
 * Debounced autosave of the composer's draft through `save` (the memo drafts repository). A
 * pending save is written at once when the tab unmounts, the engagement changes or the page is
 * hidden (reload, quit). `cancel()` drops a pending save (before issuing or discarding, so a
 * late save cannot bring the draft back).
 */
export function useDraftAutosave(
  save: (input: MemoDraftInput) => Promise<unknown>,
  scopeKey: string,
  delayMs: number = AUTOSAVE_DELAY_MS,
): {
  state: DraftSaveState;
  schedule: (input: MemoDraftInput) => void;
  flush: () => Promise<void>;
  cancel: () => void;
} {
  const [state, setState] = useState<DraftSaveState>({ kind: 'idle' });
  const pending = useRef<MemoDraftInput | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const generation = useRef(0);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const clearTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const flush = useCallback(async () => {
    clearTimer();
    const input = pending.current;
    if (!input) return;
    pending.current = null;
    const mine = ++generation.current;
    setState({ kind: 'saving' });
    try {
      await saveRef.current(input);
      if (generation.current === mine && pending.current === null) setState({ kind: 'idle' });
    } catch (error) {
      if (generation.current === mine) setState({ kind: 'failed', message: errorMessage(error) });
    }
  }, []);

  const schedule = useCallback(
    (input: MemoDraftInput) => {
      pending.current = input;
      clearTimer();
      setState({ kind: 'pending' });
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  const cancel = useCallback(() => {
    clearTimer();
    pending.current = null;
    generation.current += 1;
    setState({ kind: 'idle' });
  }, []);

  // Write what is pending when the engagement changes or the tab closes, and on page hide.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      void flush();
      setState({ kind: 'idle' });
    };
  }, [flush, scopeKey]);

  return { state, schedule, flush, cancel };
}
