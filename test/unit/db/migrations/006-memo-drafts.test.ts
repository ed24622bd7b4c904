import { afterEach, describe, expect, it } from 'vitest';
import type Dexie from 'dexie';
import type { WorkbenchDB } from '../../../../renderer/db/database';
import { SCHEMA_VERSION, migrations } from '../../../../renderer/db/migrations';
import { migration006 } from '../../../../renderer/db/migrations/006-memo-drafts';
import { openWorkbenchDb } from '../../../../renderer/db/open';
import { listMemoDrafts } from '../../../../renderer/db/queries/memoDrafts';
import { deps, uniqueDbName } from '../helpers';
import { indexNames, openAtVersion } from './helpers';

const opened: Array<Dexie | WorkbenchDB> = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const E1 = '0195a000-0000-7000-8000-0000000000e1';
const E2 = '0195a000-0000-7000-8000-0000000000e2';

/** A stored draft row as version 6 keeps it. */
function draftRow(id: string, engagementId: string, updatedAt: string) {
  return {
    id,
    engagementId,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt,
    reissueOfId: null,
    date: null,
    subject: `Draft ${id.slice(-2)}`,
    recipientIds: [],
    ccIds: [],
    scopeKind: 'open',
    selectedIssueIds: [],
    excludeInternal: true,
    purpose: '',
    limits: '',
    responsibility: '',
    distribution: '',
  };
}

describe('migration 006: memo drafts table', () => {
  it('is the version-6 step and adds only the memoDrafts table', () => {
    expect(migration006.version).toBe(6);
    expect(Object.keys(migration006.stores)).toEqual(['memoDrafts']);
    expect(migrations).toContain(migration006);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
  });

  it('upgrades a version-4 database, keeping its data, and adds the drafts table', async () => {
    const name = uniqueDbName('m006');
    const v4 = openAtVersion(name, 4);
    await v4.open();
    expect(v4.tables.map((t) => t.name)).not.toContain('memoDrafts');
    const engagement = {
      id: E1,
      client: 'Northwind Learning',
      title: 'Database operations review',
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
      deletedAt: null,
    };
    await v4.table('engagements').add(engagement);
    await v4.table('syncState').put({ key: 'lastSync', value: 'x' });
    v4.close();

    const result = await openWorkbenchDb({ name, deps });
    if (!result.ok) throw new Error(`open failed: ${JSON.stringify(result)}`);
    const db = result.db;
    opened.push(db);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.engagements.get(E1)).toEqual(engagement);
    expect(await db.table('syncState').get('lastSync')).toEqual({ key: 'lastSync', value: 'x' });
    expect(db.memoDrafts.schema.primKey.name).toBe('id');
    expect(indexNames(db, 'memoDrafts')).toEqual(['[engagementId+updatedAt]', 'engagementId']);
    expect(await db.memoDrafts.count()).toBe(0);
  });

  it("serves an engagement's drafts newest first from its compound index", async () => {
    const db = openAtVersion(uniqueDbName('m006'), 6);
    opened.push(db);
    await db.open();
    await db
      .table('memoDrafts')
      .bulkAdd([
        draftRow('0195a000-0000-7000-8000-0000000000a1', E1, '2026-03-02T10:00:00.000Z'),
        draftRow('0195a000-0000-7000-8000-0000000000a2', E1, '2026-03-02T12:00:00.000Z'),
        draftRow('0195a000-0000-7000-8000-0000000000a3', E2, '2026-03-02T13:00:00.000Z'),
        draftRow('0195a000-0000-7000-8000-0000000000a4', E1, '2026-03-02T11:00:00.000Z'),
      ]);
    const ids = await listMemoDrafts(db as WorkbenchDB, E1);
    expect(ids.map((d) => d.id.slice(-2))).toEqual(['a2', 'a4', 'a1']);
  });
});
