import { afterEach, describe, expect, it } from 'vitest';
import type Dexie from 'dexie';
import type { WorkbenchDB } from '../../../../renderer/db/database';
import { collectArchiveContent } from '../../../../renderer/db/archive';
import { SCHEMA_VERSION } from '../../../../renderer/db/migrations';
import { openWorkbenchDb } from '../../../../renderer/db/open';
import {
  listDeviceChangesSince,
  listEngagementHistory,
  listRecordHistory,
} from '../../../../renderer/db/queries/changes';
import { deps, uniqueDbName } from '../helpers';
import { indexNames, openAtVersion } from './helpers';

const opened: Array<Dexie | WorkbenchDB> = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const E1 = '0195a000-0000-7000-8000-0000000000e1';
const E2 = '0195a000-0000-7000-8000-0000000000e2';
const DEV_A = '0195a000-0000-7000-8000-0000000000d1';
const DEV_B = '0195a000-0000-7000-8000-0000000000d2';

/** An engagement record as version 6 stores it. */
function engagement(id: string, title: string) {
  return {
    id,
    code: 'NWL',
    client: 'Northwind Learning',
    title,
    status: 'active',
    archivedAt: null,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    deletedAt: null,
  };
}

/** A change record as version 6 stores it (ids chosen out of HLC order on purpose). */
function change(id: string, engagementId: string, deviceId: string, seq: number, hlc: string) {
  return {
    id,
    hlc,
    deviceId,
    seq,
    entity: 'engagement',
    recordId: engagementId,
    engagementId,
    op: seq === 1 ? 'create' : 'update',
    changes: [{ field: 'title', old: `t${seq - 1}`, new: `t${seq}` }],
    at: '2026-03-02T09:00:00.000Z',
  };
}

const ROWS = [
  change('c4', E1, DEV_A, 1, '2026-03-02T09:00:00.000Z-0000-a'),
  change('c1', E1, DEV_B, 1, '2026-03-02T09:00:00.000Z-0001-b'),
  change('c3', E2, DEV_A, 2, '2026-03-02T09:00:01.000Z-0000-a'),
  change('c2', E1, DEV_A, 3, '2026-03-02T09:00:02.000Z-0000-a'),
];

async function upgradedFromVersion6(): Promise<WorkbenchDB> {
  const name = uniqueDbName('m007');
  const v6 = openAtVersion(name, 6);
  await v6.open();
  expect(indexNames(v6, 'changes')).toEqual(
    [
      '[deviceId+seq]',
      '[engagementId+hlc]',
      '[entity+recordId]',
      'engagementId',
      'hlc',
      'seq',
    ].sort(),
  );
  await v6.table('engagements').bulkAdd([engagement(E1, 't3'), engagement(E2, 't2')]);
  await v6.table('changes').bulkAdd(ROWS);
  v6.close();
  const result = await openWorkbenchDb({ name, deps });
  if (!result.ok) throw new Error(`open failed: ${JSON.stringify(result)}`);
  opened.push(result.db);
  return result.db;
}

describe('migration 007: change log without the engagementId and seq indexes', () => {
  it('drops the two indexes and keeps every change record as it was', async () => {
    const db = await upgradedFromVersion6();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(indexNames(db, 'changes')).toEqual(
      ['[deviceId+seq]', '[engagementId+hlc]', '[entity+recordId]', 'hlc'].sort(),
    );
    const native = db.backendDB().transaction('changes').objectStore('changes');
    expect([...native.indexNames].sort()).toEqual(
      ['[deviceId+seq]', '[engagementId+hlc]', '[entity+recordId]', 'hlc'].sort(),
    );
    expect(await db.changes.orderBy('id').toArray()).toEqual(
      [...ROWS].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  });

  it('still answers every question the app and the sync ask of the change log', async () => {
    const db = await upgradedFromVersion6();
    // an engagement's changes (the export): HLC order, only that engagement
    const content = await collectArchiveContent(db, E1);
    expect(content.changes.map((c) => c.id)).toEqual(['c4', 'c1', 'c2']);
    expect((await listEngagementHistory(db, E1)).map((c) => c.id)).toEqual(['c4', 'c1', 'c2']);
    // `where('engagementId')` still works, from [engagementId+hlc] (Dexie's virtual index)
    expect((await db.changes.where('engagementId').equals(E2).toArray()).map((c) => c.id)).toEqual([
      'c3',
    ]);
    expect(
      (await db.changes.where('engagementId').anyOf([E1, E2]).toArray()).map((c) => c.id).sort(),
    ).toEqual(['c1', 'c2', 'c3', 'c4']);
    // a device's changes after a sequence number (the sync's outbox), a record's history
    expect((await listDeviceChangesSince(db, DEV_A, 1)).map((c) => c.id)).toEqual(['c3', 'c2']);
    expect((await listRecordHistory(db, 'engagement', E1)).map((c) => c.id)).toEqual([
      'c4',
      'c1',
      'c2',
    ]);
    expect(
      (await db.changes.where('hlc').above('2026-03-02T09:00:00.000Z-0001-b').toArray()).map(
        (c) => c.id,
      ),
    ).toEqual(['c3', 'c2']);
  });
});
