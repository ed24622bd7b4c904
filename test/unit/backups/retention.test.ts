import { describe, expect, it } from 'vitest';
import { dayOf, isoWeekOf, selectBackupsToKeep } from '../../../electron/main/backups/retention';

/** One backup a day at 02:00 UTC for `days` days ending on `lastDay`. */
function daily(lastDay: string, days: number) {
  const end = Date.parse(`${lastDay}T02:00:00.000Z`);
  return Array.from({ length: days }, (_, i) => {
    const takenAt = new Date(end - i * 86_400_000).toISOString();
    return { id: dayOf(takenAt), takenAt };
  });
}

describe('backup retention', () => {
  it('computes ISO weeks (Monday start, Thursday decides the year)', () => {
    expect(isoWeekOf('2026-11-26T10:00:00.000Z')).toBe('2026-W48'); // a Thursday
    expect(isoWeekOf('2026-11-23T00:00:00.000Z')).toBe('2026-W48'); // Monday
    expect(isoWeekOf('2026-11-22T23:59:59.000Z')).toBe('2026-W47'); // Sunday
    expect(isoWeekOf('2027-01-01T12:00:00.000Z')).toBe('2026-W53'); // Friday, still 2026's week
    expect(isoWeekOf('2024-12-30T12:00:00.000Z')).toBe('2025-W01'); // Monday of 2025's week 1
  });

  it('keeps everything while there are few backups', () => {
    const backups = daily('2026-11-26', 5);
    expect(selectBackupsToKeep(backups)).toEqual({
      keep: backups.map((b) => b.id),
      prune: [],
    });
  });

  it('keeps the last 7 days and then the newest of each of 4 older weeks', () => {
    const backups = daily('2026-11-26', 60); // Thursday 26 Nov back to 28 Sep
    const { keep, prune } = selectBackupsToKeep(backups);
    expect(keep.slice(0, 7)).toEqual([
      '2026-11-26',
      '2026-11-25',
      '2026-11-24',
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
    ]);
    // Dailies cover weeks 48 (23–26 Nov) and 47 (16–22 Nov); weeklies: the Sundays of 46..43.
    expect(keep.slice(7)).toEqual(['2026-11-15', '2026-11-08', '2026-11-01', '2026-10-25']);
    expect(keep).toHaveLength(11);
    expect(prune).toHaveLength(49);
    expect(new Set([...keep, ...prune]).size).toBe(60);
  });

  it('keeps only the newest backup of a day', () => {
    const backups = [
      { id: 'morning', takenAt: '2026-11-26T08:00:00.000Z' },
      { id: 'evening', takenAt: '2026-11-26T20:00:00.000Z' },
      { id: 'yesterday', takenAt: '2026-11-25T20:00:00.000Z' },
    ];
    expect(selectBackupsToKeep(backups)).toEqual({
      keep: ['evening', 'yesterday'],
      prune: ['morning'],
    });
  });

  it('follows a custom policy and handles gaps (days without a backup)', () => {
    const backups = [
      { id: 'a', takenAt: '2026-11-26T08:00:00.000Z' },
      { id: 'b', takenAt: '2026-11-10T08:00:00.000Z' },
      { id: 'c', takenAt: '2026-11-09T08:00:00.000Z' },
      { id: 'd', takenAt: '2026-10-01T08:00:00.000Z' },
    ];
    expect(selectBackupsToKeep(backups, { daily: 2, weekly: 1 })).toEqual({
      // a and b are the 2 dailies; c shares b's week (W46), so the one weekly is d's week.
      keep: ['a', 'b', 'd'],
      prune: ['c'],
    });
    expect(selectBackupsToKeep([], { daily: 7, weekly: 4 })).toEqual({ keep: [], prune: [] });
  });
});
