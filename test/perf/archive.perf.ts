import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serializeArchive, type ArchiveContent, type ArchiveRecord } from '../../shared/archive';
import { formatHlc } from '../../shared/clock/hlc';
import type { ChangeRecord } from '../../shared/model/change';
import { entityTables, type EntityName } from '../../shared/model/registry';
import { launchWorkbench, type WorkbenchSession } from '../browser/harness/launchWorkbench';
import { BENCHMARK_SIZE, buildLargeEngagement, seededIds } from '../fixtures/largeEngagement';
import { packChanges } from '../../renderer/db/changeLog/packs';
import { median, reportBench } from './report';

/**
 * Export and re-import of the notebook benchmark's engagement (10,000 notes, 2,000 raised
 * issues, 5,000 acknowledgements, 500 stakeholders, 1,000 risks, 300 areas) in real Chromium,
 * through the app's UI with the scripted file dialogs: import = pick the file (read in pieces
 * over IPC, parsed and checked in the worker) + write (one transaction, from the worker);
 * export = collect, serialise, hash, write in pieces. The app's performance marks split the
 * import into the file read, the check and the transaction. Beside them, as the floor, Dexie's
 * own bulkPut and toArray of the same records and change log in the same page and database,
 * each run right before an import. The floor writes into the app's own database with the
 * indexes the app created there (Dexie opens it with its stored schema), so it always writes
 * the same rows and index entries the app does: since migration 008 the change log of another
 * device is written as packs of 500 changes (the floor writes the same packs). Timed from the test process around the clicks
 * (Playwright's polling adds a few tens of ms). In the Chromium harness the file read goes over
 * the Playwright binding (the DevTools protocol), slower than Electron's IPC.
 */

const RUNS = 3;
const DEVICE = '0195a000-0000-7000-8000-0000000000b1';
const ENTITY_OF_LIST: Record<string, EntityName> = {
  stakeholders: 'stakeholder',
  ownershipAreas: 'ownershipArea',
  risks: 'risk',
  raisedIssues: 'raisedIssue',
  acknowledgements: 'acknowledgement',
  notes: 'note',
  decisions: 'decision',
};

/** The large engagement as an archive's content, with one create change per record. */
function largeContent(): ArchiveContent {
  const data = buildLargeEngagement(BENCHMARK_SIZE);
  const newId = seededIds(77, Date.UTC(2026, 5, 1));
  const changes: ChangeRecord[] = [];
  let seq = 0;
  const base = Date.UTC(2026, 5, 1);
  const logCreate = (entity: EntityName, record: ArchiveRecord) => {
    seq += 1;
    changes.push({
      id: newId(),
      hlc: formatHlc({ wallTime: base + seq, counter: 0, deviceId: DEVICE }),
      deviceId: DEVICE,
      seq,
      entity,
      recordId: record.id,
      engagementId: data.engagement.id,
      op: 'create',
      changes: Object.entries(record)
        .filter(([field]) => !['id', 'createdAt', 'updatedAt', 'deletedAt'].includes(field))
        .map(([field, value]) => ({ field, old: null, new: value })),
      at: new Date(base + seq).toISOString(),
    });
  };
  logCreate('engagement', data.engagement as unknown as ArchiveRecord);
  const records: ArchiveContent['records'] = {};
  for (const [list, entity] of Object.entries(ENTITY_OF_LIST)) {
    const rows = (data as unknown as Record<string, ArchiveRecord[]>)[list] ?? [];
    records[entity] = rows;
    for (const row of rows) logCreate(entity, row);
  }
  return { engagement: data.engagement, records, changes };
}

/** Rows per Dexie table: the same records and change log, for the floor measurement. */
function tableRows(content: ArchiveContent): Record<string, unknown[]> {
  const rows: Record<string, unknown[]> = {
    engagements: [content.engagement],
    // As the app stores another device's changes: in packs (renderer/db/changeLog/packs.ts).
    changePacks: packChanges(content.changes),
  };
  for (const [entity, list] of Object.entries(content.records)) {
    rows[entityTables[entity as EntityName]] = list ?? [];
  }
  return rows;
}

/** Dexie (its UMD build) inside the page, evaluated over the DevTools protocol (not a script tag). */
async function injectDexie(page: Page): Promise<void> {
  const require = createRequire(import.meta.url);
  const source = await readFile(require.resolve('dexie/dist/dexie.js'), 'utf8');
  await page.evaluate(source);
}

interface FloorTimes {
  bulkPutMs: number;
  /** Of bulkPutMs: the records (every table but the change log). */
  recordsPutMs: number;
  /** Of bulkPutMs: the change log. */
  changesPutMs: number;
  toArrayMs: number;
  records: number;
}

