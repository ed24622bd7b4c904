// The real WatchFolder: node:fs watch over a folder and its subfolders.
import { watch } from 'node:fs';
import type { WatchFolder } from './folderWatcher';

/**
 * Watches `folder` recursively with fs.watch (FSEvents on macOS, ReadDirectoryChangesW on
 * Windows, inotify on Linux). Events name the changed file relative to the folder when the
 * platform says.
 */
export const watchFolder: WatchFolder = (folder, onEvent, onError) => {
  const watcher = watch(folder, { recursive: true, persistent: false }, (_event, filename) => {
    onEvent(typeof filename === 'string' ? filename : null);
  });
  watcher.on('error', onError);
  return { close: () => watcher.close() };
};
