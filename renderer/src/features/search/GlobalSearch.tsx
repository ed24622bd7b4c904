import { useEffect, useState } from 'react';
import { OPEN_SEARCH_EVENT } from '../../app/openSearch';
import { SearchPalette } from './SearchPalette';

/** True for the global search key: Ctrl+K (Cmd+K on macOS). */
export function isSearchShortcut(
  event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key'>,
): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey &&
    event.key.toLowerCase() === 'k'
  );
}

/** Mounts the search palette on Ctrl/Cmd+K (anywhere in the app, even inside a field). */
export function GlobalSearch() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      setOpen(true);
    };
    const onOpen = () => setOpen(true);
    window.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_SEARCH_EVENT, onOpen);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_SEARCH_EVENT, onOpen);
    };
  }, []);
  return open ? <SearchPalette onClose={() => setOpen(false)} /> : null;
}
