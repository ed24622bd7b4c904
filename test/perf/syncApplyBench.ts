import { formatHlc } from '../../shared/clock/hlc';
import type { ChangeRecord } from '../../shared/model/change';
import type { WorkbenchDB } from '../../renderer/db/database';
import { applyChanges } from '../../renderer/db/sync/applyChanges';
import { packChanges } from '../../renderer/db/changeLog/packs';
import { BENCHMARK_SIZE, buildLargeEngagement, seededIds } from '../fixtures/largeEngagement';

/**
 * Applying 100,000 remote changes against a raw Dexie bulkPut of the same records and change
 * records, in the same run and on the same IndexedDB. The raw side stores the change records as
 * the app stores those of other devices (packs of 500, renderer/db/changeLog/packs.ts), so both
 * sides write the same rows. Shared by the Node bench (fake-indexeddb,
 * sync.perf.ts) and the Chromium one (real IndexedDB, syncChromium.perf.ts): no Node module here.
 *
 * Four cases on one target database, each compared with the raw writes of exactly what the
 * apply left (records as stored after it, change records as received) on a second database that
 * went through the same steps:
 * 1. 100,000 creates (a new device's first sync; the raw side is timed first, in one transaction
 *    and in 5,000-record ones, the faster is the floor);
 * 2. 99,999 title edits older than the local clock (which adopted the wall clock): they win,
 *    after the chunk's recent log is checked;
 * 3. 99,999 edits made after everything logged (the usual case);
 * 4. 99,999 edits that lose last-writer-wins (older than case 3's): only change records written
 *    by the apply; the raw side writes the records unchanged.
 */

/** How a bench run opens and drops its databases, and reads the clocks. */
export interface ApplyBenchEnv {
  /** Opens a new empty database. */
  open(name: string): Promise<WorkbenchDB>;
  /** Deletes a database (frees its memory in fake-indexeddb). */
  remove(db: WorkbenchDB): Promise<void>;
  /** CPU time of the process so far (ms), where it can be read (Node). */
  cpuMs?: () => number;
  /** This device's id for applyChanges. */
  deviceId: string;
  /** Records per case (default 100,000 changes). */
  size?: number;
  /** The apply to measure (default applyChanges; lets a comparison run an earlier version). */
  apply?: typeof applyChanges;
}

/** Wall and (where known) CPU time of one timed step. */
export interface Timing {
  ms: number;
  cpuMs: number | null;
}

/** The timings of one run. */
export interface ApplyBenchTimings {
  /** Changes per case (the creates; the edit cases have one fewer). */
  size: number;
  creates: { apply: Timing; rawOneTransaction: Timing; rawChunked: Timing };
  olderEdits: { apply: Timing; raw: Timing; rawTitleOnly: Timing };
  laterEdits: { apply: Timing; raw: Timing };
  losingEdits: { apply: Timing; raw: Timing };
}

const CHUNK = 5_000;

