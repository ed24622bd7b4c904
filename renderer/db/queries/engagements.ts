import type { Engagement } from '@shared/model/engagement';
import type { WorkbenchDB } from '../database';
import { sortRecords } from './order';

/** Options of {@link listEngagements}. */
export interface ListEngagementsOptions {
  /** Also list archived engagements (default false). Deleted ones are never listed. */
  includeArchived?: boolean;
}

/** The live engagements, by client then title; archived ones only when asked for. */
export async function listEngagements(
  db: WorkbenchDB,
  options: ListEngagementsOptions = {},
): Promise<Engagement[]> {
  const all = await db.engagements
    .filter(
      (e) => e.deletedAt === null && (options.includeArchived === true || e.archivedAt === null),
    )
    .toArray();
  return sortRecords('engagement', all);
}

/** The deleted engagements (the trash), most recently deleted first. */
export async function listDeletedEngagements(db: WorkbenchDB): Promise<Engagement[]> {
  return db.engagements.orderBy('deletedAt').reverse().toArray();
}

/** One engagement by id, including a deleted one (check `deletedAt`); undefined if none. */
export async function getEngagement(db: WorkbenchDB, id: string): Promise<Engagement | undefined> {
  return db.engagements.get(id);
}
