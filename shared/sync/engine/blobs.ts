/**
 * The round's last step: attachment bytes through the folder (rules in `../blobs.ts`). Runs
 * after the records are applied and published, so a record is on screen ("not on this device
 * yet") before its bytes arrive. Publishes the bytes this device holds that no device offers
 * yet, and fetches, within a byte budget per round, the ones its records name and it lacks.
 * A missing, partial or refused file never fails the round: it is reported and tried again.
 */
import { inlineBlobCrypto, type BlobCrypto } from '../blobCrypto';
import { folderErrorCode, type FolderEntry } from '../folder';
import type { FolderPin } from '../pin';
import {
  blobDir,
  blobFileName,
  blobPath,
  storedBlobSize,
  type BlobRef,
  type SyncBlobStore,
} from '../blobs';
import type { EngineCtx } from './context';
import { deviceLabel } from './peerFiles';
import { runBounded } from './blobPool';
import { checkOwnBlobs, type OwnBlobTimes } from './ownBlobs';
import { removePlainOwnBlobs } from './plainBlobs';
import type { AttachmentTransfer, SyncProgress, SyncReport } from './types';

/** Bytes moved per direction in one round unless tuned [512 MiB]: the rest, next round. */
export const BLOB_BYTES_PER_ROUND = 512 * 1024 * 1024;
/** While nothing is waiting, a full pass runs at least every this many rounds. */
const FULL_PASS_EVERY = 40;

/** The per-file cryptography the engine was given, or the inline one. */
const blobCryptoOf = (ctx: EngineCtx): BlobCrypto => ctx.options.blobCrypto ?? inlineBlobCrypto;

/** A referenced blob with its file name in this folder. */
type Named = BlobRef & { held: boolean; name: string };

/** What the step keeps between rounds, per engine. */
interface BlobRun {
  refs: Named[] | null;
  lastRound: number;
  waiting: number;
}
const runs = new WeakMap<EngineCtx, BlobRun>();

/** One pass over the folder's blob files, as the step sees it. */
interface Pass {
  ctx: EngineCtx;
  store: SyncBlobStore;
  sealed: boolean;
  /** device → file name → entry, for this device and every device it trusts. */
  listings: Map<string, Map<string, FolderEntry>>;
  out: AttachmentTransfer;
  /** Held files left unpublished by the budget: the step runs again next round. */
  unpublished: number;
  report: SyncReport;
  progress: (p: SyncProgress) => void;
}

/**
 * Publishes and fetches attachment bytes. `trusted`: the devices whose files this device reads
 * (approved ones in a signed folder). Skipped on idle rounds unless something is waiting.
 */
export async function syncBlobs(
  ctx: EngineCtx,
  trusted: readonly string[],
  report: SyncReport,
  progress: (p: SyncProgress) => void,
): Promise<void> {
  try {
    await blobStep(ctx, trusted, report, progress);
  } catch (error) {
    // The records are applied and published: a full disk or a locked file here costs only the
    // bytes, which wait for the next round.
    report.warnings.push({
      code: 'fs-error',
      message: `Attachment files could not be moved this round (${folderErrorCode(error)}: ${error instanceof Error ? error.message : String(error)}); will retry.`,
    });
  }
}

async function blobStep(
  ctx: EngineCtx,
  trusted: readonly string[],
  report: SyncReport,
  progress: (p: SyncProgress) => void,
): Promise<void> {
  const store = ctx.options.blobs;
  if (!store || report.status !== 'ok') return;
  const run = runs.get(ctx) ?? { refs: null, lastRound: 0, waiting: 0 };
  runs.set(ctx, run);
  const due = run.refs === null || !report.idle || ctx.roundNo - run.lastRound >= FULL_PASS_EVERY;
  if (!due && run.waiting === 0) return;
  const sealed = ctx.key !== null;
  const keyCheck = sealed
    ? ((await ctx.db.getState<FolderPin>(ctx.pinStateKey))?.keyCheck ?? null)
    : null;
  if (sealed && keyCheck === null) return; // cannot name files before the key is pinned
  if (due || run.refs === null) {
    run.refs = await namedRefs(store, ctx, keyCheck);
    run.lastRound = ctx.roundNo;
  }
  const pass: Pass = {
    ctx,
    store,
    sealed,
    listings: await listBlobs(ctx, trusted),
    out: emptyTransfer(run.refs),
    unpublished: 0,
    report,
    progress,
  };
  if (due || run.waiting > 0) {
    const own = pass.listings.get(ctx.me) ?? new Map<string, FolderEntry>();
    if (sealed) await removePlainOwnBlobs(ctx, own, run.refs);
    const times = await checkOwnBlobs(ctx, own, (n) => blobPath(ctx.me, n), report.warnings);
    await publishBlobs(pass, run.refs, times);
    await times.save();
  }
  await fetchBlobs(pass, run.refs);
  reportUnreferenced(pass, run.refs);
  run.waiting = pass.out.waiting + pass.unpublished;
  report.attachments = pass.out;
  if (pass.out.fetched > 0 || pass.out.published > 0) report.idle = false;
}

