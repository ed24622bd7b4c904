import { memoDraftSchema, type MemoDraftRecord } from '@shared/model/memoDraft';
import type { WorkbenchDB } from '../database';

/**
 * The memo drafts of an engagement on this device, most recently saved first (the first one is
 * the draft the Memos tab restores). A stored row that does not parse (written by a newer
 * version, or damaged) is left out rather than breaking the tab; it stays in the table.
 */
export async function listMemoDrafts(
  db: WorkbenchDB,
  engagementId: string,
): Promise<MemoDraftRecord[]> {
  const rows = await db.memoDrafts
    .where('[engagementId+updatedAt]')
    .between([engagementId, ''], [engagementId, '\uffff'])
    .reverse()
    .toArray();
  return rows.flatMap((row) => {
    const parsed = memoDraftSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** One memo draft by id, or null (also for a row that does not parse). */
export async function getMemoDraft(db: WorkbenchDB, id: string): Promise<MemoDraftRecord | null> {
  const row = await db.memoDrafts.get(id);
  const parsed = memoDraftSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}
