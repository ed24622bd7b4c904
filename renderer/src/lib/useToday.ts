import { useState } from 'react';
import { localIsoDay, type IsoDay } from '@shared/rules/dates';

/** The user's local day when the component mounted (YYYY-MM-DD). */
export function useToday(): IsoDay {
  const [today] = useState(() => localIsoDay(new Date()));
  return today;
}
