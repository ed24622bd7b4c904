/**
 * Which change lines of a peer's file may be applied (reading a peer: verify, decode, FILTER,
 * apply). A line must be a change of the device whose folder holds the file (its id), inside
 * the engagements the folder carries, and, for a removed device, at or before the last position
 * that stays valid. Everything else is counted, for one warning per file.
 */
import type { ChangeRecord } from '../model/change';
import type { SyncWarning } from './engine';

/** What one file held that may not be applied. */
export interface Refused {
  /** Changes claiming another device than the folder's. */
  foreign: number;
  /** Changes of an engagement the folder does not carry. */
  outOfScope: number;
  /** Changes a removed device wrote after its removal. */
  afterRemoval: number;
}

/** An empty tally. */
export const noneRefused = (): Refused => ({ foreign: 0, outOfScope: 0, afterRemoval: 0 });

/** Where accepted lines go. */
export interface Accepted {
  /** The changes to apply. */
  changes: unknown[];
  /** The positions read (the cursor moves over contiguous ones). */
  positions: Set<number>;
}

/**
 * Sorts one line: accepted into `out`, or counted in `refused`. `p` is null for snapshot lines;
 * `upTo` is set for a removed device; `scope` null means every engagement.
 */
export function acceptLine(
  peer: string,
  p: number | null,
  c: unknown,
  rules: { upTo?: number; scope: ReadonlySet<string> | null },
  out: Accepted,
  refused: Refused,
): void {
  if (p !== null && rules.upTo !== undefined && p > rules.upTo) {
    refused.afterRemoval += 1;
    return;
  }
  const change = c as Partial<ChangeRecord> | null;
  if (typeof change !== 'object' || change === null || change.deviceId !== peer) {
    refused.foreign += 1;
    if (p !== null) out.positions.add(p); // signed by the device, never valid: step over it
    return;
  }
  if (p !== null) out.positions.add(p);
  if (rules.scope !== null && !rules.scope.has(String(change.engagementId))) {
    refused.outOfScope += 1;
    return;
  }
  out.changes.push(c);
}

/** The warnings of one file's refused lines, naming the device and the file. */
export function refusedWarnings(
  peer: string,
  label: string,
  path: string,
  refused: Refused,
  quietForeign = false,
): SyncWarning[] {
  const out: SyncWarning[] = [];
  if (refused.foreign > 0 && !quietForeign) {
    out.push({
      code: 'foreign-change',
      deviceId: peer,
      path,
      message: `${refused.foreign} change(s) in ${path} claim another device than ${label}, whose folder holds them: refused.`,
    });
  }
  if (refused.outOfScope > 0) {
    out.push({
      code: 'out-of-scope',
      deviceId: peer,
      path,
      message: `${refused.outOfScope} change(s) from ${label} in ${path} concern an engagement this folder does not carry: not applied.`,
    });
  }
  if (refused.afterRemoval > 0) {
    out.push({
      code: 'device-removed',
      deviceId: peer,
      path,
      message: `${refused.afterRemoval} change(s) ${label} wrote after it was removed (${path}): ignored.`,
    });
  }
  return out;
}
