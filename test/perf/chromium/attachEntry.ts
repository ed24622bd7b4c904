import './zodJitless';
import { sha256Hex } from '../../../shared/canonical/sha256';
import { openWorkbenchDb } from '../../../renderer/db/open';
import { createStore } from '../../../renderer/db/repositories/store';
import { createBlobHasher } from '../../../renderer/src/components/attachments/blobHasher';
import { createBlobCryptoInWorker } from '../../../renderer/src/features/sync/blobCryptoInWorker';
import { createDexieBlobStore } from '../../../renderer/db/sync/dexieBlobStore';
import { inlineBlobCrypto, type BlobCrypto } from '../../../shared/sync/blobCrypto';
import { createWorkspaceKey, sealFile } from '../../../shared/sync/crypto';

/** What one run of the attach bench measured (milliseconds, medians of `runs`). */
export interface AttachBenchTimings {
  rawDigestMs: number;
  attachMs: number;
  /** Of which: hashing and staging the bytes at the same time (prepare()). */
  prepareMs: number;
  /** The longest gap between animation frames while attaching (a frame is ~16.7 ms). */
  longestFrameGapMs: number;
  /** The longest task on the window's thread while attaching (0: none over 50 ms). */
  longestTaskMs: number;
  /** The longest frame gap during the raw digest alone (what the page itself allows). */
  rawFrameGapMs: number;
  /** The app's hash worker reading and digesting the same File, alone. */
  floorHashMs: number;
  /** A bare IndexedDB put of the same File, alone (the storing floor). */
  floorPutMs: number;
  /** Both floors at the same time (the worker digesting, a bare put storing): what attach does. */
  floorBothMs: number;
  /** Attaching the same size from bytes already in memory (an email's path), for comparison. */
  attachFromBytesMs: number;
  /** A sealed file of the same size arriving by sync: opened, checked and stored. */
  arrival: { inline: ArrivalTiming; worker: ArrivalTiming };
}

/** One way of receiving a synced attachment: how long, and the window's longest stall. */
export interface ArrivalTiming {
  ms: number;
  frameGapMs: number;
  longTaskMs: number;
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

/** A bare IndexedDB database with one store, for the storing floor. */
function openScratch(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('files');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('cannot open the scratch database'));
  });
}

/** One put of `value` under `key`, committed. */
function putBare(db: IDBDatabase, key: string, value: Blob): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('files', 'readwrite');
    tx.objectStore('files').put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('the put failed'));
  });
}

/** Lets the current task end and a few frames pass (work before a watch is not counted). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

/** What a watch saw: the longest gap between animation frames, and the longest task. */
interface Stall {
  frameGap: number;
  /** The longest "long task" the browser reported on the window's thread (0: none over 50 ms). */
  longTask: number;
}

/**
 * Watches the window until stopped. The frame gap counts whatever delays a frame (the window's
 * thread, or the browser process busy writing); the long task is the window's thread alone.
 */
