// The Content Security Policy of the renderer. Served as a response header by the app:// protocol
// handler and by the browser test harness's static server; index.html's meta tag carries the same
// policy minus the header-only directives.

/** Directives, in order. No 'unsafe-inline', no 'unsafe-eval', nothing remote. */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [directive: string, sources: string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['manifest-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['object-src', "'none'"],
];

/** Directives a <meta http-equiv> policy cannot carry (browsers ignore them there, with a warning). */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

function serialise(directives: ReadonlyArray<readonly [string, string]>): string {
  return directives.map(([name, sources]) => `${name} ${sources}`).join('; ');
}

/** The full policy, for the Content-Security-Policy response header. */
export const CONTENT_SECURITY_POLICY = serialise(CSP_DIRECTIVES);

/** The same policy under the name the security notes use. */
export const contentSecurityPolicy = CONTENT_SECURITY_POLICY;

/** The policy minus header-only directives, for index.html's <meta http-equiv> tag. */
export const CONTENT_SECURITY_POLICY_FOR_META = serialise(
  CSP_DIRECTIVES.filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name)),
);