/** Dexie bulkPut of every row in one transaction, then toArray of every table, then clear. */
async function dexieFloor(page: Page): Promise<FloorTimes> {
  return page.evaluate(async () => {
    interface DexieTable {
      bulkPut(rows: unknown[]): Promise<unknown>;
      toArray(): Promise<unknown[]>;
      clear(): Promise<void>;
    }
    interface DexieDb {
      open(): Promise<unknown>;
      close(): void;
      table(name: string): DexieTable;
      transaction(mode: string, tables: string[], fn: () => Promise<void>): Promise<void>;
    }
    const w = window as unknown as {
      Dexie: new (name: string) => DexieDb;
      __rows: Record<string, unknown[]>;
    };
    const db = new w.Dexie('engagement-workbench');
    await db.open();
    // The records first, then the change log, timed apart (one transaction, as the app writes).
    const names = [...Object.keys(w.__rows).filter((n) => n !== 'changePacks'), 'changePacks'];
    const t0 = performance.now();
    let tRecords = t0;
    await db.transaction('rw', names, async () => {
      for (const name of names) {
        if (name === 'changePacks') tRecords = performance.now();
        await db.table(name).bulkPut(w.__rows[name] ?? []);
      }
    });
    const t1 = performance.now();
    let records = 0;
    await db.transaction('r', names, async () => {
      for (const name of names) records += (await db.table(name).toArray()).length;
    });
    const t2 = performance.now();
    await db.transaction('rw', [...names, 'meta'], async () => {
      for (const name of [...names, 'meta']) await db.table(name).clear();
    });
    db.close();
    return {
      bulkPutMs: t1 - t0,
      recordsPutMs: tRecords - t0,
      changesPutMs: t1 - tRecords,
      toArrayMs: t2 - t1,
      records,
    };
  });
}

/** The app's marks of one import (see IMPORT_MARKS in archiveReader.ts), as durations; then cleared. */
async function importBreakdown(
  page: Page,
): Promise<{ fileMs: number; checkMs: number; dbMs: number }> {
  return page.evaluate(() => {
    const at = (name: string) =>
      performance.getEntriesByName(name, 'mark').at(-1)?.startTime ?? NaN;
    const start = at('archive-import:start');
    const fileRead = at('archive-import:file-read');
    const checked = at('archive-import:checked');
    const written = at('archive-import:written');
    const writeStart = at('archive-import:write-start');
    performance.clearMarks();
    return { fileMs: fileRead - start, checkMs: checked - fileRead, dbMs: written - writeStart };
  });
}

/** Empties the app's database (between import runs) with Dexie. */
async function clearDatabase(page: Page, names: string[]): Promise<void> {
  await page.evaluate(async (tables) => {
    const w = window as unknown as {
      Dexie: new (name: string) => {
        open(): Promise<unknown>;
        close(): void;
        table(n: string): { clear(): Promise<void> };
      };
    };
    const db = new w.Dexie('engagement-workbench');
    await db.open();
    for (const name of tables) await db.table(name).clear();
    db.close();
  }, names);
}

