import { afterEach, describe, expect, it } from 'vitest';
import type Dexie from 'dexie';
import type { WorkbenchDB } from '../../../../renderer/db/database';
import { SCHEMA_VERSION } from '../../../../renderer/db/migrations';
import { openWorkbenchDb } from '../../../../renderer/db/open';
import { listDeviceChangesSince } from '../../../../renderer/db/queries/changes';
import { deps, uniqueDbName } from '../helpers';
import { indexNames, openAtVersion } from './helpers';

const opened: Array<Dexie | WorkbenchDB> = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const E1 = '0195a000-0000-7000-8000-0000000000e1';
const DEV_A = '0195a000-0000-7000-8000-0000000000d1';
const DEV_B = '0195a000-0000-7000-8000-0000000000d2';

/** A change record as version 1 stored it. */
function change(id: string, deviceId: string, seq: number, hlc: string) {
  return {
    id,
    hlc,
    deviceId,
    seq,
    entity: 'engagement',
    recordId: E1,
    engagementId: E1,
    op: 'update',
    changes: [{ field: 'title', old: `t${seq - 1}`, new: `t${seq}` }],
    at: '2026-03-02T09:00:00.000Z',
  };
}

describe('migration 002: change log indexed by device and sequence', () => {
  it('upgrades a version-1 database: data intact, new index usable', async () => {
    const name = uniqueDbName('m002');
    const v1 = openAtVersion(name, 1);
    await v1.open();
    const engagement = {
      id: E1,
      client: 'Northwind Learning',
      title: 'Database operations review',
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
      deletedAt: null,
    };
    await v1.table('engagements').add(engagement);
    const rows = [
      change('c1', DEV_A, 1, '2026-03-02T09:00:00.000Z-0000-a'),
      change('c2', DEV_B, 1, '2026-03-02T09:00:00.000Z-0001-b'),
      change('c3', DEV_A, 2, '2026-03-02T09:00:01.000Z-0000-a'),
      change('c4', DEV_A, 3, '2026-03-02T09:00:02.000Z-0000-a'),
    ];
    await v1.table('changes').bulkAdd(rows);
    await v1.table('meta').put({ key: `seq:${DEV_A}`, value: 3 });
    expect(indexNames(v1, 'changes')).not.toContain('[deviceId+seq]');
    v1.close();

    const result = await openWorkbenchDb({ name, deps });
    if (!result.ok) throw new Error(`open failed: ${JSON.stringify(result)}`);
    const db = result.db;
    opened.push(db);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(indexNames(db, 'changes')).toContain('[deviceId+seq]');

    // data intact
    expect(await db.engagements.get(E1)).toEqual(engagement);
    expect(await db.changes.orderBy('id').toArray()).toEqual(rows);
    expect(await db.meta.get(`seq:${DEV_A}`)).toEqual({ key: `seq:${DEV_A}`, value: 3 });

    // the new index answers "changes of device A after seq 1", in sequence order
    expect((await listDeviceChangesSince(db, DEV_A, 1)).map((c) => c.id)).toEqual(['c3', 'c4']);
    expect((await listDeviceChangesSince(db, DEV_B, 0)).map((c) => c.id)).toEqual(['c2']);
    expect(await listDeviceChangesSince(db, DEV_B, 1)).toEqual([]);
  });
});
