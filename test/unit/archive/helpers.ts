import { newId } from '../../../shared/ids';
import { buildSampleEngagement } from '../../../shared/sample';
import type { WorkbenchDB } from '../../../renderer/db/database';
import type { WorkbenchStore } from '../../../renderer/db/repositories/store';
import { exportEngagementArchive } from '../../../renderer/db/archive';
import { readAllChanges } from '../../../renderer/db/changeLog/reads';

/** Every table of the database, rows sorted by primary key: "exactly as it was" means equal dumps. */
export async function dumpDatabase(db: WorkbenchDB): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    // The change log as a whole (rows and packs): where a change is stored is not its content.
    if (table.name === 'changePacks') continue;
    const rows = table.name === 'changes' ? await readAllChanges(db) : await table.toArray();
    const keyPath = table.schema.primKey.keyPath;
    const key = (row: unknown): string =>
      typeof keyPath === 'string' ? String((row as Record<string, unknown>)[keyPath]) : '';
    dump[table.name] = rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return dump;
}

/** The sample engagement, stored with one tombstone and one edit, so archives have history. */
export async function storeSample(store: WorkbenchStore): Promise<string> {
  const data = buildSampleEngagement({ now: new Date('2026-11-26T12:00:00.000Z'), newId });
  await store.importEngagement(data);
  const risk = data.risks[0];
  const note = data.notes[0];
  if (!risk || !note) throw new Error('sample has no risk or note');
  await store.risks.update(risk.id, { mitigation: 'Weekly disk report to the CIO.' });
  await store.notes.softDelete(note.id);
  return data.engagement.id;
}

/** Exports an engagement with a fixed app version and export time. */
export function exportText(db: WorkbenchDB, engagementId: string, at = '2026-11-26T15:00:00.000Z') {
  return exportEngagementArchive(db, engagementId, {
    appVersion: '0.1.0',
    now: () => new Date(at),
  });
}

/** The archive text without its export time (the only line allowed to differ). */
export const withoutExportTime = (text: string): string =>
  text.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "…"');
