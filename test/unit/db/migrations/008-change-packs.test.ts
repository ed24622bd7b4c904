import { afterEach, describe, expect, it } from 'vitest';
import type Dexie from 'dexie';
import type { WorkbenchDB } from '../../../../renderer/db/database';
import { SCHEMA_VERSION, migrations } from '../../../../renderer/db/migrations';
import { migration008 } from '../../../../renderer/db/migrations/008-change-packs';
import { openWorkbenchDb } from '../../../../renderer/db/open';
import { storeChanges } from '../../../../renderer/db/changeLog/packs';
import {
  latestLoggedHlc,
  loggedChangeIds,
  readAllChanges,
  readChangesAfter,
  readEngagementLog,
  readRecordLog,
} from '../../../../renderer/db/changeLog/reads';
import { formatHlc } from '../../../../shared/clock/hlc';
import type { ChangeRecord } from '../../../../shared/model/change';
import { deps, uniqueDbName } from '../helpers';
import { indexNames, openAtVersion } from './helpers';

const opened: Array<Dexie | WorkbenchDB> = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const E1 = '0195a000-0000-7000-8000-0000000000e1';
const E2 = '0195a000-0000-7000-8000-0000000000e2';
const DEV_A = '0195a000-0000-7000-8000-0000000000d1';
const DEV_B = '0195a000-0000-7000-8000-0000000000d2';
const DEV_C = '0195a000-0000-7000-8000-0000000000d3';
const RISK = '0195a100-0000-7000-8000-000000000001';

const CHANGES_INDEXES = ['[deviceId+seq]', '[engagementId+hlc]', '[entity+recordId]', 'hlc'];
const PACK_INDEXES = ['[engagementId+maxHlc]', 'changeIds', 'maxHlc', 'recordKeys'];

