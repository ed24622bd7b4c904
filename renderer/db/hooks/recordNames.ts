import { useLiveQuery } from 'dexie-react-hooks';
import type { WorkbenchDB } from '../database';
import { resolveRecordNames } from '../queries/recordNames';

/** Live names of some record ids (see resolveRecordNames); undefined while loading. */
export function useRecordNames(
  db: WorkbenchDB,
  ids: readonly string[],
): Map<string, string> | undefined {
  const key = [...ids].sort().join(',');
  return useLiveQuery(() => resolveRecordNames(db, key === '' ? [] : key.split(',')), [db, key]);
}
