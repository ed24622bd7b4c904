import type { WorkbenchSession } from './launchWorkbench';

/** The scripted "choose folder" dialog of a Chromium session (the specs that sync need it). */
export function folderDialog(app: WorkbenchSession) {
  if (!app.bridge) throw new Error('this spec scripts the folder dialog: run it in Chromium');
  return app.bridge.syncFolderDialog;
}

/** Sync tab › "Use one folder for all engagements…" with `folder`, until "Up to date". */
export async function chooseFolderForAll(app: WorkbenchSession, folder: string): Promise<void> {
  const { page } = app;
  await page.getByRole('tab', { name: 'Sync' }).click();
  await page.getByRole('heading', { name: 'Sync folder' }).waitFor();
  folderDialog(app).answerNext(folder);
  await page.getByRole('button', { name: 'Use one folder for all engagements…' }).click();
  await page.getByText(folder).waitFor();
  await page.getByRole('status').filter({ hasText: 'Up to date' }).waitFor({ timeout: 20_000 });
}
