/** Schemes a note's link may open (in the user's browser or mail program, never in the app). */
const OPENABLE = /^(?:https?:|mailto:)/i;

/**
 * The address a note's link may open, or null: only absolute http(s) and mailto addresses
 * (javascript:, data:, file:, relative paths and anything else are shown as plain text).
 * Control characters and whitespace tricks ("java\tscript:") are refused too.
 */
export function openableHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if ([...trimmed].some((ch) => ch.charCodeAt(0) < 0x21 || ch.charCodeAt(0) === 0x7f)) return null;
  if (!OPENABLE.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