/** A change record as version 7 stores it. */
function change(
  n: number,
  deviceId: string,
  seq: number,
  second: number,
  engagementId: string,
  entity: 'engagement' | 'risk',
): ChangeRecord {
  const wallTime = T0 + second * 1_000;
  return {
    id: `019cadc1-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
    hlc: formatHlc({ wallTime, counter: 0, deviceId }),
    deviceId,
    deviceName: deviceId === DEV_A ? 'Work laptop' : 'Home desktop',
    actor: 'Dana Whitfield',
    seq,
    entity,
    recordId: entity === 'engagement' ? engagementId : RISK,
    engagementId,
    op: seq === 1 ? 'create' : 'update',
    changes: [{ field: 'title', old: `t${seq - 1}`, new: `t${seq}` }],
    at: new Date(wallTime).toISOString(),
  };
}

/** Own changes and changes received from B before packs existed: all rows. */
const ROWS: ChangeRecord[] = [
  change(5, DEV_A, 1, 0, E1, 'engagement'),
  change(3, DEV_B, 1, 1, E2, 'engagement'),
  change(9, DEV_A, 2, 2, E1, 'risk'),
  change(1, DEV_B, 2, 3, E1, 'risk'),
  change(7, DEV_A, 3, 4, E1, 'engagement'),
  change(2, DEV_B, 3, 5, E1, 'risk'),
];

const byHlc = (list: readonly ChangeRecord[]) =>
  [...list].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));

async function upgradedFromVersion7(): Promise<WorkbenchDB> {
  const name = uniqueDbName('m008');
  const v7 = openAtVersion(name, 7);
  await v7.open();
  expect(v7.tables.map((t) => t.name)).not.toContain('changePacks');
  expect(indexNames(v7, 'changes')).toEqual([...CHANGES_INDEXES].sort());
  await v7.table('changes').bulkAdd(ROWS);
  v7.close();
  const result = await openWorkbenchDb({ name, deps });
  if (!result.ok) throw new Error(`open failed: ${JSON.stringify(result)}`);
  opened.push(result.db);
  return result.db;
}

describe('migration 008: change packs', () => {
  it('is the version-8 step and adds only the changePacks table', () => {
    expect(migration008.version).toBe(8);
    expect(Object.keys(migration008.stores)).toEqual(['changePacks']);
    expect(migration008.upgrade).toBeUndefined();
    expect(migrations).toContain(migration008);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(8);
  });

  it('keeps every change row of a version-7 database as it was', async () => {
    const db = await upgradedFromVersion7();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.changes.orderBy('id').toArray()).toEqual(
      [...ROWS].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(indexNames(db, 'changes')).toEqual([...CHANGES_INDEXES].sort());
    expect(await db.changePacks.count()).toBe(0);
  });

  it('creates changePacks with its multi-entry and compound indexes', async () => {
    const db = await upgradedFromVersion7();
    expect(indexNames(db, 'changePacks')).toEqual(PACK_INDEXES);
    const schema = db.changePacks.schema;
    expect(schema.primKey.keyPath).toBe('id');
    expect(schema.indexes.find((i) => i.name === 'recordKeys')?.multi).toBe(true);
    expect(schema.indexes.find((i) => i.name === 'changeIds')?.multi).toBe(true);
    expect(schema.indexes.find((i) => i.name === '[engagementId+maxHlc]')?.compound).toBe(true);
    // the real IndexedDB store, not only Dexie's view of it
    const native = db.backendDB().transaction('changePacks').objectStore('changePacks');
    expect(native.keyPath).toBe('id');
    expect([...native.indexNames].sort()).toEqual(PACK_INDEXES);
    expect(native.index('recordKeys').multiEntry).toBe(true);
    expect(native.index('changeIds').multiEntry).toBe(true);
    expect(native.index('maxHlc').multiEntry).toBe(false);
    expect(native.index('[engagementId+maxHlc]').keyPath).toEqual(['engagementId', 'maxHlc']);
  });

  it('lets the readers of the log read the old rows', async () => {
    const db = await upgradedFromVersion7();
    const e1 = byHlc(ROWS.filter((c) => c.engagementId === E1));
    expect(await readRecordLog(db, 'risk', RISK)).toEqual(
      byHlc(ROWS.filter((c) => c.recordId === RISK)),
    );
    expect((await readRecordLog(db, 'engagement', E2)).map((c) => c.id)).toEqual([
      (ROWS[1] as ChangeRecord).id,
    ]);
    expect(await readEngagementLog(db, E1)).toEqual(e1);
    expect(await readEngagementLog(db, E1, { newestFirst: true, limit: 2 })).toEqual(
      [...e1].reverse().slice(0, 2),
    );
    expect(await readAllChanges(db, [E1, E2])).toEqual([
      ...e1,
      ...ROWS.filter((c) => c.engagementId === E2),
    ]);
    expect(await latestLoggedHlc(db)).toBe((ROWS[5] as ChangeRecord).hlc);
    expect(
      await loggedChangeIds(
        db,
        ROWS.map((c) => c.id),
      ),
    ).toEqual(new Set(ROWS.map((c) => c.id)));
  });

  it('reads old rows and new packs together after the upgrade', async () => {
    const db = await upgradedFromVersion7();
    const received = [
      change(20, DEV_C, 1, 6, E1, 'risk'),
      change(21, DEV_C, 2, 7, E1, 'engagement'),
      change(22, DEV_C, 3, 8, E2, 'engagement'),
    ];
    await db.transaction('rw', db.changes, db.changePacks, () => storeChanges(db, received, DEV_A));
    expect(await db.changes.count()).toBe(ROWS.length);
    expect(await db.changePacks.count()).toBe(2);
    const all = [...ROWS, ...received];
    expect(await readRecordLog(db, 'risk', RISK)).toEqual(
      byHlc(all.filter((c) => c.recordId === RISK)),
    );
    expect(await readEngagementLog(db, E1, { newestFirst: true, limit: 3 })).toEqual(
      byHlc(all.filter((c) => c.engagementId === E1))
        .reverse()
        .slice(0, 3),
    );
    expect(await readChangesAfter(db, (ROWS[4] as ChangeRecord).hlc)).toEqual(
      byHlc([ROWS[5] as ChangeRecord, ...received]),
    );
    expect(await latestLoggedHlc(db)).toBe((received[2] as ChangeRecord).hlc);
  });
});
