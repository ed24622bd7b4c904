import { useLiveQuery } from 'dexie-react-hooks';
import type { TodayList } from '@shared/notebook/today';
import type { IsoDay } from '@shared/rules/dates';
import type { WorkbenchDB } from '../database';
import { loadToday } from '../queries/today';

/** The live Today list on `today` (undefined while it first loads). */
export function useTodayList(db: WorkbenchDB, today: IsoDay): TodayList | undefined {
  return useLiveQuery(() => loadToday(db, today), [db, today]);
}