/** Runs the four cases once; throws when an outcome is not the expected one. */
export async function runApplyBench(env: ApplyBenchEnv): Promise<ApplyBenchTimings> {
  const size = env.size ?? 100_000;
  // a small run first, not reported: both sides then start with compiled code
  if (size > 10_000) await runApplyBench({ ...env, size: 2_000 });
  const timed = async <T>(fn: () => Promise<T>): Promise<{ result: T; time: Timing }> => {
    const cpu = env.cpuMs?.() ?? null;
    const wall = performance.now();
    const result = await fn();
    const ms = performance.now() - wall;
    return { result, time: { ms, cpuMs: cpu === null ? null : (env.cpuMs?.() ?? 0) - cpu } };
  };
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`apply bench: ${what}`);
  };
  const apply = (db: WorkbenchDB, changes: ChangeRecord[]) =>
    timed(() => (env.apply ?? applyChanges)(db, changes, { deviceId: env.deviceId }));

  const data = buildLargeEngagement(BENCHMARK_SIZE);
  const remoteDevice = '0195a000-0000-7000-8000-0000000000be';
  const ids = seededIds(9, Date.UTC(2026, 4, 1));
  const base = Date.UTC(2026, 4, 1);
  const engagementId = data.engagement.id;
  // `size` changes: the engagement, then size - 1 notes (one create each)
  const creates: ChangeRecord[] = [];
  const notes: Record<string, unknown>[] = [];
  const template = data.notes[0]!;
  let seq = 0;
  const push = (entity: 'engagement' | 'note', record: Record<string, unknown>) => {
    seq += 1;
    const { id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = record;
    creates.push({
      id: ids(),
      hlc: formatHlc({ wallTime: base + seq, counter: 0, deviceId: remoteDevice }),
      deviceId: remoteDevice,
      seq,
      entity,
      recordId: String(id),
      engagementId,
      op: 'create',
      changes: Object.entries(fields).map(([field, value]) => ({ field, old: null, new: value })),
      at: new Date(base + seq).toISOString(),
    });
  };
  push('engagement', data.engagement as unknown as Record<string, unknown>);
  for (let i = 1; i < size; i++) {
    const at = new Date(base + i + 1).toISOString();
    const note = { ...template, id: ids(), title: `Note ${i}`, createdAt: at, updatedAt: at };
    notes.push(note);
    push('note', note);
  }
  const edits = (
    wallTime: (i: number) => number,
    title: (i: number) => string,
    old: (i: number) => unknown,
  ) =>
    notes.map((note, i): ChangeRecord => {
      seq += 1;
      const wall = wallTime(i);
      return {
        id: ids(),
        hlc: formatHlc({ wallTime: wall, counter: 0, deviceId: remoteDevice }),
        deviceId: remoteDevice,
        seq,
        entity: 'note',
        recordId: String(note.id),
        engagementId,
        op: 'update',
        changes: [{ field: 'title', old: old(i), new: title(i) }],
        at: new Date(wall).toISOString(),
      };
    });
  /** The notes as the apply leaves them after winning edits: new title, updatedAt = their at. */
  const asApplied = (winning: ChangeRecord[]) =>
    notes.map((note, i) => ({
      ...note,
      title: winning[i]!.changes[0]!.new,
      updatedAt: winning[i]!.at,
    }));
  const rawPut = (
    db: WorkbenchDB,
    records: Record<string, unknown>[],
    changes: ChangeRecord[],
    chunk = CHUNK,
  ) =>
    timed(async () => {
      for (let i = 0; i < records.length; i += chunk) {
        await db.transaction('rw', db.notes, db.changePacks, async () => {
          await db.notes.bulkPut(records.slice(i, i + chunk) as never[]);
          await db.changePacks.bulkPut(packChanges(changes.slice(i, i + chunk)));
        });
      }
    });
  const rawCreates = async (db: WorkbenchDB, chunk: number) => {
    const first = await timed(() =>
      db.transaction('rw', db.engagements, db.changePacks, async () => {
        await db.engagements.bulkPut([data.engagement]);
        await db.changePacks.bulkPut(packChanges(creates.slice(0, 1)));
      }),
    );
    const rest = await rawPut(db, notes, creates.slice(1), chunk);
    const cpu =
      first.time.cpuMs === null || rest.time.cpuMs === null
        ? null
        : first.time.cpuMs + rest.time.cpuMs;
    return { ms: first.time.ms + rest.time.ms, cpuMs: cpu };
  };
  const sameNote = async (a: WorkbenchDB, b: WorkbenchDB, i: number) => {
    const id = String(notes[i]!.id);
    const [x, y] = [await a.notes.get(id), await b.notes.get(id)];
    const sorted = (r: unknown) => JSON.stringify(Object.entries(r ?? {}).sort());
    check(sorted(x) === sorted(y), `the raw side wrote note ${i} differently`);
  };

  /** Runs `fn` on a database deleted afterwards; nothing keeps a reference to it (memory). */
  const onThrowaway = async <T>(name: string, fn: (db: WorkbenchDB) => Promise<T>): Promise<T> => {
    const db = await env.open(name);
    try {
      return await fn(db);
    } finally {
      await env.remove(db);
    }
  };

  // 1. creates. The raw writes first, each on a fresh database deleted afterwards, so each side
  // runs with the same memory in use (fake-indexeddb keeps everything on the JS heap, and a
  // bigger heap makes every later step slower).
  const rawOneTransaction = await onThrowaway('apply-raw-one', (db) =>
    rawCreates(db, notes.length),
  );
  const rawChunked = await onThrowaway('apply-raw-chunked', (db) => rawCreates(db, CHUNK));
  const target = await env.open('apply-target');
  const created = await apply(target, creates);
  check(created.result.applied === size, 'creates not all applied');
  check((await target.notes.count()) === size - 1, 'notes missing');
  // the raw side of the edits starts where the target is (not timed)
  const raw = await env.open('apply-raw');
  await rawCreates(raw, CHUNK);
  await sameNote(target, raw, 3);

  // 2. older than the local clock, winning
  const older = edits(
    (i) => base + size + 1 + i,
    (i) => `Edited ${i}`,
    (i) => notes[i]!.title,
  );
  const olderApply = await apply(target, older);
  check(olderApply.result.applied === older.length, 'older edits not all applied');
  check(olderApply.result.recordsWritten === older.length, 'older edits did not all win');
  const olderRaw = await rawPut(raw, asApplied(older), older);
  await sameNote(target, raw, 5);
  // what this bench compared with before: the title only (updatedAt left as it was), i.e.
  // records other than those the apply writes; reported for continuity
  const olderRawTitleOnly = await onThrowaway('apply-raw-title-only', async (db) => {
    await rawCreates(db, CHUNK);
    const titleOnly = notes.map((note, i) => ({ ...note, title: `Edited ${i}` }));
    return (await rawPut(db, titleOnly, older)).time;
  });

  // 3. after everything logged
  const start = Date.now() + 1_000;
  const later = edits(
    (i) => start + i,
    (i) => `Edited again ${i}`,
    (i) => `Edited ${i}`,
  );
  const laterApply = await apply(target, later);
  check(laterApply.result.recordsWritten === later.length, 'later edits did not all win');
  const laterRaw = await rawPut(raw, asApplied(later), later);
  await sameNote(target, raw, 7);

  // 4. losing: older than case 3's edits
  const losing = edits(
    (i) => base + 2 * size + 1 + i,
    (i) => `Lost ${i}`,
    (i) => `Edited ${i}`,
  );
  const losingApply = await apply(target, losing);
  check(losingApply.result.applied === losing.length, 'losing edits not all recorded');
  check(losingApply.result.recordsWritten === 0, 'losing edits wrote records');
  const losingRaw = await rawPut(raw, asApplied(later), losing);
  await sameNote(target, raw, 9);
  check(
    (await target.notes.get(String(notes[9]!.id)))?.title === 'Edited again 9',
    'lost edit won',
  );

  await env.remove(raw);
  await env.remove(target);
  return {
    size,
    creates: { apply: created.time, rawOneTransaction, rawChunked },
    olderEdits: { apply: olderApply.time, raw: olderRaw.time, rawTitleOnly: olderRawTitleOnly },
    laterEdits: { apply: laterApply.time, raw: laterRaw.time },
    losingEdits: { apply: losingApply.time, raw: losingRaw.time },
  };
}

