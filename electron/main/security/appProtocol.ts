import { isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from '../config';
import { CONTENT_SECURITY_POLICY } from './csp';
import { hasControlCharacter } from './text';

/** Characters never allowed in a decoded path segment: separators, drive colons, wildcards. */
const FORBIDDEN_IN_SEGMENT = /[\\/:%*?"<>|]/;
/** Windows device names, which open devices instead of files whatever the folder. */
const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/i;

/**
 * Maps an app://workbench/... request URL to a file under rootDir (the built renderer), or null
 * (answer 404) when the URL is another scheme or host, or the path would leave rootDir: "..",
 * encoded "%2e%2e", encoded slashes or backslashes, drive letters, dot-files, NUL bytes.
 * "/" serves index.html. Query strings and fragments are ignored.
 */
export function resolveAppProtocolPath(requestUrl: string, rootDir: string): string | null {
  // Look at the raw text first: WHATWG URL parsing would quietly resolve "a/../b" for us.
  const schemePrefix = `${APP_SCHEME}://${APP_HOST}`;
  if (!requestUrl.toLowerCase().startsWith(`${schemePrefix}/`)) {
    if (requestUrl.toLowerCase() !== schemePrefix) return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST) {
    return null;
  }
  if (parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null;

  const rawPath = requestUrl.slice(schemePrefix.length).split(/[?#]/, 1)[0] ?? '';
  const rawSegments = rawPath.split('/').slice(1);
  const segments: string[] = [];
  for (const [index, raw] of rawSegments.entries()) {
    const isLast = index === rawSegments.length - 1;
    if (raw === '') {
      if (isLast) break; // trailing slash or bare "/"
      return null; // "//" inside the path
    }
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment.startsWith('.') || segment.endsWith(' ') || FORBIDDEN_IN_SEGMENT.test(segment)) {
      return null;
    }
    if (hasControlCharacter(segment)) return null;
    if (WINDOWS_DEVICE_NAME.test(segment)) return null;
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');

  const root = resolve(rootDir);
  const filePath = resolve(root, ...segments);
  const rel = relative(root, filePath);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    return null;
  }
  return filePath;
}

/** Reads a file (Electron: net.fetch of its file: URL) and answers like fetch. */
export type FetchFile = (filePath: string) => Promise<Response>;

/** Options of createAppProtocolHandler. */
export interface AppProtocolHandlerOptions {
  /** Folder of the built renderer (out/renderer). */
  rootDir: string;
  /** Reads a resolved file. */
  fetchFile: FetchFile;
  /** Policy to send with every response; defaults to CONTENT_SECURITY_POLICY. */
  csp?: string;
}

function plainResponse(status: number, text: string, csp: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * The handler for protocol.handle('app', ...): serves files of rootDir read-only (GET and HEAD),
 * adds the Content-Security-Policy and nosniff headers to every answer, and answers 404 for
 * anything resolveAppProtocolPath refuses or fetchFile cannot read.
 */
export function createAppProtocolHandler(
  options: AppProtocolHandlerOptions,
): (request: Request) => Promise<Response> {
  const csp = options.csp ?? CONTENT_SECURITY_POLICY;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plainResponse(405, 'Method not allowed', csp);
    }
    const filePath = resolveAppProtocolPath(request.url, options.rootDir);
    if (filePath === null) return plainResponse(404, 'Not found', csp);
    let fileResponse: Response;
    try {
      fileResponse = await options.fetchFile(filePath);
    } catch {
      return plainResponse(404, 'Not found', csp);
    }
    if (!fileResponse.ok) return plainResponse(404, 'Not found', csp);
    const headers = new Headers(fileResponse.headers);
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Cache-Control', 'no-cache');
    const body = request.method === 'HEAD' ? null : fileResponse.body;
    return new Response(body, { status: 200, headers });
  };
}
