import { useLiveQuery } from 'dexie-react-hooks';
import type { MemoDraftRecord } from '@shared/model/memoDraft';
import type { WorkbenchDB } from '../database';
import { listMemoDrafts } from '../queries/memoDrafts';

/** The engagement's memo drafts on this device, newest first (undefined while loading). */
export function useMemoDrafts(
  db: WorkbenchDB,
  engagementId: string,
): MemoDraftRecord[] | undefined {
  return useLiveQuery(() => listMemoDrafts(db, engagementId), [db, engagementId]);
}
