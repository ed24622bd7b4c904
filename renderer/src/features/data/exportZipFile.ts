import type { WorkbenchClient } from '@shared/ipc/client';
import type { WorkbenchDB } from '../../../db';
import { planEngagementZip, writeEngagementZip, zipPlanProblem } from '../../../db/archive';
import { openBytesFile } from '../../lib/fileIo';
import { serializeInWorker } from './archiveReader';
import { getAppVersion } from './backups';

/** What an export with attachments wrote: the file's name, the files in it and those left out. */
export interface ExportedZipFile {
  file: string;
  zip: { attachments: number; missing: string[] };
}

/**
 * Exports an engagement with its attachments as one zip, written to the file the person picks
 * as it is made: one attachment in memory at a time, whatever the engagement holds. Refuses
 * (before asking where) a zip this app could not import again; a failure midway leaves no file.
 * Null when the person cancelled.
 */
export async function exportZipFile(
  db: WorkbenchDB,
  client: WorkbenchClient,
  engagementId: string,
  onFraction: (fraction: number) => void,
): Promise<ExportedZipFile | null> {
  const plan = await planEngagementZip(db, engagementId, {
    appVersion: await getAppVersion(client),
    serialize: serializeInWorker,
  });
  const problem = zipPlanProblem(plan);
  if (problem) throw new Error(problem);
  const file = await openBytesFile(client, {
    purpose: 'archive',
    title: 'Export engagement with attachments',
    defaultName: plan.fileName,
  });
  if (!file) return null;
  try {
    let done = 0;
    const zip = await writeEngagementZip(db, plan, file, (bytes) => {
      done += bytes;
      onFraction(done / Math.max(1, plan.heldBytes));
    });
    await file.finish();
    return { file: file.name, zip };
  } catch (error) {
    await file.abort();
    throw error;
  }
}
