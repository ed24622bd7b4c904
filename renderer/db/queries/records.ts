import Dexie from 'dexie';
import type { WorkbenchDB } from '../database';
import type { RaisedIssue, RaisedIssueStatus } from '@shared/model/raisedIssue';
import type { Acknowledgement } from '@shared/model/acknowledgement';
import type { Note } from '@shared/model/note';
import {
  engagementScopedEntities,
  type EngagementScopedEntityName,
  type EntityName,
  type EntityRecord,
} from '@shared/model/registry';
import { sortRecords } from './order';

/**
 * The live (not deleted) records of one entity in one engagement, in the entity's default
 * order (see recordOrder).
 */
export async function listRecords<N extends EngagementScopedEntityName>(
  db: WorkbenchDB,
  entity: N,
  engagementId: string,
): Promise<EntityRecord<N>[]> {
  // deletedAt null is not indexed, so live records are the engagement's records minus tombstones.
  // One bulk read narrowed in memory: a Dexie .filter() walks a cursor record by record and is
  // several times slower on engagements with thousands of records.
  const all = await db.entityTable(entity).where('engagementId').equals(engagementId).toArray();
  return sortRecords(entity, all.filter((r) => r.deletedAt === null) as EntityRecord<N>[]);
}

/** The deleted records (tombstones) of one entity in one engagement, most recently deleted first. */
export async function listDeletedRecords<N extends EngagementScopedEntityName>(
  db: WorkbenchDB,
  entity: N,
  engagementId: string,
): Promise<EntityRecord<N>[]> {
  const records = await db
    .entityTable(entity)
    .where('[engagementId+deletedAt]')
    .between([engagementId, Dexie.minKey], [engagementId, Dexie.maxKey])
    .reverse()
    .toArray();
  return records as EntityRecord<N>[];
}

/**
 * One record by id, INCLUDING a deleted one (check `deletedAt`: a detail or history screen
 * may show a tombstone with a Restore button). Undefined when it does not exist.
 */
export async function getRecord<N extends EntityName>(
  db: WorkbenchDB,
  entity: N,
  id: string,
): Promise<EntityRecord<N> | undefined> {
  return (await db.entityTable(entity).get(id)) as EntityRecord<N> | undefined;
}

/** The live raised issues of an engagement with one status, newest raised first. */
export async function listRaisedIssuesByStatus(
  db: WorkbenchDB,
  engagementId: string,
  status: RaisedIssueStatus,
): Promise<RaisedIssue[]> {
  const issues = await db.raisedIssues
    .where('[engagementId+status]')
    .equals([engagementId, status])
    .filter((i) => i.deletedAt === null)
    .toArray();
  return sortRecords('raisedIssue', issues);
}

/** The live acknowledgements of one raised issue, in the order they arrived (oldest first). */
export async function listAcknowledgementsForIssue(
  db: WorkbenchDB,
  raisedIssueId: string,
): Promise<Acknowledgement[]> {
  const acks = await db.acknowledgements
    .where('raisedIssueId')
    .equals(raisedIssueId)
    .filter((a) => a.deletedAt === null)
    .toArray();
  return acks.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/**
 * The live notes of an engagement dated from `from` (inclusive) to `to` (exclusive), both ISO
 * date-times, oldest first (a timeline).
 */
export async function listNotesBetween(
  db: WorkbenchDB,
  engagementId: string,
  from: string,
  to: string,
): Promise<Note[]> {
  return db.notes
    .where('[engagementId+date]')
    .between([engagementId, from], [engagementId, to], true, false)
    .filter((n) => n.deletedAt === null)
    .toArray();
}

/** How many live records of each kind an engagement holds. */
export type EngagementCounts = Record<EngagementScopedEntityName, number>;

/** Counts of an engagement with nothing in it. */
export function zeroCounts(): EngagementCounts {
  return Object.fromEntries(engagementScopedEntities.map((e) => [e, 0])) as EngagementCounts;
}

/** Counts the live records of every engagement-scoped entity in one engagement. */
export async function countRecords(
  db: WorkbenchDB,
  engagementId: string,
): Promise<EngagementCounts> {
  // From index counts only (the engagement's records minus its tombstones): no record is read.
  const entries = await Promise.all(
    engagementScopedEntities.map(async (entity) => {
      const table = db.entityTable(entity);
      const [all, deleted] = await Promise.all([
        table.where('engagementId').equals(engagementId).count(),
        table
          .where('[engagementId+deletedAt]')
          .between([engagementId, Dexie.minKey], [engagementId, Dexie.maxKey])
          .count(),
      ]);
      return [entity, all - deleted] as const;
    }),
  );
  return Object.fromEntries(entries) as EngagementCounts;
}