describe('archive export and import speed', () => {
  let app: WorkbenchSession;
  let dir: string;

  beforeAll(async () => {
    app = await launchWorkbench();
    dir = await mkdtemp(join(tmpdir(), 'archive-perf-'));
    await app.page.getByRole('heading', { name: 'Start your first engagement' }).waitFor();
    // Let the start-up backup check pass (on an empty profile) so it does not run during timing.
    await app.page.waitForTimeout(6_500);
  });

  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('exports and re-imports 10,000 notes and the rest, beside Dexie bulkPut / toArray', async () => {
    const { page } = app;
    const bridge = app.bridge;
    if (!bridge) throw new Error('the benchmark scripts the file dialogs: run it in Chromium');
    const content = largeContent();
    const serialized = await serializeArchive(content, {
      appVersion: '0.1.0',
      exportedAt: '2026-11-26T12:00:00.000Z',
    });
    const source = join(dir, 'large.engagement.json');
    await writeFile(source, serialized.text);
    const bytes = Buffer.byteLength(serialized.text);
    const rows = tableRows(content);
    const recordCount = Object.entries(rows)
      .filter(([name]) => name !== 'changePacks')
      .reduce((n, [, list]) => n + list.length, 0);

    await injectDexie(page);
    await page.evaluate((r) => {
      (window as unknown as { __rows: unknown }).__rows = r;
    }, rows);
    const floors: FloorTimes[] = [];
    const readMs: number[] = [];
    const writeMs: number[] = [];
    const importMs: number[] = [];
    const exportMs: number[] = [];
    const breakdowns: { fileMs: number; checkMs: number; dbMs: number }[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      // The floor right before each import, on the same database in the same state: IndexedDB
      // gets slower as its files fill with the cleared rows of earlier runs, so the ratio
      // compares runs that were made in the same conditions.
      floors.push(await dexieFloor(page));
      await page.getByRole('heading', { name: 'Start your first engagement' }).waitFor();
      bridge.dialogs.answerNextOpen(source);
      await app.menuCommand('import-engagement');
      const dialog = page.getByRole('dialog', { name: 'Import engagement' });
      const t0 = performance.now();
      await dialog.getByRole('button', { name: 'Choose file…' }).click();
      await dialog
        .getByRole('button', { name: 'Import', exact: true })
        .waitFor({ timeout: 120_000 })
        .catch(async (error: unknown) => {
          await app.screenshot('archive-perf-failure');
          console.error(`run ${i}: ${await dialog.innerText().catch(() => '(no dialog)')}`);
          throw error;
        });
      const t1 = performance.now();
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
      await dialog.getByText(/Added “/).waitFor({ timeout: 120_000 });
      const t2 = performance.now();
      readMs.push(t1 - t0);
      writeMs.push(t2 - t1);
      importMs.push(t2 - t0);
      breakdowns.push(await importBreakdown(page));
      await dialog.getByRole('button', { name: 'Close' }).click();

      await page.getByRole('tab', { name: 'Data' }).click();
      const target = join(dir, `export-${i}.engagement.json`);
      bridge.dialogs.answerNextSave(target);
      const t3 = performance.now();
      await page.getByRole('button', { name: 'Export archive…' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Exported to “export-${i}.engagement.json”` })
        .waitFor({ timeout: 120_000 });
      exportMs.push(performance.now() - t3);
      // The round trip of the large archive: the same file but for the export time.
      const again = await readFile(target, 'utf8');
      expect(again.replace(/"exportedAt": "[^"]*"/, '')).toBe(
        serialized.text.replace(/"exportedAt": "[^"]*"/, ''),
      );

      await clearDatabase(page, [...Object.keys(rows), 'meta']);
      await page.getByRole('heading', { name: 'Start your first engagement' }).waitFor();
    }

    expect(floors[0]?.records).toBe(recordCount + (rows.changePacks?.length ?? NaN));
    await page.evaluate(() => {
      delete (window as unknown as { __rows?: unknown }).__rows;
    });
    const bulkPut = median(floors.map((f) => f.bulkPutMs));
    const toArray = median(floors.map((f) => f.toArrayMs));
    const importMedian = median(importMs);
    const exportMedian = median(exportMs);
    await reportBench('archive', [
      { name: 'records (+ same number of changes)', value: recordCount, unit: 'count' },
      { name: 'archive file size', value: bytes, unit: 'bytes' },
      { name: 'import: read + check (worker), median', value: median(readMs), unit: 'ms' },
      {
        name: '  of which: file read over IPC, median',
        value: median(breakdowns.map((b) => b.fileMs)),
        unit: 'ms',
      },
      {
        name: '  of which: parse + validate + checksum, median',
        value: median(breakdowns.map((b) => b.checkMs)),
        unit: 'ms',
      },
      { name: 'import: write (one transaction), median', value: median(writeMs), unit: 'ms' },
      {
        name: '  of which: the transaction (in the worker), median',
        value: median(breakdowns.map((b) => b.dbMs)),
        unit: 'ms',
      },
      { name: 'import total, median', value: importMedian, unit: 'ms', goal: '< 5000' },
      { name: 'export total, median', value: exportMedian, unit: 'ms', goal: '< 5000' },
      { name: 'Dexie bulkPut of the same rows, median', value: bulkPut, unit: 'ms' },
      {
        name: '  of which: the records, median',
        value: median(floors.map((f) => f.recordsPutMs)),
        unit: 'ms',
      },
      {
        name: '  of which: the change log, median',
        value: median(floors.map((f) => f.changesPutMs)),
        unit: 'ms',
      },
      { name: 'Dexie toArray of the same rows, median', value: toArray, unit: 'ms' },
      { name: 'import / bulkPut', value: importMedian / bulkPut, unit: 'ratio' },
      {
        name: 'import write / bulkPut of the same run, median',
        value: median(writeMs.map((ms, i) => ms / (floors[i]?.bulkPutMs ?? NaN))),
        unit: 'ratio',
      },
      { name: 'export / toArray', value: exportMedian / toArray, unit: 'ratio' },
    ]);
    expect(importMs).toHaveLength(RUNS);
  });
});
