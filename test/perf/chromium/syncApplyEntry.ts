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
    remove: (db) => db.delete(),
  });
