import { afterEach, describe, expect, it } from 'vitest';
import type Dexie from 'dexie';
import { migration001 } from '../../../../renderer/db/migrations/001-initial';
import { entityTables } from '../../../../shared/model/registry';
import { uniqueDbName } from '../helpers';
import { indexNames, openAtVersion } from './helpers';

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const E1 = '0195a000-0000-7000-8000-0000000000e1';
const E2 = '0195a000-0000-7000-8000-0000000000e2';

describe('migration 001: initial schema', () => {
  it('creates every entity table, the change log and meta', async () => {
    const db = openAtVersion(uniqueDbName('m001'), 1);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(1);
    // every entity table of version 1 (later entities, such as memos, come with later migrations)
    const laterTables: string[] = [entityTables.memo, entityTables.attachment];
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        ...Object.values(entityTables).filter((t) => !laterTables.includes(t)),
        'changes',
        'meta',
      ].sort(),
    );
    expect(Object.keys(migration001.stores).sort()).toEqual(db.tables.map((t) => t.name).sort());
    expect(indexNames(db, 'notes')).toEqual(
      [
        '[engagementId+date]',
        '[engagementId+deletedAt]',
        'date',
        'deletedAt',
        'engagementId',
        'updatedAt',
      ].sort(),
    );
    expect(indexNames(db, 'changes')).toEqual(
      ['[engagementId+hlc]', '[entity+recordId]', 'engagementId', 'hlc', 'seq'].sort(),
    );
    expect(db.table('meta').schema.primKey.name).toBe('key');
  });

  it('serves the queries the UI needs from its indexes', async () => {
    const db = openAtVersion(uniqueDbName('m001'), 1);
    opened.push(db);
    await db.open();
    const issue = (id: string, engagementId: string, status: string, deletedAt: string | null) => ({
      id,
      engagementId,
      status,
      deletedAt,
      raisedAt: '2026-03-02T08:00:00.000Z',
      updatedAt: '2026-03-02T08:00:00.000Z',
    });
    await db
      .table('raisedIssues')
      .bulkAdd([
        issue('i1', E1, 'raised', null),
        issue('i2', E1, 'acknowledged', null),
        issue('i3', E2, 'raised', null),
        issue('i4', E1, 'raised', '2026-03-03T08:00:00.000Z'),
      ]);
    const raised = await db
      .table('raisedIssues')
      .where('[engagementId+status]')
      .equals([E1, 'raised'])
      .primaryKeys();
    expect(raised.sort()).toEqual(['i1', 'i4']);
    // null deletedAt is not indexed: the compound index lists exactly the tombstones
    const trash = await db
      .table('raisedIssues')
      .where('[engagementId+deletedAt]')
      .above([E1, ''])
      .primaryKeys();
    expect(trash).toEqual(['i4']);

    await db.table('acknowledgements').bulkAdd([
      {
        id: 'a1',
        engagementId: E1,
        raisedIssueId: 'i1',
        at: '2026-03-03T09:00:00.000Z',
        deletedAt: null,
      },
      {
        id: 'a2',
        engagementId: E1,
        raisedIssueId: 'i2',
        at: '2026-03-03T10:00:00.000Z',
        deletedAt: null,
      },
    ]);
    expect(
      await db.table('acknowledgements').where('raisedIssueId').equals('i1').primaryKeys(),
    ).toEqual(['a1']);

    await db.table('changes').bulkAdd([
      { id: 'c2', hlc: 'b', entity: 'raisedIssue', recordId: 'i1', engagementId: E1, seq: 2 },
      { id: 'c1', hlc: 'a', entity: 'raisedIssue', recordId: 'i1', engagementId: E1, seq: 1 },
      { id: 'c3', hlc: 'c', entity: 'note', recordId: 'n1', engagementId: E1, seq: 3 },
    ]);
    expect(
      await db
        .table('changes')
        .where('[entity+recordId]')
        .equals(['raisedIssue', 'i1'])
        .primaryKeys(),
    ).toEqual(['c1', 'c2']);
  });
});
