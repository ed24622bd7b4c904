import type { SyncReport } from '@shared/sync/engine';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What a screen reader hears when a sync round ends: nothing for a quiet round (the automatic
 * rounds run every few seconds), otherwise what came in, what went out, conflicts, and any
 * failure in the engine's own words.
 */
export function syncAnnouncement(report: SyncReport | null): string | null {
  if (!report) return null;
  if (report.status !== 'ok') {
    return `Sync did not complete: ${report.message ?? report.status.replace('-', ' ')}.`;
  }
  if (report.idle && report.conflicts === 0 && report.warnings.length === 0) return null;
  const parts = [
    report.received > 0 ? `${count(report.received, 'change', 'changes')} received` : null,
    report.sent > 0 ? `${count(report.sent, 'change', 'changes')} sent` : null,
    report.conflicts > 0 ? `${count(report.conflicts, 'conflict', 'conflicts')} to review` : null,
    report.parked > 0
      ? `${count(report.parked, 'change', 'changes')} kept aside for a newer version`
      : null,
    report.warnings.length > 0 ? count(report.warnings.length, 'warning', 'warnings') : null,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? 'Sync finished: up to date.' : `Sync finished: ${parts.join(', ')}.`;
}
