// The shape every IPC response takes on the wire. Electron serialises thrown Errors down to their
// message, so failures travel as plain data instead, with a machine-readable code.

/** Codes the IPC layer itself produces; handlers may add their own (for example UNSAFE_URL). */
export const IPC_ERROR_CODES = {
  /** The message came from a frame that is not the app's own page. */
  untrustedSender: 'UNTRUSTED_SENDER',
  /** The channel is not part of the contract. */
  unknownChannel: 'UNKNOWN_CHANNEL',
  /** The request did not match the channel's schema. */
  invalidRequest: 'INVALID_REQUEST',
  /** The handler's answer did not match the channel's response schema (a bug in the main process). */
  invalidResponse: 'INVALID_RESPONSE',
  /** A URL was refused by the external-link policy. */
  unsafeUrl: 'UNSAFE_URL',
  /** The handler failed unexpectedly; details are in the main-process log. */
  internal: 'INTERNAL',
  /** The transport itself failed (no handler registered, process gone, malformed envelope). */
  ipcFailed: 'IPC_FAILED',
} as const;

/** One of the codes above. */
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[keyof typeof IPC_ERROR_CODES];

/** A failure as it crosses IPC. */
export interface IpcErrorInfo {
  /** Machine-readable code, for example INVALID_REQUEST. */
  code: string;
  /** Human-readable message, safe to show to the user. */
  message: string;
  /** The request field the error is about, as a dotted path (for example "deviceName"). */
  field?: string;
}

/** A response as it crosses IPC: either the value or the error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcErrorInfo };

/** Wraps a successful value. */
export function okEnvelope<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

/** Wraps a failure. The field is only included when known. */
export function errorEnvelope<T = never>(
  code: string,
  message: string,
  field?: string,
): Envelope<T> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

/** Whether a value received from the other side has the envelope shape. */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'value' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as Record<string, unknown>;
  return (
    typeof e.code === 'string' &&
    typeof e.message === 'string' &&
    (e.field === undefined || typeof e.field === 'string')
  );
}