async function namedRefs(
  store: SyncBlobStore,
  ctx: EngineCtx,
  keyCheck: string | null,
): Promise<Named[]> {
  const refs = await store.referenced(ctx.scope ? [...ctx.scope] : null);
  const names = new Map<string, string>();
  for (const r of refs) {
    if (!names.has(r.sha256)) names.set(r.sha256, await blobFileName(r.sha256, keyCheck));
  }
  return refs.map((r) => ({ ...r, name: names.get(r.sha256) as string }));
}

async function listBlobs(ctx: EngineCtx, trusted: readonly string[]): Promise<Pass['listings']> {
  const listings: Pass['listings'] = new Map();
  for (const device of [ctx.me, ...trusted.filter((d) => d !== ctx.me)]) {
    const entries = await ctx.folder.list(blobDir(device));
    listings.set(device, new Map(entries.filter((e) => e.kind === 'file').map((e) => [e.name, e])));
  }
  return listings;
}

function emptyTransfer(refs: Named[]): AttachmentTransfer {
  const distinct = new Set(refs.map((r) => r.sha256));
  const held = new Set(refs.filter((r) => r.held).map((r) => r.sha256));
  return {
    referenced: distinct.size,
    held: held.size,
    fetched: 0,
    fetchedBytes: 0,
    published: 0,
    publishedBytes: 0,
    waiting: distinct.size - held.size,
    refused: 0,
  };
}

/** The devices offering `ref`'s file at exactly its stored size (this device first). */
function offers(pass: Pass, ref: Named): { device: string; entry: FolderEntry }[] {
  const size = storedBlobSize(ref, pass.sealed);
  const out: { device: string; entry: FolderEntry }[] = [];
  for (const [device, files] of pass.listings) {
    const entry = files.get(ref.name);
    if (entry && entry.size === size) out.push({ device, entry });
  }
  return out;
}

/**
 * Writes the held bytes that no device offers yet (created here, or their publisher is gone)
 * to this device's blobs folder, sealed in an encrypted folder.
 */
async function publishBlobs(pass: Pass, refs: Named[], times: OwnBlobTimes): Promise<void> {
  const { ctx } = pass;
  const budget = ctx.options.blobBytesPerRound ?? BLOB_BYTES_PER_ROUND;
  const seen = new Set<string>();
  for (const ref of refs) {
    if (!ref.held || seen.has(ref.sha256) || offers(pass, ref).length > 0) continue;
    seen.add(ref.sha256);
    if (pass.out.publishedBytes > 0 && pass.out.publishedBytes + ref.size > budget) {
      pass.unpublished += 1;
      continue;
    }
    const bytes = await pass.store.read(ref.sha256);
    if (bytes === null) continue;
    const path = blobPath(ctx.me, ref.name);
    // Bytes this device holds under another hash or size are never offered as these.
    const data = await checkHere(pass, path, () =>
      blobCryptoOf(ctx).seal(ref, path, bytes, pass.sealed ? ctx.key : null),
    );
    if (data === undefined) {
      pass.unpublished += 1; // this device could not do the work: again next round
      continue;
    }
    if (data === null) continue;
    await ctx.folder.write(path, data);
    await times.wrote(ref.name, path);
    pass.out.published += 1;
    pass.out.publishedBytes += ref.size;
    pass.listings.get(ctx.me)?.set(ref.name, {
      name: ref.name,
      kind: 'file',
      size: storedBlobSize(ref, pass.sealed),
      mtimeMs: 0,
    });
  }
}

