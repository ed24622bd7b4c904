import type { WorkbenchClient } from '@shared/ipc/client';
import { exportEngagementArchive } from '../../../db/archive';
import { listEngagements } from '../../../db/queries/engagements';
import type { WorkbenchDB } from '../../../db';
import { BACKUPS_CHANGED_EVENT } from './useBackups';
import { serializeInWorker } from './archiveReader';
import { backUpAttachmentBytes, heldAttachmentHashes } from '../../../db/archive/backupBlobs';

let appVersion: Promise<string> | null = null;

/** The running app's version (asked once). */
export function getAppVersion(client: WorkbenchClient): Promise<string> {
  appVersion ??= client.app.info().then(
    (info) => info.version,
    () => '0.0.0',
  );
  return appVersion;
}

/**
 * Takes today's backup of one engagement: the renderer exports, the main process stores; then
 * the attachment bytes the backups folder lacks (each SHA-256 once, see backupBlobs.ts).
 */
export async function backUpEngagement(
  client: WorkbenchClient,
  db: WorkbenchDB,
  engagementId: string,
): Promise<void> {
  const exported = await exportEngagementArchive(db, engagementId, {
    appVersion: await getAppVersion(client),
    serialize: serializeInWorker,
  });
  const blobs = await heldAttachmentHashes(db, engagementId);
  await client.call('backup.write', {
    engagementId,
    text: exported.text,
    summary: exported.summary,
    blobs,
  });
  await backUpAttachmentBytes(client, db, blobs);
  window.dispatchEvent(new Event(BACKUPS_CHANGED_EVENT));
}

/**
 * Backs up every engagement (archived ones too) that has no backup of today yet. Runs one
 * engagement at a time so the window stays responsive. Resolves to how many were backed up.
 */
export async function runDueBackups(
  client: WorkbenchClient,
  db: WorkbenchDB,
  now: Date = new Date(),
): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const { backups } = await client.call('backup.list', {});
  const latest = new Map<string, string>();
  for (const b of backups) {
    if ((latest.get(b.engagementId) ?? '') < b.day) latest.set(b.engagementId, b.day);
  }
  const engagements = await listEngagements(db, { includeArchived: true });
  let done = 0;
  for (const engagement of engagements) {
    if ((latest.get(engagement.id) ?? '') >= today) continue;
    await backUpEngagement(client, db, engagement.id);
    done += 1;
  }
  return done;
}