/** Figures of a run for reportBench: times and raw / apply ratios (wall, and CPU where known). */
export function applyBenchFigures(
  t: ApplyBenchTimings,
  where: string,
): { name: string; value: number; unit: 'ms' | 'ratio'; goal?: string }[] {
  const out: { name: string; value: number; unit: 'ms' | 'ratio'; goal?: string }[] = [];
  const ratio = (name: string, raw: Timing, apply: Timing, goal?: string) => {
    out.push({ name: `${name}: apply`, value: apply.ms, unit: 'ms' });
    out.push({ name: `${name}: raw bulkPut of the same`, value: raw.ms, unit: 'ms' });
    out.push({
      name: `${name}: speed ratio raw / apply (${where})`,
      value: raw.ms / apply.ms,
      unit: 'ratio',
      ...(goal ? { goal } : {}),
    });
    if (raw.cpuMs !== null && apply.cpuMs !== null) {
      out.push({
        name: `${name}: same in CPU time`,
        value: raw.cpuMs / apply.cpuMs,
        unit: 'ratio',
      });
    }
  };
  const c = t.creates;
  const n = t.size.toLocaleString('en-US');
  const e = (t.size - 1).toLocaleString('en-US');
  out.push({ name: 'creates: raw in one transaction', value: c.rawOneTransaction.ms, unit: 'ms' });
  out.push({
    name: 'creates: raw in 5,000-record transactions',
    value: c.rawChunked.ms,
    unit: 'ms',
  });
  const fastest = c.rawOneTransaction.ms < c.rawChunked.ms ? c.rawOneTransaction : c.rawChunked;
  ratio(`${n} creates (fastest raw)`, fastest, c.apply, '>= 0.7');
  ratio(`${e} edits older than the local clock`, t.olderEdits.raw, t.olderEdits.apply, '>= 0.7');
  out.push({
    name: 'older edits: ratio against the title-only raw bulkPut this bench used before',
    value: t.olderEdits.rawTitleOnly.ms / t.olderEdits.apply.ms,
    unit: 'ratio',
  });
  ratio(`${e} edits made after the last sync`, t.laterEdits.raw, t.laterEdits.apply, '>= 0.7');
  ratio(`${e} edits that lose last-writer-wins`, t.losingEdits.raw, t.losingEdits.apply, '>= 0.7');
  return out;
}
