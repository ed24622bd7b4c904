/** The in-memory session of the print window: apart from the app's, nothing persisted. */
export const PRINT_PARTITION = 'memo-print';

/**
 * webPreferences of the hidden print window: no JavaScript at all, sandboxed, isolated, no
 * Node, no preload, its own in-memory session.
 */
export const PRINT_WINDOW_PREFERENCES = {
  javascript: false,
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  webviewTag: false,
  spellcheck: false,
  partition: PRINT_PARTITION,
} as const;

/**
 * Whether the print session lets a request through: only the temporary files being printed
 * right now (exact file:// URLs); every other URL, remote or local, is refused.
 */
export function isAllowedPrintRequest(url: string, printing: ReadonlySet<string>): boolean {
  return printing.has(url);
}
