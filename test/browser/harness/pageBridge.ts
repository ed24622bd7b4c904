// Runs inside the test page (bundled by harnessBridge.ts): installs window.workbench built by the
// preload's own createWorkbenchApi, over a stand-in for ipcRenderer.
import { createWorkbenchApi, type IpcRendererLike } from '../../../electron/preload/workbenchApi';

type Listener = (event: unknown, ...args: unknown[]) => void;

interface HarnessWindow {
  __workbenchInvoke?: (channel: string, payload: unknown) => Promise<unknown>;
  __workbenchEmit?: (channel: string, ...args: unknown[]) => void;
  workbench?: unknown;
}

const harnessWindow = window as unknown as HarnessWindow;
const listeners = new Map<string, Set<Listener>>();

const ipc: IpcRendererLike = {
  invoke: (channel, ...args) => {
    const invoke = harnessWindow.__workbenchInvoke;
    if (!invoke) return Promise.reject(new Error('the test harness binding is missing'));
    return invoke(channel, args[0]);
  },
  on: (channel, listener) => {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
  },
  removeListener: (channel, listener) => {
    listeners.get(channel)?.delete(listener);
  },
};

harnessWindow.__workbenchEmit = (channel, ...args) => {
  for (const listener of listeners.get(channel) ?? []) listener({}, ...args);
};

Object.defineProperty(window, 'workbench', {
  value: Object.freeze(createWorkbenchApi(ipc)),
  writable: false,
  configurable: false,
  enumerable: true,
});