/** Fetches the bytes this device lacks, a few files at a time, within the round's budget. */
async function fetchBlobs(pass: Pass, refs: Named[]): Promise<void> {
  const budget = pass.ctx.options.blobBytesPerRound ?? BLOB_BYTES_PER_ROUND;
  const wanted = new Map<string, Named[]>();
  for (const ref of refs) {
    if (!ref.held) wanted.set(ref.sha256, [...(wanted.get(ref.sha256) ?? []), ref]);
  }
  const total = wanted.size;
  let planned = 0;
  const jobs: { bytes: number; run: () => Promise<void> }[] = [];
  for (const variants of wanted.values()) {
    if (variants.every((v) => offers(pass, v).length === 0)) continue; // not arrived yet
    const size = Math.max(...variants.map((v) => v.size));
    if (planned > 0 && planned + size > budget) break;
    planned += size;
    jobs.push({ bytes: size, run: () => fetchOne(pass, variants) });
  }
  if (total > 0) pass.progress({ phase: 'attachments', done: 0, total });
  await runBounded(jobs, () =>
    pass.progress({ phase: 'attachments', done: pass.out.fetched, total }),
  );
}

/** Tries each device offering one wanted SHA-256 until one file passes; stores it. */
async function fetchOne(pass: Pass, variants: Named[]): Promise<void> {
  for (const ref of variants) {
    for (const { device, entry } of offers(pass, ref)) {
      const path = blobPath(device, ref.name);
      if (pass.ctx.failures.skip(path, entry, pass.ctx.roundNo)) continue;
      const bytes = await readBlob(pass, ref, device, path, entry);
      if (bytes === null) continue;
      await pass.store.store({ sha256: ref.sha256, size: ref.size }, bytes);
      pass.out.fetched += 1;
      pass.out.fetchedBytes += ref.size;
      pass.out.held += 1;
      pass.out.waiting -= 1;
      ref.held = true;
      for (const v of variants) v.held = true;
      return;
    }
  }
}

/**
 * Runs this device's own work on one file (opening, checking, sealing). When that work itself
 * fails (the worker crashed, memory ran out), the file is not to blame: a warning says so, no
 * failure is recorded against the file, and the caller gets undefined and tries again next round.
 */
async function checkHere<T>(
  pass: Pass,
  path: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    pass.report.warnings.push({
      code: 'fs-error',
      path,
      message: `${path} could not be checked on this device (${error instanceof Error ? error.message : String(error)}); it is tried again next round.`,
    });
    return undefined;
  }
}

/** Reads, opens and checks one blob file; null (reported once) when it cannot be used. */
async function readBlob(
  pass: Pass,
  ref: Named,
  device: string,
  path: string,
  entry: FolderEntry,
): Promise<Uint8Array | Blob | null> {
  const { ctx } = pass;
  let problem: string;
  try {
    const raw = await ctx.folder.read(path, storedBlobSize(ref, pass.sealed));
    if (raw === null) return null; // gone since the listing: next round
    const opened = await checkHere(pass, path, () =>
      blobCryptoOf(ctx).open(ref, path, raw, pass.sealed ? ctx.key : null),
    );
    if (opened === undefined) return null;
    if (opened.ok) return opened.bytes;
    problem = opened.problem;
  } catch (error) {
    problem = `it could not be read (${error instanceof Error ? error.message : String(error)})`;
  }
  pass.out.refused += 1;
  if (ctx.failures.record(path, entry, ctx.roundNo)) {
    pass.report.warnings.push({
      code: 'tampered-file',
      deviceId: device,
      path,
      message: `Attachment bytes in ${path} (${deviceLabel(ctx, device)}) were refused: ${problem}. Nothing was stored; another copy is tried, or this one again when it changes.`,
    });
  }
  return null;
}

/** Files in a blobs folder that no attachment record names: ignored, reported once each. */
function reportUnreferenced(pass: Pass, refs: Named[]): void {
  const { ctx } = pass;
  const named = new Set(refs.map((r) => r.name));
  for (const [device, files] of pass.listings) {
    for (const entry of files.values()) {
      if (named.has(entry.name)) continue;
      const path = blobPath(device, entry.name);
      if (!ctx.failures.record(`unreferenced:${path}`, entry, ctx.roundNo, Infinity)) continue;
      pass.report.warnings.push({
        code: 'unreferenced-file',
        deviceId: device,
        path,
        message: `${path} (${deviceLabel(ctx, device)}) is not named by any attachment record this device has: ignored (its record may still be on its way).`,
      });
    }
  }
}
