/** Keyboard shortcuts. The app menu carries the same accelerators for the menu's commands. */
export type ShortcutCommand =
  | 'new-engagement'
  | 'open-settings'
  | 'show-shortcuts'
  | 'next-engagement'
  | 'previous-engagement'
  | 'sync-now'
  | 'show-today';

export interface Shortcut {
  /** The command a key press runs; none for shortcuts handled elsewhere (listed for help only). */
  command?: ShortcutCommand;
  label: string;
  keys: string;
  matches: (event: KeyboardEvent) => boolean;
}

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;

export const SHORTCUTS: Shortcut[] = [
  {
    command: 'new-engagement',
    label: 'New engagement',
    keys: 'Ctrl/⌘ + N',
    matches: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'n',
  },
  {
    command: 'open-settings',
    label: 'Settings',
    keys: 'Ctrl/⌘ + ,',
    matches: (e) => mod(e) && e.key === ',',
  },
  {
    command: 'show-shortcuts',
    label: 'Keyboard shortcuts',
    keys: 'F1 or Ctrl/⌘ + /',
    matches: (e) => e.key === 'F1' || (mod(e) && e.key === '/'),
  },
  {
    label: 'Go to the engagement’s Nth screen',
    keys: 'Ctrl/⌘ + 1…9',
    matches: () => false,
  },
  {
    command: 'show-today',
    label: 'Today: what is due across every engagement',
    keys: 'Ctrl/⌘ + T',
    matches: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 't',
  },
  {
    command: 'next-engagement',
    label: 'Next engagement',
    keys: 'Alt + ↓',
    matches: (e) => e.altKey && !mod(e) && e.key === 'ArrowDown',
  },
  {
    command: 'previous-engagement',
    label: 'Previous engagement',
    keys: 'Alt + ↑',
    matches: (e) => e.altKey && !mod(e) && e.key === 'ArrowUp',
  },
  {
    command: 'sync-now',
    label: 'Sync now (every engagement with a sync folder)',
    keys: 'F9',
    matches: (e) => e.key === 'F9' && !mod(e) && !e.altKey && !e.shiftKey,
  },
  // Handled by features/search/GlobalSearch and the screens' useRecordKeys (listed for help).
  { label: 'Search every engagement', keys: 'Ctrl/⌘ + K', matches: () => false },
  { label: 'New raised issue / note (on its screen)', keys: 'N', matches: () => false },
  { label: 'Edit the chosen record', keys: 'E', matches: () => false },
  { label: 'Record acknowledgement (Raised issues)', keys: 'A', matches: () => false },
  { label: 'Escalate the chosen issue', keys: 'Shift + E', matches: () => false },
  { label: 'Delete the chosen record (Undo in the message)', keys: 'Delete', matches: () => false },
];

/** The command a key press stands for, if any. */
export function shortcutFor(event: KeyboardEvent): ShortcutCommand | null {
  return SHORTCUTS.find((s) => s.command && s.matches(event))?.command ?? null;
}
