import type { IpcHandlers } from '@shared/ipc/contract';
import type { SettingsStore } from '../settings/settingsStore';

/** Handlers of the settings.* channels. */
export function createSettingsHandlers(
  store: SettingsStore,
): Pick<IpcHandlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => store.read(),
    'settings.update': (patch) => store.update(patch),
  };
}
