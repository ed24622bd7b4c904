import { createContext, useContext } from 'react';
import type { Settings, SettingsPatch } from '@shared/model/settings';
import type { WorkbenchClient } from '@shared/ipc/client';
import type { WorkbenchApi } from '@shared/ipc/api';
import type { WorkbenchDB, WorkbenchStore } from '../../db';

/** What every screen needs: the store's repositories (the only writers), the database for reads, and main. */
export interface WorkbenchContextValue {
  db: WorkbenchDB;
  store: WorkbenchStore;
  client: WorkbenchClient;
  /** The raw bridge, for the menu-command subscription. */
  api: WorkbenchApi;
  settings: Settings;
  updateSettings: (patch: SettingsPatch) => Promise<Settings>;
}

export const WorkbenchContext = createContext<WorkbenchContextValue | null>(null);

export function useWorkbench(): WorkbenchContextValue {
  const value = useContext(WorkbenchContext);
  if (!value) throw new Error('useWorkbench must be used inside <WorkbenchContext.Provider>');
  return value;
}
