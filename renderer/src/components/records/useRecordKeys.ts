import { useEffect, useRef } from 'react';

/** A screen's single-key action: the key (KeyboardEvent.key) and what it does. */
export interface RecordKey {
  /** The key, for example 'n', 'E' (with Shift), or 'Delete'. */
  key: string;
  /** Runs the action. */
  run: () => void;
}

/** True when typing in this element should not trigger single-key shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('dialog[open]') !== null
  );
}

/**
 * Single-key shortcuts of a screen (N new, E edit, Delete...): ignored while typing in a
 * field, while a dialog is open, and with Ctrl/Cmd/Alt held.
 */
export function useRecordKeys(keys: readonly RecordKey[]): void {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const action = latest.current.find((k) => k.key === event.key);
      if (!action) return;
      event.preventDefault();
      action.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
