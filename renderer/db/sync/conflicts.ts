import { SYNC_CONFLICTS_TABLE, type SyncConflict } from '@shared/sync/conflict';
import type { EntityName } from '@shared/model/registry';
import type { WorkbenchDB } from '../database';
import type { WorkbenchStore } from '../repositories/store';

/** The open conflicts of an engagement, oldest first. */
export async function listOpenConflicts(
  db: WorkbenchDB,
  engagementId: string,
): Promise<SyncConflict[]> {
  const all = await db
    .table<SyncConflict, string>(SYNC_CONFLICTS_TABLE)
    .where('engagementId')
    .equals(engagementId)
    .toArray();
  return all
    .filter((c) => c.status === 'open')
    .sort((a, b) => (a.detectedAt < b.detectedAt ? -1 : a.detectedAt > b.detectedAt ? 1 : 0));
}

/** How the user resolves a conflict. */
export type ConflictChoice =
  | { kind: 'keepMine' }
  | { kind: 'takeTheirs' }
  | { kind: 'merged'; value: string }
  | { kind: 'keepCurrent' };

/**
 * Which side is "mine": the losing value when this device wrote it; otherwise the value in the
 * record (the winner). "Theirs" is the other one.
 */
export function conflictSides(
  conflict: SyncConflict,
  deviceId: string,
): { mine: unknown; theirs: unknown; mineIsKept: boolean } {
  const mineLost = conflict.loserDeviceId === deviceId;
  return mineLost
    ? { mine: conflict.loserValue, theirs: conflict.winnerValue, mineIsKept: true }
    : { mine: conflict.winnerValue, theirs: conflict.loserValue, mineIsKept: false };
}

/**
 * Resolves a conflict: writes the chosen value through the store when it is not already the
 * record's (a new change with a fresh HLC, so it wins on every device), then marks it resolved.
 */
export async function resolveConflict(
  store: WorkbenchStore,
  conflict: SyncConflict,
  choice: ConflictChoice,
  now: () => Date = () => new Date(),
): Promise<void> {
  const { mine, theirs } = conflictSides(conflict, store.deviceId);
  const wanted =
    choice.kind === 'merged' ? choice.value : choice.kind === 'keepMine' ? mine : theirs;
  const repository = store.repository(conflict.entity as EntityName);
  const current = (await store.db.table(tableOf(store, conflict.entity)).get(conflict.recordId)) as
    Record<string, unknown> | undefined;
  if (current && choice.kind !== 'keepCurrent' && current[conflict.field] !== wanted) {
    await repository.update(conflict.recordId, { [conflict.field]: wanted } as never);
  }
  await store.db.table<SyncConflict, string>(SYNC_CONFLICTS_TABLE).update(conflict.id, {
    status: 'resolved',
    resolution: choice.kind,
    resolvedAt: now().toISOString(),
  });
}

function tableOf(store: WorkbenchStore, entity: string): string {
  return store.db.entityTable(entity as EntityName).name;
}

/**
 * True when the record's field no longer holds either side: it was edited again after the
 * conflict was found (for example the conflict was resolved on another device).
 */
export function conflictOvertaken(conflict: SyncConflict, currentValue: unknown): boolean {
  return currentValue !== conflict.winnerValue && currentValue !== conflict.loserValue;
}

/** The open conflicts of one record, oldest first (the `[entity+recordId]` index). */
export async function listRecordConflicts(
  db: WorkbenchDB,
  entity: string,
  recordId: string,
): Promise<SyncConflict[]> {
  const all = await db
    .table<SyncConflict, string>(SYNC_CONFLICTS_TABLE)
    .where('[entity+recordId]')
    .equals([entity, recordId])
    .toArray();
  return all
    .filter((c) => c.status === 'open')
    .sort((a, b) => (a.detectedAt < b.detectedAt ? -1 : a.detectedAt > b.detectedAt ? 1 : 0));
}
