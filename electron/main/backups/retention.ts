// Which automatic backups to keep: a pure function, so the rules are tested without a disk.

/** One backup as the retention rules see it. */
export interface BackupStamp {
  /** The backup's id. */
  id: string;
  /** When it was taken (UTC ISO). */
  takenAt: string;
}

/** How many backups to keep. */
export interface RetentionPolicy {
  /** The newest backup of each of this many most recent days (with a backup). */
  daily: number;
  /** Plus the newest backup of each of this many most recent ISO weeks not already covered. */
  weekly: number;
}

/** The rolling set: the last 7 daily and 4 weekly backups. */
export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4 };

/** The UTC day of an instant, as YYYY-MM-DD. */
export function dayOf(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/** The ISO 8601 week of an instant (UTC), as YYYY-Www (weeks start on Monday). */
export function isoWeekOf(iso: string): string {
  const date = new Date(iso);
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7; // Monday 1 ... Sunday 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of the week decides the year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Splits one engagement's backups into those to keep and those to delete. Daily: the newest
 * backup of each of the `daily` most recent days. Weekly: the newest backup of each of the
 * `weekly` most recent ISO weeks that no kept daily backup falls in (so the set reaches back
 * about `weekly` weeks beyond the dailies). Everything else is pruned. Order: newest first.
 */
export function selectBackupsToKeep(
  backups: readonly BackupStamp[],
  policy: RetentionPolicy = DEFAULT_RETENTION,
): { keep: string[]; prune: string[] } {
  const newestFirst = [...backups].sort((a, b) =>
    a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.id < b.id ? 1 : -1,
  );
  const keep = new Set<string>();
  const days = new Set<string>();
  const coveredWeeks = new Set<string>();
  for (const backup of newestFirst) {
    const day = dayOf(backup.takenAt);
    if (days.has(day)) continue;
    if (days.size >= policy.daily) break;
    days.add(day);
    keep.add(backup.id);
    coveredWeeks.add(isoWeekOf(backup.takenAt));
  }
  const weeks = new Set<string>();
  for (const backup of newestFirst) {
    const week = isoWeekOf(backup.takenAt);
    if (coveredWeeks.has(week) || weeks.has(week)) continue;
    if (weeks.size >= policy.weekly) break;
    weeks.add(week);
    keep.add(backup.id);
  }
  return {
    keep: newestFirst.filter((b) => keep.has(b.id)).map((b) => b.id),
    prune: newestFirst.filter((b) => !keep.has(b.id)).map((b) => b.id),
  };
}
