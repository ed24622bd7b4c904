import { useCallback, useMemo, useState } from 'react';
import type { WorkbenchApi } from '@shared/ipc/api';
import type { WorkbenchClient } from '@shared/ipc/client';
import type { Settings, SettingsPatch } from '@shared/model/settings';
import { createStore, type PersistenceOutcome, type WorkbenchDB } from '../../db';
import { hashBlobInWorker } from '../components/attachments/hashInWorker';
import { App } from './App';
import { WorkbenchContext, type WorkbenchContextValue } from './WorkbenchContext';

interface Props {
  api: WorkbenchApi;
  client: WorkbenchClient;
  db: WorkbenchDB;
  settings: Settings;
  persistence: PersistenceOutcome;
}

/** Holds the session's settings and the store built from them, and provides both to the app. */
export function WorkbenchRoot({ api, client, db, settings: initialSettings }: Props) {
  const [settings, setSettings] = useState(initialSettings);
  const store = useMemo(
    () =>
      createStore({
        db,
        deviceId: settings.deviceId,
        deviceName: settings.deviceName,
        actor: settings.consultantName || undefined,
        hashBlob: hashBlobInWorker,
      }),
    [db, settings.deviceId, settings.deviceName, settings.consultantName],
  );
  const updateSettings = useCallback(
    async (patch: SettingsPatch) => {
      const next = await client.settings.update(patch);
      setSettings(next);
      return next;
    },
    [client],
  );
  const value = useMemo<WorkbenchContextValue>(
    () => ({ api, client, db, store, settings, updateSettings }),
    [api, client, db, store, settings, updateSettings],
  );
  return (
    <WorkbenchContext.Provider value={value}>
      <App />
    </WorkbenchContext.Provider>
  );
}
