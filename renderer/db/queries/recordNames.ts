import type { WorkbenchDB } from '../database';

/** The tables whose records have a readable name, and the field that holds it. */
const NAMED = [
  ['stakeholders', 'name'],
  ['ownershipAreas', 'name'],
  ['risks', 'title'],
  ['raisedIssues', 'title'],
  ['notes', 'title'],
  ['decisions', 'title'],
  ['engagements', 'client'],
] as const;

/**
 * The readable names (a stakeholder's name, a risk's title...) of some record ids, looked up
 * by primary key in every named table (deleted records included). Unknown ids are left out.
 */
export async function resolveRecordNames(
  db: WorkbenchDB,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const keys = [...new Set(ids)];
  await Promise.all(
    NAMED.map(async ([table, field]) => {
      const rows = await db.table<Record<string, unknown>, string>(table).bulkGet(keys);
      rows.forEach((row, i) => {
        const name = row?.[field];
        const key = keys[i];
        if (typeof name === 'string' && key !== undefined) names.set(key, name);
      });
    }),
  );
  return names;
}
