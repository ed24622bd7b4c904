import { formatHlc, parseHlc, receiveHlc, tickHlc, type HlcTimestamp } from '@shared/clock/hlc';
import type { ChangeOp, ChangeRecord, FieldChange } from '@shared/model/change';
import type { EntityName } from '@shared/model/registry';
import { newId } from '@shared/ids';
import type { WriteContext } from './context';

/** Meta key of the last HLC timestamp issued or received by this database. */
export const META_LAST_HLC = 'hlc';
/** Meta key of a device's last change sequence number. */
export const metaSeqKey = (deviceId: string): string => `seq:${deviceId}`;

/** Reads the stored clock state (null before the first write, or if unreadable). */
async function lastHlc(ctx: WriteContext): Promise<HlcTimestamp | null> {
  const entry = await ctx.db.meta.get(META_LAST_HLC);
  if (typeof entry?.value !== 'string') return null;
  try {
    return parseHlc(entry.value);
  } catch {
    return null;
  }
}

/**
 * Issues the next HLC timestamp and stores it. Must run inside a transaction that includes
 * `meta` (the read and the write of the clock state are then atomic).
 */
export async function nextHlc(ctx: WriteContext, at: Date): Promise<string> {
  const next = formatHlc(tickHlc(await lastHlc(ctx), ctx.deviceId, at.getTime()));
  await ctx.db.meta.put({ key: META_LAST_HLC, value: next });
  return next;
}

/** Issues this device's next change sequence number (1, 2, 3...) and stores it. Needs `meta`. */
export async function nextSeq(ctx: WriteContext): Promise<number> {
  const key = metaSeqKey(ctx.deviceId);
  const entry = await ctx.db.meta.get(key);
  const seq = (typeof entry?.value === 'number' ? entry.value : 0) + 1;
  await ctx.db.meta.put({ key, value: seq });
  return seq;
}

/** What a repository knows about a write; the change log adds id, hlc, seq and device. */
export interface ChangeDraft {
  /** The written entity. */
  entity: EntityName;
  /** The written record's id. */
  recordId: string;
  /** Its engagement (the record's own id for an engagement). */
  engagementId: string;
  /** create, update, delete or restore. */
  op: ChangeOp;
  /** The fields that changed. */
  changes: FieldChange[];
  /** When the write happened. */
  at: Date;
}

/**
 * Appends one change record. Must run inside the write's transaction, which must include
 * `changes` and `meta`.
 */
export async function appendChange(ctx: WriteContext, draft: ChangeDraft): Promise<ChangeRecord> {
  const change: ChangeRecord = {
    id: newId(),
    hlc: await nextHlc(ctx, draft.at),
    deviceId: ctx.deviceId,
    ...(ctx.deviceName ? { deviceName: ctx.deviceName } : {}),
    ...(ctx.actor ? { actor: ctx.actor } : {}),
    seq: await nextSeq(ctx),
    entity: draft.entity,
    recordId: draft.recordId,
    engagementId: draft.engagementId,
    op: draft.op,
    changes: draft.changes,
    at: draft.at.toISOString(),
  };
  await ctx.db.changes.add(change);
  return change;
}

/** Outcome of merging a remote HLC into this database's clock. */
export interface ReceivedHlc {
  /** The new local timestamp. */
  timestamp: string;
  /** True when the remote was too far in the future and was not adopted. */
  clamped: boolean;
  /** How far the remote is ahead of the local wall clock (ms). */
  driftMs: number;
}

/**
 * Merges a timestamp seen on another device's change into this database's clock, so later
 * local writes order after it. Runs in its own transaction on `meta` (or joins the caller's).
 */
export async function receiveRemoteHlc(
  ctx: WriteContext,
  remote: string,
  maxDriftMs?: number,
): Promise<ReceivedHlc> {
  const parsed = parseHlc(remote); // throws RangeError (as a rejection) on a malformed one
  return ctx.db.transaction('rw', ctx.db.meta, async () => {
    const result = receiveHlc(
      await lastHlc(ctx),
      parsed,
      ctx.deviceId,
      ctx.now().getTime(),
      maxDriftMs,
    );
    const timestamp = formatHlc(result.timestamp);
    await ctx.db.meta.put({ key: META_LAST_HLC, value: timestamp });
    return { timestamp, clamped: result.clamped, driftMs: result.driftMs };
  });
}

/** The last HLC timestamp issued or received by this database, or null. */
export async function currentHlc(ctx: WriteContext): Promise<string | null> {
  const last = await lastHlc(ctx);
  return last === null ? null : formatHlc(last);
}
