import './zodJitless';
import { sha256Hex } from '../../../shared/canonical/sha256';
import { openWorkbenchDb } from '../../../renderer/db/open';
import { createStore } from '../../../renderer/db/repositories/store';
import { createBlobHasher } from '../../../renderer/src/components/attachments/blobHasher';

/** What one run of the attach bench measured (milliseconds, medians of `runs`). */
export interface AttachBenchTimings {
  rawDigestMs: number;
  attachMs: number;
  /** The longest gap between animation frames while attaching (a frame is ~16.7 ms). */
  longestFrameGapMs: number;
  /** The same during the raw digest alone (what the page itself allows). */
  rawFrameGapMs: number;
  /** Attaching the same size from bytes already in memory (an email's path), for comparison. */
  attachFromBytesMs: number;
}

declare global {
  interface Window {
    __attachBench?: (megabytes: number, runs: number) => Promise<AttachBenchTimings>;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Distinct bytes per run (a repeated file would be stored once: the bench would time nothing). */
function bytesOf(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
  bytes[0] = seed;
  return bytes;
}

/**
 * Watches the window's thread until stopped; resolves to its longest stall: the longest gap
 * between animation frames, or the longest "long task" the browser reported, whichever is more.
 */
function frameWatch(): () => number {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = (t: number) => {
    longest = Math.max(longest, t - last);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return () => {
    running = false;
    for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
    observer.disconnect();
    return Math.max(longest, performance.now() - last);
  };
}

window.__attachBench = async (megabytes, runs) => {
  const opened = await openWorkbenchDb({ name: `attach-bench-${Date.now()}` });
  if (!opened.ok) throw new Error('cannot open the database');
  const store = createStore({
    db: opened.db,
    deviceId: '0195a000-0000-7000-8000-0000000000bf',
    // the app's path: the hash worker (bundled beside the page by attachments.perf.ts)
    hashBlob: createBlobHasher(() => new Worker('/hash-worker.js')),
  });
  const e = await store.engagements.create({ client: 'Bench', title: 'Attach', code: 'BEN' });
  const who = await store.stakeholders.create({ engagementId: e.id, name: 'CTO' });
  const issue = await store.raisedIssues.create({
    engagementId: e.id,
    title: 'Disk',
    raisedToIds: [who.id],
    raisedAt: '2026-03-02T08:00:00.000Z',
  });
  const raw: number[] = [];
  const attach: number[] = [];
  const gaps: number[] = [];
  const rawGaps: number[] = [];
  const fromBytes: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const bytes = bytesOf(megabytes * 1_000_000, run + 1);
    const watchRaw = frameWatch();
    let t = performance.now();
    await sha256Hex(bytes);
    raw.push(performance.now() - t);
    rawGaps.push(watchRaw());
    // The app is handed the dropped File (useAttachFiles); here it is made before the clock.
    const file = new File([bytes as Uint8Array<ArrayBuffer>], `big-${run}.bin`, {
      type: 'application/octet-stream',
    });
    const stop = frameWatch();
    t = performance.now();
    await store.attachments.attach({
      target: { entity: 'raisedIssue', id: issue.id },
      fileName: file.name,
      mediaType: file.type,
      bytes: file,
    });
    attach.push(performance.now() - t);
    gaps.push(stop());
    bytes[1] = (bytes[1] ?? 0) ^ 0xff; // another file: stored, not deduplicated
    t = performance.now();
    await store.attachments.attach({
      target: { entity: 'raisedIssue', id: issue.id },
      fileName: `bytes-${run}.bin`,
      mediaType: 'application/octet-stream',
      bytes,
    });
    fromBytes.push(performance.now() - t);
  }
  opened.db.close();
  await opened.db.delete();
  return {
    rawDigestMs: median(raw),
    attachMs: median(attach),
    longestFrameGapMs: Math.max(...gaps),
    rawFrameGapMs: Math.max(...rawGaps),
    attachFromBytesMs: median(fromBytes),
  };
};
