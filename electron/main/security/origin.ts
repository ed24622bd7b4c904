/**
 * The origin of a URL as "scheme://host[:port]", or null when the URL has none (file:, data:,
 * about:, malformed) or carries credentials. Works for custom schemes too, where WHATWG URL
 * reports the origin as "null".
 */
export function originOf(url: string | URL | null | undefined): string | null {
  if (url === null || url === undefined || url === '') return null;
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (parsed.host === '' || parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol === 'file:') return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}
