import type { IpcErrorInfo } from './envelope';

/**
 * An IPC failure with a code. Handlers in the main process throw it to return a specific error
 * envelope; the renderer client throws it when it unwraps an error envelope.
 */
export class WorkbenchIpcError extends Error {
  /** Machine-readable code, for example INVALID_REQUEST. */
  readonly code: string;
  /** The request field the error is about, if any. */
  readonly field: string | undefined;

  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'WorkbenchIpcError';
    this.code = code;
    this.field = field;
  }

  /** Rebuilds the error from an envelope's error part. */
  static fromInfo(info: IpcErrorInfo): WorkbenchIpcError {
    return new WorkbenchIpcError(info.code, info.message, info.field);
  }

  /** The envelope error part for this error. */
  toInfo(): IpcErrorInfo {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}
