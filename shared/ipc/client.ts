import type { WorkbenchApi } from './api';
import type { RequestOf, ResponseOf } from './contract';
import { IPC_ERROR_CODES, isEnvelope } from './envelope';
import { WorkbenchIpcError } from './errors';
import type { Channel } from './names';

/** A typed client over window.workbench: envelopes unwrapped, failures thrown as WorkbenchIpcError. */
export interface WorkbenchClient {
  /** Calls any channel; resolves with the response value or throws WorkbenchIpcError. */
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  app: {
    /** Name, version, platform and runtime of the running app. */
    info(): Promise<ResponseOf<'app.info'>>;
  };
  settings: {
    /** This installation's settings (created on first use). */
    get(): Promise<ResponseOf<'settings.get'>>;
    /** Changes some settings; resolves with all settings after the change. */
    update(patch: RequestOf<'settings.update'>): Promise<ResponseOf<'settings.update'>>;
  };
  shell: {
    /** Opens an http(s) link in the user's browser; throws UNSAFE_URL for anything else. */
    openExternal(url: string): Promise<ResponseOf<'shell.openExternal'>>;
  };
}

/** Wraps the raw API (window.workbench) in a typed client. */
export function createWorkbenchClient(api: Pick<WorkbenchApi, 'invoke'>): WorkbenchClient {
  async function call<C extends Channel>(
    channel: C,
    request: RequestOf<C>,
  ): Promise<ResponseOf<C>> {
    let envelope: unknown;
    try {
      envelope = await api.invoke(channel, request);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new WorkbenchIpcError(IPC_ERROR_CODES.ipcFailed, `${channel} failed: ${detail}`);
    }
    if (!isEnvelope(envelope)) {
      throw new WorkbenchIpcError(
        IPC_ERROR_CODES.ipcFailed,
        `${channel} returned a malformed answer`,
      );
    }
    if (!envelope.ok) throw WorkbenchIpcError.fromInfo(envelope.error);
    return envelope.value as ResponseOf<C>;
  }

  return {
    call,
    app: { info: () => call('app.info', {}) },
    settings: {
      get: () => call('settings.get', {}),
      update: (patch) => call('settings.update', patch),
    },
    shell: { openExternal: (url) => call('shell.openExternal', { url }) },
  };
}