function frameWatch(): () => Stall {
  let frameGap = 0;
  let longTask = 0;
  let last = performance.now();
  let running = true;
  const tick = (t: number) => {
    frameGap = Math.max(frameGap, t - last);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTask = Math.max(longTask, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return () => {
    running = false;
    for (const entry of observer.takeRecords()) longTask = Math.max(longTask, entry.duration);
    observer.disconnect();
    return { frameGap: Math.max(frameGap, performance.now() - last), longTask };
  };
}

/**
 * A sealed file arriving by sync, as the engine's blob step takes it: opened with the folder's
 * key, checked against its record, stored. `crypto` is inline (the window's thread) or the app's
 * sync worker.
 */
async function arrive(
  db: Parameters<typeof createDexieBlobStore>[0],
  megabytes: number,
  crypto: BlobCrypto,
): Promise<ArrivalTiming> {
  const { key } = await createWorkspaceKey('bench passphrase', 1_000);
  const plain = bytesOf(megabytes * 1_000_000, crypto === inlineBlobCrypto ? 201 : 202);
  const ref = { sha256: await sha256Hex(plain), size: plain.length };
  const path = 'devices/bench/blobs/x';
  const sealed = await sealFile(key, path, plain);
  await settle();
  const stop = frameWatch();
  const t = performance.now();
  const opened = await crypto.open(ref, path, sealed, key);
  if (!opened.ok) throw new Error(opened.problem);
  await createDexieBlobStore(db).store(ref, opened.bytes);
  const ms = performance.now() - t;
  const stall = stop();
  return { ms, frameGapMs: stall.frameGap, longTaskMs: stall.longTask };
}

window.__attachBench = async (megabytes, runs) => {
  const opened = await openWorkbenchDb({ name: `attach-bench-${Date.now()}` });
  if (!opened.ok) throw new Error('cannot open the database');
  const hashBlob = createBlobHasher(() => new Worker('/hash-worker.js'));
  const scratch = await openScratch(`attach-floor-${Date.now()}`);
  const store = createStore({
    db: opened.db,
    deviceId: '0195a000-0000-7000-8000-0000000000bf',
    // the app's path: the hash worker (bundled beside the page by attachments.perf.ts)
    hashBlob,
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
  const prepare: number[] = [];
  const gaps: Stall[] = [];
  const rawGaps: Stall[] = [];
  const fromBytes: number[] = [];
  const floorHash: number[] = [];
  const floorPut: number[] = [];
  const floorBoth: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const bytes = bytesOf(megabytes * 1_000_000, run + 1);
    await settle(); // the fill above is one long task: it must end before the watch starts
    const watchRaw = frameWatch();
    let t = performance.now();
    await sha256Hex(bytes);
    raw.push(performance.now() - t);
    rawGaps.push(watchRaw());
    // The app is handed the dropped File (useAttachFiles); here it is made before the clock.
    const file = new File([bytes as Uint8Array<ArrayBuffer>], `big-${run}.bin`, {
      type: 'application/octet-stream',
    });
    await settle();
    const stop = frameWatch();
    t = performance.now();
    const prepared = await store.attachments.prepare(file);
    prepare.push(performance.now() - t);
    await store.attachments.attachPrepared(prepared, {
      target: { entity: 'raisedIssue', id: issue.id },
      fileName: file.name,
      mediaType: file.type,
    });
    attach.push(performance.now() - t);
    gaps.push(stop());
    // The floors, with the same File: the worker reading and digesting it alone, and a bare
    // IndexedDB put of it alone (no Dexie, no record, no change).
    t = performance.now();
    await hashBlob(file);
    floorHash.push(performance.now() - t);
    t = performance.now();
    await putBare(scratch, `f${run}`, file);
    floorPut.push(performance.now() - t);
    t = performance.now();
    await Promise.all([hashBlob(file), putBare(scratch, `g${run}`, file)]);
    floorBoth.push(performance.now() - t);
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
  const arrival = {
    inline: await arrive(opened.db, megabytes, inlineBlobCrypto),
    worker: await arrive(
      opened.db,
      megabytes,
      createBlobCryptoInWorker(() => new Worker('/blob-worker.js')),
    ),
  };
  opened.db.close();
  await opened.db.delete();
  scratch.close();
  indexedDB.deleteDatabase(scratch.name);
  return {
    floorHashMs: median(floorHash),
    floorPutMs: median(floorPut),
    floorBothMs: median(floorBoth),
    rawDigestMs: median(raw),
    attachMs: median(attach),
    prepareMs: median(prepare),
    longestFrameGapMs: Math.max(...gaps.map((g) => g.frameGap)),
    longestTaskMs: Math.max(...gaps.map((g) => g.longTask)),
    rawFrameGapMs: Math.max(...rawGaps.map((g) => g.frameGap)),
    attachFromBytesMs: median(fromBytes),
    arrival,
  };
};
