import type { WorkbenchClient } from '@shared/ipc/client';
import type { Settings } from '@shared/model/settings';
import {
  openWorkbenchDb,
  requestPersistentStorage,
  sweepStagedBytes,
  type PersistenceOutcome,
  type WorkbenchDB,
} from '../../db';
import { errorMessage } from '../lib/errorMessage';

export type BootstrapResult =
  | { ok: true; value: { db: WorkbenchDB; settings: Settings; persistence: PersistenceOutcome } }
  | { ok: false; title: string; message: string };

/**
 * Everything the app needs before its first screen: this device's settings from the main process,
 * the local database (refused, untouched, when a newer app version wrote it), and persistent storage.
 */
export async function bootstrap(client: WorkbenchClient): Promise<BootstrapResult> {
  let settings: Settings;
  try {
    settings = await client.settings.get();
  } catch (error) {
    return { ok: false, title: 'Settings could not be read', message: errorMessage(error) };
  }
  const opened = await openWorkbenchDb();
  if (!opened.ok) {
    if (opened.reason === 'newer-version') {
      return {
        ok: false,
        title: 'This data was saved by a newer version of Engagement Workbench',
        message:
          `Your local database uses format version ${opened.found}; this version of the app understands up to ` +
          `${opened.supported}. Nothing was changed. Install the newer version of Engagement Workbench to open it.`,
      };
    }
    return { ok: false, title: 'The local database could not be opened', message: opened.message };
  }
  // Bytes staged by an attach that never finished (the app was closed meanwhile): not evidence.
  await sweepStagedBytes(opened.db, new Date()).catch(() => 0);
  const persistence = await requestPersistentStorage();
  return { ok: true, value: { db: opened.db, settings, persistence } };
}
