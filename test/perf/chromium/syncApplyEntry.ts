import type { WorkbenchDB } from '../../../renderer/db/database';
import { openWorkbenchDb } from '../../../renderer/db/open';
import { runApplyBench, type ApplyBenchTimings } from '../syncApplyBench';

/**
 * Bundled by syncChromium.perf.ts into one script evaluated in a Chromium page: the apply bench
 * on the browser's own IndexedDB, under the app's Content-Security-Policy.
 */
declare global {
  interface Window {
    /** Runs the apply bench once (see syncApplyBench.ts). */
    __syncApplyBench?: (size?: number) => Promise<ApplyBenchTimings>;
  }
}

let counter = 0;
/** Databases the bench is done with: deleted after the run, not in the middle of it. */
const finished: WorkbenchDB[] = [];
window.__syncApplyBench = (size) =>
  runApplyBench({
    deviceId: '0195a000-0000-7000-8000-0000000000bf',
    ...(size ? { size } : {}),
    async open(name) {
      counter += 1;
      const opened = await openWorkbenchDb({ name: `${name}-${counter}-${Date.now()}` });
      if (!opened.ok) throw new Error(`cannot open ${name}: ${opened.reason}`);
      return opened.db;
    },
    // Deleting a database of 100,000 records leaves Chromium work in the origin's backing store
    // that slowed whatever ran next by up to half (the apply timed right after a deletion: 0.59
    // to 0.68 of the raw run, timed first: 0.92). IndexedDB is on disk here, not on the heap, so
    // the bench only closes its databases and deletes them once every step is timed.
    remove: async (db) => {
      db.close();
      finished.push(db);
    },
  }).finally(async () => {
    for (const db of finished.splice(0)) await db.delete();
  });
