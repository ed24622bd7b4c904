// Validates and routes every IPC request. Pure: no Electron import, so the browser test harness
// runs the very same code (from Playwright's exposeBinding) as the Electron main process.
import { ipcContract, type IpcHandlers } from '@shared/ipc/contract';
import { errorEnvelope, IPC_ERROR_CODES, okEnvelope, type Envelope } from '@shared/ipc/envelope';
import { WorkbenchIpcError } from '@shared/ipc/errors';
import { isChannel, type Channel } from '@shared/ipc/names';
import { describeZodError } from '@shared/ipc/validation';
import { silentLogger, type Logger } from '../log';

/** Options of createIpcDispatcher. */
export interface IpcDispatcherOptions {
  /** One handler per channel (see createHandlers). */
  handlers: IpcHandlers;
  /** Decides from the sender frame's URL whether a message may be handled at all. */
  isTrustedSender: (senderUrl: string | undefined) => boolean;
  /** Where refused messages and handler failures are logged. */
  log?: Logger;
}

/** Routes one IPC message to its handler. */
export interface IpcDispatcher {
  /**
   * Checks the sender, the channel and the request, runs the handler and checks its answer.
   * Never rejects: every failure comes back as an error envelope.
   */
  dispatch(
    senderUrl: string | undefined,
    channel: unknown,
    payload: unknown,
  ): Promise<Envelope<unknown>>;
}

/** Creates the dispatcher shared by the Electron main process and the browser test harness. */
export function createIpcDispatcher(options: IpcDispatcherOptions): IpcDispatcher {
  const log = options.log ?? silentLogger;

  async function run<C extends Channel>(channel: C, payload: unknown): Promise<Envelope<unknown>> {
    const { request: requestSchema, response: responseSchema } = ipcContract[channel];
    const request = requestSchema.safeParse(payload);
    if (!request.success) {
      const problem = describeZodError(request.error);
      return errorEnvelope(IPC_ERROR_CODES.invalidRequest, problem.message, problem.field);
    }
    const handler = options.handlers[channel] as (request: unknown) => Promise<unknown>;
    let value: unknown;
    try {
      value = await handler(request.data);
    } catch (error) {
      if (error instanceof WorkbenchIpcError) {
        return errorEnvelope(error.code, error.message, error.field);
      }
      log.error(`IPC handler for ${channel} failed`, {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return errorEnvelope(IPC_ERROR_CODES.internal, `${channel} failed unexpectedly`);
    }
    const response = responseSchema.safeParse(value);
    if (!response.success) {
      log.error(`IPC handler for ${channel} answered with an invalid response`, {
        problem: describeZodError(response.error).message,
      });
      return errorEnvelope(IPC_ERROR_CODES.invalidResponse, `${channel} answered unexpectedly`);
    }
    return okEnvelope(response.data);
  }

  return {
    async dispatch(senderUrl, channel, payload) {
      // The sender comes first: an untrusted page learns nothing, not even which channels exist.
      if (!options.isTrustedSender(senderUrl)) {
        log.warn('IPC message from an untrusted sender refused', {
          senderUrl: senderUrl ?? null,
          channel: typeof channel === 'string' ? channel.slice(0, 100) : typeof channel,
        });
        return errorEnvelope(IPC_ERROR_CODES.untrustedSender, 'The sender is not trusted');
      }
      if (!isChannel(channel)) {
        const name = typeof channel === 'string' ? channel.slice(0, 100) : typeof channel;
        log.warn('IPC message on an unknown channel refused', { channel: name });
        return errorEnvelope(IPC_ERROR_CODES.unknownChannel, `Unknown channel: ${name}`);
      }
      return run(channel, payload);
    },
  };
}
