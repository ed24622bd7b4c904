import { hasControlCharacter } from './text';

/** Longest link the app will hand to the operating system. */
const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * Whether a link may be handed to the operating system: only http: and https: links with a host,
 * without user:password credentials and without control characters or whitespace. Every other
 * scheme is refused (javascript:, file:, data:, smb:, ms-msdt:, vbscript:, custom app schemes, ...).
 */
export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) {
    return false;
  }
  // Reject control characters and whitespace, which URL parsing would silently strip or encode.
  if (hasControlCharacter(url) || /\s/.test(url)) return false;
  // Demand the plain "scheme://host" spelling; URL parsing would accept "https:host" or "http:///host".
  if (!/^https?:\/\/[^/\\]/i.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.hostname === '') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return true;
}

/** Opens a link with the operating system (Electron's shell.openExternal in production). */
export type OpenExternal = (url: string) => Promise<void>;

/**
 * The ONE place that opens links outside the app: refuses anything isSafeExternalUrl refuses,
 * passes the normalised URL on, and resolves to whether the link was opened (a rejection from
 * the operating system counts as not opened).
 */
export async function openExternalGuarded(
  url: unknown,
  openExternal: OpenExternal,
): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  try {
    await openExternal(new URL(url).href);
    return true;
  } catch {
    return false;
  }
}
